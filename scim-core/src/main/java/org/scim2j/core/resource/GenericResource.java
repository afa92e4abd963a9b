package org.scim2j.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.json.ScimJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource of any type as its JSON object (RFC 7643 §3), for resource types without a typed model and for code
 * that works on every type alike. Immutable and thread-safe: the object is copied in and every accessor returns a
 * copy.
 *
 * <pre>{@code
 *   GenericResource device = GenericResource.of(json.readObject(body));
 *   String id = device.id();
 *   User user = GenericResource.from(someUser, json).toTyped(User.class, json);
 * }</pre>
 */
public final class GenericResource {

    private final ObjectNode json;

    private GenericResource(ObjectNode json) {
        this.json = json;
    }

    /** A resource holding a copy of {@code json}. */
    public static GenericResource of(ObjectNode json) {
        return new GenericResource(Objects.requireNonNull(json, "json").deepCopy());
    }

    /** The JSON form of a typed resource such as {@link User} or {@link Group}. */
    public static GenericResource from(Object typedResource, ScimJson scimJson) {
        return new GenericResource(scimJson.toTree(typedResource));
    }

    /** A copy of the JSON object. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The {@code id} (RFC 7643 §3.1), or {@code null} if absent or not a string. */
    public String id() {
        JsonNode id = json.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** The {@code schemas} URNs in order; string values only, empty if absent. */
    public List<String> schemas() {
        JsonNode schemas = json.get("schemas");
        List<String> out = new ArrayList<>();
        if (schemas != null && schemas.isArray()) {
            schemas.forEach(s -> {
                if (s.isTextual()) {
                    out.add(s.asText());
                }
            });
        }
        return List.copyOf(out);
    }

    /**
     * A copy of a top-level attribute (or an extension object by URN), matching the name exactly first and then
     * ignoring case (RFC 7643 §2.1).
     */
    public Optional<JsonNode> get(String attributeName) {
        JsonNode value = json.get(attributeName);
        if (value == null) {
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                if (e.getKey().equalsIgnoreCase(attributeName)) {
                    value = e.getValue();
                    break;
                }
            }
        }
        return Optional.ofNullable(value).map(JsonNode::deepCopy);
    }

    /**
     * The typed form of this resource.
     *
     * @throws org.scim2j.core.error.ScimException 400 {@code invalidValue} naming an attribute whose value does not
     *                                             fit the type
     */
    public <T> T toTyped(Class<T> type, ScimJson scimJson) {
        return scimJson.toTyped(json, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericResource g && json.equals(g.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "GenericResource[id=" + id() + ", schemas=" + schemas() + "]";
    }
}
