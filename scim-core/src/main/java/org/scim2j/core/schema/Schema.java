package org.scim2j.core.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A schema of RFC 7643 §7: an id (a URN such as {@code urn:ietf:params:scim:schemas:core:2.0:User}), a name, a
 * description and its attributes. Immutable and thread-safe; attribute lookup ignores case (RFC 7643 §2.1).
 */
public final class Schema {

    private final String id;
    private final String name;
    private final String description;
    private final List<AttributeDefinition> attributes;
    private final Map<String, AttributeDefinition> byLowerName;
    private final Map<String, AttributeDefinition> byName;

    /**
     * @param id          the schema URN
     * @param name        a human-readable name, or {@code null}
     * @param description a description, or {@code null}
     * @param attributes  the top-level attributes, in order
     */
    public Schema(String id, String name, String description, List<AttributeDefinition> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.description = description;
        this.attributes = List.copyOf(attributes);
        Map<String, AttributeDefinition> index = new HashMap<>();
        for (AttributeDefinition a : this.attributes) {
            if (index.put(AttributeDefinition.lower(a.name()), a) != null) {
                throw new IllegalArgumentException("duplicate attribute '" + a.name() + "' in schema " + id);
            }
        }
        this.byLowerName = Collections.unmodifiableMap(index);
        Map<String, AttributeDefinition> exact = new HashMap<>();
        this.attributes.forEach(a -> exact.put(a.name(), a));
        this.byName = Collections.unmodifiableMap(exact);
    }

    /** The schema URN. */
    public String id() {
        return id;
    }

    /** The human-readable name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The description, or {@code null}. */
    public String description() {
        return description;
    }

    /** The top-level attributes in schema order. */
    public List<AttributeDefinition> attributes() {
        return attributes;
    }

    /** The attribute with this name, ignoring case, or {@code null}. */
    public AttributeDefinition attribute(String attributeName) {
        // Canonical spelling is the common case (normalised resources, typed models): no lower-casing then.
        AttributeDefinition exact = byName.get(attributeName);
        return exact != null ? exact : byLowerName.get(AttributeDefinition.lower(attributeName));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && id.equals(s.id) && Objects.equals(name, s.name)
                && Objects.equals(description, s.description) && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, attributes);
    }

    @Override
    public String toString() {
        return "Schema[" + id + "]";
    }
}
