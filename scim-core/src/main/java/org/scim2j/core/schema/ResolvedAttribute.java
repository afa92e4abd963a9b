package org.scim2j.core.schema;

import java.util.Objects;

/**
 * An attribute path resolved against a resource type: the schema it belongs to, the attribute, and the
 * sub-attribute when the path names one.
 *
 * @param schemaUrn    the URN of the schema holding the attribute ({@link Schemas#COMMON} for id, externalId, meta)
 * @param attribute    the top-level attribute
 * @param subAttribute the sub-attribute, or {@code null}
 * @param extension    whether the attribute lives in a schema extension (its JSON sits under the extension URN)
 */
public record ResolvedAttribute(String schemaUrn, AttributeDefinition attribute, AttributeDefinition subAttribute,
                                boolean extension) {

    /** Rejects null parts. */
    public ResolvedAttribute {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
    }

    /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
    public AttributeDefinition target() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /** Whether the path names a sub-attribute. */
    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** The canonical path text, e.g. {@code name.givenName} or {@code urn:...:enterprise:2.0:User:manager.value}. */
    public String canonicalPath() {
        String base = extension ? schemaUrn + ":" + attribute.name() : attribute.name();
        return subAttribute == null ? base : base + "." + subAttribute.name();
    }

    @Override
    public String toString() {
        return canonicalPath();
    }
}
