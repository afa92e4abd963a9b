package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import org.scim2j.core.internal.ResourceParts;
import org.scim2j.core.schema.Schemas;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A User resource with every attribute of RFC 7643 §4.1 and the Enterprise User extension of §4.3. Immutable and
 * thread-safe; build one with {@link #builder()} or read one with {@code ScimJson.toTyped(tree, User.class)}.
 *
 * <pre>{@code
 *   User user = User.builder().userName("bjensen").active(true)
 *       .emails(List.of(new Email("bjensen@example.com", null, "work", true)))
 *       .enterpriseUser(new EnterpriseUser("701984", null, null, null, "Tour Operations", null))
 *       .build();
 * }</pre>
 *
 * <p>Absent attributes are {@code null}; absent multi-valued attributes are empty lists (RFC 7643 §2.5 treats null
 * and {@code []} alike). {@code password} is write-only (RFC 7643 §4.1.1): it is read from JSON but never written.
 * Attributes the class does not model (unknown top-level attributes and unknown extension objects keyed by URN) are
 * kept in {@link #otherAttributes()} and written back, so conversion to and from JSON loses nothing.
 * {@link #schemas()} is derived: the core User URN, the Enterprise URN when {@link #enterpriseUser()} is present,
 * then any other URNs the resource was given.
 *
 * <p>Why it is long (about 600 lines): RFC 7643 §4.1 gives the User some twenty attributes, each with a field, an
 * accessor and a builder setter, with Jackson's naming beside them; splitting it would scatter one model's shape.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder(
        {"schemas", "id", "externalId", "meta", "userName", "name", "displayName", "nickName", "profileUrl", "title",
        "userType", "preferredLanguage", "locale", "timezone", "active", "emails", "phoneNumbers", "ims", "photos",
        "addresses", "groups", "entitlements", "roles", "x509Certificates"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(builder = User.Builder.class)
public final class User {

    private static final Set<String> MODELLED = ResourceParts.names(
            "schemas", "id", "externalId", "meta", "userName", "name", "displayName", "nickName", "profileUrl",
            "title", "userType", "preferredLanguage", "locale", "timezone", "active", "password", "emails",
            "phoneNumbers", "ims", "photos", "addresses", "groups", "entitlements", "roles", "x509Certificates",
            Schemas.ENTERPRISE_USER);

    private final String id;
    private final String externalId;
    private final Meta meta;
    @NotBlank
    private final String userName;
    private final Name name;
    private final String displayName;
    private final String nickName;
    private final String profileUrl;
    private final String title;
    private final String userType;
    private final String preferredLanguage;
    private final String locale;
    private final String timezone;
    private final Boolean active;
    private final String password;
    private final List<Email> emails;
    private final List<PhoneNumber> phoneNumbers;
    private final List<Im> ims;
    private final List<Photo> photos;
    private final List<Address> addresses;
    private final List<GroupMembership> groups;
    private final List<Entitlement> entitlements;
    private final List<Role> roles;
    private final List<X509Certificate> x509Certificates;
    private final EnterpriseUser enterpriseUser;
    private final List<String> storedSchemas;
    private final ObjectNode other;

    private User(Builder b) {
        this.id = b.id;
        this.externalId = b.externalId;
        this.meta = b.meta;
        this.userName = b.userName;
        this.name = b.name;
        this.displayName = b.displayName;
        this.nickName = b.nickName;
        this.profileUrl = b.profileUrl;
        this.title = b.title;
        this.userType = b.userType;
        this.preferredLanguage = b.preferredLanguage;
        this.locale = b.locale;
        this.timezone = b.timezone;
        this.active = b.active;
        this.password = b.password;
        this.emails = ResourceParts.copy(b.emails);
        this.phoneNumbers = ResourceParts.copy(b.phoneNumbers);
        this.ims = ResourceParts.copy(b.ims);
        this.photos = ResourceParts.copy(b.photos);
        this.addresses = ResourceParts.copy(b.addresses);
        this.groups = ResourceParts.copy(b.groups);
        this.entitlements = ResourceParts.copy(b.entitlements);
        this.roles = ResourceParts.copy(b.roles);
        this.x509Certificates = ResourceParts.copy(b.x509Certificates);
        this.enterpriseUser = b.enterpriseUser;
        this.storedSchemas = ResourceParts.otherSchemas(b.schemas, Schemas.USER, Schemas.ENTERPRISE_USER);
        this.other = b.other.deepCopy();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this user's values, for a modified copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.externalId = externalId;
        b.meta = meta;
        b.userName = userName;
        b.name = name;
        b.displayName = displayName;
        b.nickName = nickName;
        b.profileUrl = profileUrl;
        b.title = title;
        b.userType = userType;
        b.preferredLanguage = preferredLanguage;
        b.locale = locale;
        b.timezone = timezone;
        b.active = active;
        b.password = password;
        b.emails = emails;
        b.phoneNumbers = phoneNumbers;
        b.ims = ims;
        b.photos = photos;
        b.addresses = addresses;
        b.groups = groups;
        b.entitlements = entitlements;
        b.roles = roles;
        b.x509Certificates = x509Certificates;
        b.enterpriseUser = enterpriseUser;
        b.schemas = storedSchemas;
        b.other = other.deepCopy();
        return b;
    }

    /** The schema URNs (RFC 7643 §3): the core User URN, the Enterprise URN if the extension is present, others. */
    @JsonProperty("schemas")
    public List<String> schemas() {
        return ResourceParts.schemas(Schemas.USER, Schemas.ENTERPRISE_USER, enterpriseUser != null, storedSchemas);
    }

    /** The service provider's identifier (RFC 7643 §3.1), read-only. */
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** The provisioning client's identifier (RFC 7643 §3.1). */
    @JsonProperty("externalId")
    public String externalId() {
        return externalId;
    }

    /** The resource metadata (RFC 7643 §3.1). */
    @JsonProperty("meta")
    public Meta meta() {
        return meta;
    }

    /** The unique identifier used to sign in, required. */
    @JsonProperty("userName")
    public String userName() {
        return userName;
    }

    /** The name components. */
    @JsonProperty("name")
    public Name name() {
        return name;
    }

    /** The name to display. */
    @JsonProperty("displayName")
    public String displayName() {
        return displayName;
    }

    /** The casual name. */
    @JsonProperty("nickName")
    public String nickName() {
        return nickName;
    }

    /** The URI of the online profile. */
    @JsonProperty("profileUrl")
    public String profileUrl() {
        return profileUrl;
    }

    /** The title, e.g. {@code Vice President}. */
    @JsonProperty("title")
    public String title() {
        return title;
    }

    /** The relationship to the organisation, e.g. {@code Employee}. */
    @JsonProperty("userType")
    public String userType() {
        return userType;
    }

    /** The preferred language, e.g. {@code en-US} (RFC 7231 Accept-Language syntax). */
    @JsonProperty("preferredLanguage")
    public String preferredLanguage() {
        return preferredLanguage;
    }

    /** The locale for localised values, e.g. {@code en-US}. */
    @JsonProperty("locale")
    public String locale() {
        return locale;
    }

    /** The IANA time zone, e.g. {@code America/Los_Angeles}. */
    @JsonProperty("timezone")
    public String timezone() {
        return timezone;
    }

    /** Whether the user may sign in. */
    @JsonProperty("active")
    public Boolean active() {
        return active;
    }

    /** The clear-text password; write-only: accepted on input, never written on output. */
    public String password() {
        return password;
    }

    /** The email addresses; empty if none. */
    @JsonProperty("emails")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Email> emails() {
        return emails;
    }

    /** The phone numbers; empty if none. */
    @JsonProperty("phoneNumbers")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<PhoneNumber> phoneNumbers() {
        return phoneNumbers;
    }

    /** The instant messaging addresses; empty if none. */
    @JsonProperty("ims")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Im> ims() {
        return ims;
    }

    /** The photo URIs; empty if none. */
    @JsonProperty("photos")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Photo> photos() {
        return photos;
    }

    /** The physical addresses; empty if none. */
    @JsonProperty("addresses")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Address> addresses() {
        return addresses;
    }

    /** The groups the user belongs to; read-only, managed through Group resources; empty if none. */
    @JsonProperty("groups")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<GroupMembership> groups() {
        return groups;
    }

    /** The entitlements; empty if none. */
    @JsonProperty("entitlements")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Entitlement> entitlements() {
        return entitlements;
    }

    /** The roles; empty if none. */
    @JsonProperty("roles")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Role> roles() {
        return roles;
    }

    /** The X.509 certificates; empty if none. */
    @JsonProperty("x509Certificates")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<X509Certificate> x509Certificates() {
        return x509Certificates;
    }

    /** The Enterprise User extension (RFC 7643 §4.3), or {@code null}. */
    @JsonProperty(Schemas.ENTERPRISE_USER)
    public EnterpriseUser enterpriseUser() {
        return enterpriseUser;
    }

    /**
     * The attributes this class does not model, by name as received: unknown attributes and extension objects
     * keyed by their URN. The values are copies.
     */
    @JsonAnyGetter
    public Map<String, JsonNode> otherAttributes() {
        return ResourceParts.copies(other);
    }

    /** A copy of one attribute of {@link #otherAttributes()}, or {@code null}. */
    public JsonNode otherAttribute(String attributeName) {
        JsonNode value = other.get(attributeName);
        return value == null ? null : value.deepCopy();
    }

    private Object[] state() {
        return new Object[] {
                storedSchemas, id, externalId, meta, userName, name, displayName, nickName, profileUrl, title,
                userType, preferredLanguage, locale, timezone, active, password, emails, phoneNumbers, ims, photos,
                addresses, groups, entitlements, roles, x509Certificates, enterpriseUser, other};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && Arrays.equals(state(), u.state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    /** Names the user; never shows the password. */
    @Override
    public String toString() {
        return "User[id=" + id + ", userName=" + userName + "]";
    }

    /** Builds a {@link User}; not thread-safe. Setters accept {@code null} for "absent". */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String id;
        private String externalId;
        private Meta meta;
        private String userName;
        private Name name;
        private String displayName;
        private String nickName;
        private String profileUrl;
        private String title;
        private String userType;
        private String preferredLanguage;
        private String locale;
        private String timezone;
        private Boolean active;
        private String password;
        private List<Email> emails = List.of();
        private List<PhoneNumber> phoneNumbers = List.of();
        private List<Im> ims = List.of();
        private List<Photo> photos = List.of();
        private List<Address> addresses = List.of();
        private List<GroupMembership> groups = List.of();
        private List<Entitlement> entitlements = List.of();
        private List<Role> roles = List.of();
        private List<X509Certificate> x509Certificates = List.of();
        private EnterpriseUser enterpriseUser;
        private List<String> schemas = List.of();
        private ObjectNode other = ResourceParts.emptyObject();

        private Builder() {
        }

        /** Sets the schema URNs to keep besides the core and Enterprise URNs, which {@link #schemas()} derives. */
        @JsonProperty("schemas")
        public Builder schemas(List<String> value) {
            this.schemas = ResourceParts.copy(value);
            return this;
        }

        /** Sets {@code id}. */
        @JsonProperty("id")
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets {@code externalId}. */
        @JsonProperty("externalId")
        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        /** Sets {@code meta}. */
        @JsonProperty("meta")
        public Builder meta(Meta value) {
            this.meta = value;
            return this;
        }

        /** Sets {@code userName}. */
        @JsonProperty("userName")
        public Builder userName(String value) {
            this.userName = value;
            return this;
        }

        /** Sets {@code name}. */
        @JsonProperty("name")
        public Builder name(Name value) {
            this.name = value;
            return this;
        }

        /** Sets {@code displayName}. */
        @JsonProperty("displayName")
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /** Sets {@code nickName}. */
        @JsonProperty("nickName")
        public Builder nickName(String value) {
            this.nickName = value;
            return this;
        }

        /** Sets {@code profileUrl}. */
        @JsonProperty("profileUrl")
        public Builder profileUrl(String value) {
            this.profileUrl = value;
            return this;
        }

        /** Sets {@code title}. */
        @JsonProperty("title")
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets {@code userType}. */
        @JsonProperty("userType")
        public Builder userType(String value) {
            this.userType = value;
            return this;
        }

        /** Sets {@code preferredLanguage}. */
        @JsonProperty("preferredLanguage")
        public Builder preferredLanguage(String value) {
            this.preferredLanguage = value;
            return this;
        }

        /** Sets {@code locale}. */
        @JsonProperty("locale")
        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        /** Sets {@code timezone}. */
        @JsonProperty("timezone")
        public Builder timezone(String value) {
            this.timezone = value;
            return this;
        }

        /** Sets {@code active}. */
        @JsonProperty("active")
        public Builder active(Boolean value) {
            this.active = value;
            return this;
        }

        /** Sets {@code password}. */
        @JsonProperty("password")
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** Sets {@code emails}; null elements are dropped. */
        @JsonProperty("emails")
        public Builder emails(List<Email> values) {
            this.emails = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code phoneNumbers}; null elements are dropped. */
        @JsonProperty("phoneNumbers")
        public Builder phoneNumbers(List<PhoneNumber> values) {
            this.phoneNumbers = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code ims}; null elements are dropped. */
        @JsonProperty("ims")
        public Builder ims(List<Im> values) {
            this.ims = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code photos}; null elements are dropped. */
        @JsonProperty("photos")
        public Builder photos(List<Photo> values) {
            this.photos = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code addresses}; null elements are dropped. */
        @JsonProperty("addresses")
        public Builder addresses(List<Address> values) {
            this.addresses = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code groups}; null elements are dropped. */
        @JsonProperty("groups")
        public Builder groups(List<GroupMembership> values) {
            this.groups = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code entitlements}; null elements are dropped. */
        @JsonProperty("entitlements")
        public Builder entitlements(List<Entitlement> values) {
            this.entitlements = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code roles}; null elements are dropped. */
        @JsonProperty("roles")
        public Builder roles(List<Role> values) {
            this.roles = ResourceParts.copy(values);
            return this;
        }

        /** Sets {@code x509Certificates}; null elements are dropped. */
        @JsonProperty("x509Certificates")
        public Builder x509Certificates(List<X509Certificate> values) {
            this.x509Certificates = ResourceParts.copy(values);
            return this;
        }

        /** Sets the Enterprise User extension, or removes it with {@code null}. */
        @JsonProperty(Schemas.ENTERPRISE_USER)
        public Builder enterpriseUser(EnterpriseUser value) {
            this.enterpriseUser = value;
            return this;
        }

        /**
         * Sets (a copy of) an attribute the class does not model, e.g. an unknown extension object under its URN;
         * a null value removes it.
         *
         * @throws IllegalArgumentException for a name this class models, such as {@code userName}
         */
        @JsonAnySetter
        public Builder otherAttribute(String attributeName, JsonNode value) {
            ResourceParts.putOther(other, MODELLED, attributeName, value);
            return this;
        }

        /** Builds the immutable user. */
        public User build() {
            return new User(this);
        }
    }
}
