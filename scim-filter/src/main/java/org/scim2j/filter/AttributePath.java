package org.scim2j.filter;

import org.scim2j.filter.internal.PathSyntax;

import java.util.Objects;

/**
 * An attribute path of RFC 7644 §3.10: {@code [schemaUrn ":"] name ["." subAttribute]}.
 *
 * <pre>
 *   userName
 *   name.familyName
 *   urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber
 *   urn:ietf:params:scim:schemas:core:2.0:User:name.familyName
 * </pre>
 *
 * <p>The path keeps the spelling the client used; SCIM attribute names are case-insensitive (RFC 7643 §2.1), and
 * resolving a path against a schema is the job of {@code scim-core}. Equality is structural and case-sensitive.
 *
 * @param schema       the schema URN prefix, or {@code null} when the path has none
 * @param name         the attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
public record AttributePath(String schema, String name, String subAttribute) {

    /** Checks that every part is spelled as the filter grammar allows, so that the printed path parses back. */
    public AttributePath {
        Objects.requireNonNull(name, "name");
        PathSyntax.requireValidName(name, "attribute name");
        if (subAttribute != null) {
            PathSyntax.requireValidName(subAttribute, "sub-attribute name");
        }
        if (schema != null) {
            PathSyntax.requireValidSchema(schema);
        }
    }

    /**
     * Parses a path such as {@code name.givenName} or
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
     *
     * @throws FilterParseException if the text is not an attribute path
     */
    public static AttributePath parse(String path) {
        return PathSyntax.parse(Objects.requireNonNull(path, "path"));
    }

    /** A path of a single attribute name, without schema or sub-attribute. */
    public static AttributePath of(String name) {
        return new AttributePath(null, name, null);
    }

    /** This path with the given sub-attribute ({@code null} removes it). */
    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schema, name, sub);
    }

    /** This path without its schema URN prefix. */
    public AttributePath withoutSchema() {
        return schema == null ? this : new AttributePath(null, name, subAttribute);
    }

    /** Whether the path names a sub-attribute. */
    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** The canonical text of the path, which {@link #parse(String)} reads back to an equal path. */
    @Override
    public String toString() {
        int length = name.length() + (schema == null ? 0 : schema.length() + 1)
                + (subAttribute == null ? 0 : subAttribute.length() + 1);
        StringBuilder text = new StringBuilder(length);
        if (schema != null) {
            text.append(schema).append(':');
        }
        text.append(name);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
