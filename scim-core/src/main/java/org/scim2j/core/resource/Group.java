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
 * A Group resource of RFC 7643 §4.2. Immutable and thread-safe.
 *
 * <pre>{@code
 *   Group tourGuides = Group.builder().displayName("Tour Guides")
 *       .members(List.of(Member.of("2819c223-7f76-453a-919d-413861904646"))).build();
 * }</pre>
 *
 * <p>{@code displayName} carries {@code @NotBlank}: RFC 7643 §4.2 calls it REQUIRED, although the schema in §8.7.1
 * marks it {@code "required": false}. Attributes the class does not model (such as an extension object under its
 * URN) are kept in {@link #otherAttributes()} and written back. {@link #schemas()} is the core Group URN followed by
 * any other URNs the group was given (Microsoft Entra ID adds a non-URN schema id).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"schemas", "id", "externalId", "meta", "displayName", "members"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(builder = Group.Builder.class)
public final class Group {

    private static final Set<String> MODELLED =
            ResourceParts.names("schemas", "id", "externalId", "meta", "displayName", "members");

    private final String id;
    private final String externalId;
    private final Meta meta;
    @NotBlank
    private final String displayName;
    private final List<Member> members;
    private final List<String> storedSchemas;
    private final ObjectNode other;

    private Group(Builder b) {
        this.id = b.id;
        this.externalId = b.externalId;
        this.meta = b.meta;
        this.displayName = b.displayName;
        this.members = ResourceParts.copy(b.members);
        this.storedSchemas = ResourceParts.otherSchemas(b.schemas, Schemas.GROUP);
        this.other = b.other.deepCopy();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this group's values, for a modified copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.externalId = externalId;
        b.meta = meta;
        b.displayName = displayName;
        b.members = members;
        b.schemas = storedSchemas;
        b.other = other.deepCopy();
        return b;
    }

    /** The schema URNs (RFC 7643 §3): the core Group URN first, then any others the group was given. */
    @JsonProperty("schemas")
    public List<String> schemas() {
        return ResourceParts.schemas(Schemas.GROUP, null, false, storedSchemas);
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

    /** The name to display. */
    @JsonProperty("displayName")
    public String displayName() {
        return displayName;
    }

    /** The members; empty if none. */
    @JsonProperty("members")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Member> members() {
        return members;
    }

    /** The attributes this class does not model, by name as received. The values are copies. */
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
        return new Object[] {storedSchemas, id, externalId, meta, displayName, members, other};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && Arrays.equals(state(), g.state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    @Override
    public String toString() {
        return "Group[id=" + id + ", displayName=" + displayName + ", members=" + members.size() + "]";
    }

    /** Builds a {@link Group}; not thread-safe. Setters accept {@code null} for "absent". */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String id;
        private String externalId;
        private Meta meta;
        private String displayName;
        private List<Member> members = List.of();
        private List<String> schemas = List.of();
        private ObjectNode other = ResourceParts.emptyObject();

        private Builder() {
        }

        /** Sets the schema URNs to keep besides the core Group URN. */
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

        /** Sets {@code displayName}. */
        @JsonProperty("displayName")
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /** Sets {@code members}; null elements are dropped. */
        @JsonProperty("members")
        public Builder members(List<Member> values) {
            this.members = ResourceParts.copy(values);
            return this;
        }

        /**
         * Sets (a copy of) an attribute the class does not model; a null value removes it.
         *
         * @throws IllegalArgumentException for a name this class models, such as {@code displayName}
         */
        @JsonAnySetter
        public Builder otherAttribute(String attributeName, JsonNode value) {
            ResourceParts.putOther(other, MODELLED, attributeName, value);
            return this;
        }

        /** Builds the immutable group. */
        public Group build() {
            return new Group(this);
        }
    }
}
