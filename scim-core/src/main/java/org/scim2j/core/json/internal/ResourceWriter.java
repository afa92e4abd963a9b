package org.scim2j.core.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.scim2j.core.resource.Address;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.EnterpriseUser;
import org.scim2j.core.resource.Entitlement;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Im;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.PhoneNumber;
import org.scim2j.core.resource.Photo;
import org.scim2j.core.resource.Role;
import org.scim2j.core.resource.User;
import org.scim2j.core.resource.X509Certificate;
import org.scim2j.core.schema.ScimDateTime;
import org.scim2j.core.schema.Schemas;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link User} or a {@link Group} to a generator in one pass, with the bytes Jackson's bean serialisation of
 * their annotations gives: the same members in the same order, absent values and empty lists left out, dateTimes by
 * {@link ScimDateTime#format}, and {@code password} never. It does by hand what databind does by reflection on
 * every write (a getter call per property through {@code Method.invoke}, an inclusion check, a serializer lookup per
 * list element), which is most of a typed write's time. The attributes a class does not model are JSON trees; they
 * are written by {@code nodes}, the mapper's own writer, exactly as databind writes them.
 *
 * <p>Keep it in step with the classes: a new property there needs a line here. {@code TypedWriteProperties} in the
 * tests fails for a property Jackson sees that this class does not know, and compares generated resources byte for
 * byte with databind. Immutable and thread-safe.
 */
public final class ResourceWriter {

    private static final SerializedString SCHEMAS = key("schemas");
    private static final SerializedString ID = key("id");
    private static final SerializedString EXTERNAL_ID = key("externalId");
    private static final SerializedString META = key("meta");
    private static final SerializedString USER_NAME = key("userName");
    private static final SerializedString NAME = key("name");
    private static final SerializedString DISPLAY_NAME = key("displayName");
    private static final SerializedString NICK_NAME = key("nickName");
    private static final SerializedString PROFILE_URL = key("profileUrl");
    private static final SerializedString TITLE = key("title");
    private static final SerializedString USER_TYPE = key("userType");
    private static final SerializedString PREFERRED_LANGUAGE = key("preferredLanguage");
    private static final SerializedString LOCALE = key("locale");
    private static final SerializedString TIMEZONE = key("timezone");
    private static final SerializedString ACTIVE = key("active");
    private static final SerializedString EMAILS = key("emails");
    private static final SerializedString PHONE_NUMBERS = key("phoneNumbers");
    private static final SerializedString IMS = key("ims");
    private static final SerializedString PHOTOS = key("photos");
    private static final SerializedString ADDRESSES = key("addresses");
    private static final SerializedString GROUPS = key("groups");
    private static final SerializedString ENTITLEMENTS = key("entitlements");
    private static final SerializedString ROLES = key("roles");
    private static final SerializedString X509_CERTIFICATES = key("x509Certificates");
    private static final SerializedString ENTERPRISE_USER = key(Schemas.ENTERPRISE_USER);
    private static final SerializedString MEMBERS = key("members");

    private static final SerializedString RESOURCE_TYPE = key("resourceType");
    private static final SerializedString CREATED = key("created");
    private static final SerializedString LAST_MODIFIED = key("lastModified");
    private static final SerializedString LOCATION = key("location");
    private static final SerializedString VERSION = key("version");

    private static final SerializedString FORMATTED = key("formatted");
    private static final SerializedString FAMILY_NAME = key("familyName");
    private static final SerializedString GIVEN_NAME = key("givenName");
    private static final SerializedString MIDDLE_NAME = key("middleName");
    private static final SerializedString HONORIFIC_PREFIX = key("honorificPrefix");
    private static final SerializedString HONORIFIC_SUFFIX = key("honorificSuffix");

    private static final SerializedString VALUE = key("value");
    private static final SerializedString REF = key("$ref");
    private static final SerializedString DISPLAY = key("display");
    private static final SerializedString TYPE = key("type");
    private static final SerializedString PRIMARY = key("primary");

    private static final SerializedString STREET_ADDRESS = key("streetAddress");
    private static final SerializedString LOCALITY = key("locality");
    private static final SerializedString REGION = key("region");
    private static final SerializedString POSTAL_CODE = key("postalCode");
    private static final SerializedString COUNTRY = key("country");

    private static final SerializedString EMPLOYEE_NUMBER = key("employeeNumber");
    private static final SerializedString COST_CENTER = key("costCenter");
    private static final SerializedString ORGANIZATION = key("organization");
    private static final SerializedString DIVISION = key("division");
    private static final SerializedString DEPARTMENT = key("department");
    private static final SerializedString MANAGER = key("manager");

    private final ObjectWriter nodes;

    /**
     * A writer whose unmodelled attributes are written by {@code nodes}; give it the mapper's writer without
     * {@code SerializationFeature.FLUSH_AFTER_WRITE_VALUE}, so that writing one attribute does not flush the
     * generator.
     */
    public ResourceWriter(ObjectWriter nodes) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    /** Whether {@link #write} takes {@code value}: a {@link User} or a {@link Group}. */
    public static boolean writes(Object value) {
        return value instanceof User || value instanceof Group;
    }

    /**
     * Writes a {@link User} or a {@link Group} as one JSON object.
     *
     * @throws IllegalArgumentException for a value {@link #writes} does not take
     * @throws IOException              if the generator's target fails
     */
    public void write(JsonGenerator g, Object resource) throws IOException {
        if (resource instanceof User user) {
            writeUser(g, user);
        } else if (resource instanceof Group group) {
            writeGroup(g, group);
        } else {
            throw new IllegalArgumentException("not a User or a Group: " + resource);
        }
    }

    private void writeUser(JsonGenerator g, User u) throws IOException {
        g.writeStartObject(u);
        strings(g, SCHEMAS, u.schemas());
        string(g, ID, u.id());
        string(g, EXTERNAL_ID, u.externalId());
        meta(g, u.meta());
        string(g, USER_NAME, u.userName());
        name(g, u.name());
        string(g, DISPLAY_NAME, u.displayName());
        string(g, NICK_NAME, u.nickName());
        string(g, PROFILE_URL, u.profileUrl());
        string(g, TITLE, u.title());
        string(g, USER_TYPE, u.userType());
        string(g, PREFERRED_LANGUAGE, u.preferredLanguage());
        string(g, LOCALE, u.locale());
        string(g, TIMEZONE, u.timezone());
        bool(g, ACTIVE, u.active());
        if (!u.emails().isEmpty()) {
            g.writeFieldName(EMAILS);
            g.writeStartArray();
            for (Email e : u.emails()) {
                plain(g, e.value(), e.display(), e.type(), e.primary());
            }
            g.writeEndArray();
        }
        if (!u.phoneNumbers().isEmpty()) {
            g.writeFieldName(PHONE_NUMBERS);
            g.writeStartArray();
            for (PhoneNumber p : u.phoneNumbers()) {
                plain(g, p.value(), p.display(), p.type(), p.primary());
            }
            g.writeEndArray();
        }
        if (!u.ims().isEmpty()) {
            g.writeFieldName(IMS);
            g.writeStartArray();
            for (Im im : u.ims()) {
                plain(g, im.value(), im.display(), im.type(), im.primary());
            }
            g.writeEndArray();
        }
        if (!u.photos().isEmpty()) {
            g.writeFieldName(PHOTOS);
            g.writeStartArray();
            for (Photo p : u.photos()) {
                plain(g, p.value(), p.display(), p.type(), p.primary());
            }
            g.writeEndArray();
        }
        if (!u.addresses().isEmpty()) {
            g.writeFieldName(ADDRESSES);
            g.writeStartArray();
            for (Address a : u.addresses()) {
                address(g, a);
            }
            g.writeEndArray();
        }
        if (!u.groups().isEmpty()) {
            g.writeFieldName(GROUPS);
            g.writeStartArray();
            for (GroupMembership m : u.groups()) {
                reference(g, m.value(), m.ref(), m.display(), m.type());
            }
            g.writeEndArray();
        }
        if (!u.entitlements().isEmpty()) {
            g.writeFieldName(ENTITLEMENTS);
            g.writeStartArray();
            for (Entitlement e : u.entitlements()) {
                plain(g, e.value(), e.display(), e.type(), e.primary());
            }
            g.writeEndArray();
        }
        if (!u.roles().isEmpty()) {
            g.writeFieldName(ROLES);
            g.writeStartArray();
            for (Role r : u.roles()) {
                plain(g, r.value(), r.display(), r.type(), r.primary());
            }
            g.writeEndArray();
        }
        if (!u.x509Certificates().isEmpty()) {
            g.writeFieldName(X509_CERTIFICATES);
            g.writeStartArray();
            for (X509Certificate c : u.x509Certificates()) {
                plain(g, c.value(), c.display(), c.type(), c.primary());
            }
            g.writeEndArray();
        }
        enterprise(g, u.enterpriseUser());
        others(g, u.otherAttributes());
        g.writeEndObject();
    }

    private void writeGroup(JsonGenerator g, Group group) throws IOException {
        g.writeStartObject(group);
        strings(g, SCHEMAS, group.schemas());
        string(g, ID, group.id());
        string(g, EXTERNAL_ID, group.externalId());
        meta(g, group.meta());
        string(g, DISPLAY_NAME, group.displayName());
        if (!group.members().isEmpty()) {
            g.writeFieldName(MEMBERS);
            g.writeStartArray();
            for (Member m : group.members()) {
                reference(g, m.value(), m.ref(), m.display(), m.type());
            }
            g.writeEndArray();
        }
        others(g, group.otherAttributes());
        g.writeEndObject();
    }

    private void others(JsonGenerator g, Map<String, JsonNode> others) throws IOException {
        for (Map.Entry<String, JsonNode> other : others.entrySet()) {
            g.writeFieldName(other.getKey());
            nodes.writeValue(g, other.getValue());
        }
    }

    private static void meta(JsonGenerator g, Meta meta) throws IOException {
        if (meta == null) {
            return;
        }
        g.writeFieldName(META);
        g.writeStartObject();
        string(g, RESOURCE_TYPE, meta.resourceType());
        dateTime(g, CREATED, meta.created());
        dateTime(g, LAST_MODIFIED, meta.lastModified());
        string(g, LOCATION, meta.location());
        string(g, VERSION, meta.version());
        g.writeEndObject();
    }

    private static void name(JsonGenerator g, Name name) throws IOException {
        if (name == null) {
            return;
        }
        g.writeFieldName(NAME);
        g.writeStartObject();
        string(g, FORMATTED, name.formatted());
        string(g, FAMILY_NAME, name.familyName());
        string(g, GIVEN_NAME, name.givenName());
        string(g, MIDDLE_NAME, name.middleName());
        string(g, HONORIFIC_PREFIX, name.honorificPrefix());
        string(g, HONORIFIC_SUFFIX, name.honorificSuffix());
        g.writeEndObject();
    }

    private static void enterprise(JsonGenerator g, EnterpriseUser e) throws IOException {
        if (e == null) {
            return;
        }
        g.writeFieldName(ENTERPRISE_USER);
        g.writeStartObject();
        string(g, EMPLOYEE_NUMBER, e.employeeNumber());
        string(g, COST_CENTER, e.costCenter());
        string(g, ORGANIZATION, e.organization());
        string(g, DIVISION, e.division());
        string(g, DEPARTMENT, e.department());
        EnterpriseUser.Manager manager = e.manager();
        if (manager != null) {
            g.writeFieldName(MANAGER);
            g.writeStartObject();
            string(g, VALUE, manager.value());
            string(g, REF, manager.ref());
            string(g, DISPLAY_NAME, manager.displayName());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A multi-valued attribute's value of RFC 7643 §2.4's shape: {@code value}, {@code display}, ... */
    private static void plain(JsonGenerator g, String value, String display, String type, Boolean primary)
            throws IOException {
        g.writeStartObject();
        string(g, VALUE, value);
        string(g, DISPLAY, display);
        string(g, TYPE, type);
        bool(g, PRIMARY, primary);
        g.writeEndObject();
    }

    /** A reference to another resource: a user's group, a group's member. */
    private static void reference(JsonGenerator g, String value, String ref, String display, String type)
            throws IOException {
        g.writeStartObject();
        string(g, VALUE, value);
        string(g, REF, ref);
        string(g, DISPLAY, display);
        string(g, TYPE, type);
        g.writeEndObject();
    }

    private static void address(JsonGenerator g, Address a) throws IOException {
        g.writeStartObject();
        string(g, FORMATTED, a.formatted());
        string(g, STREET_ADDRESS, a.streetAddress());
        string(g, LOCALITY, a.locality());
        string(g, REGION, a.region());
        string(g, POSTAL_CODE, a.postalCode());
        string(g, COUNTRY, a.country());
        string(g, TYPE, a.type());
        bool(g, PRIMARY, a.primary());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, SerializableString name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static void bool(JsonGenerator g, SerializableString name, Boolean value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeBoolean(value);
        }
    }

    private static void dateTime(JsonGenerator g, SerializableString name, OffsetDateTime value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(ScimDateTime.format(value));
        }
    }

    private static SerializedString key(String name) {
        return new SerializedString(name);
    }
}
