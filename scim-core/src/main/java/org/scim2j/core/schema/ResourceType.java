package org.scim2j.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of RFC 7643 §6: its name ({@code User}), endpoint ({@code /Users}), core schema and schema
 * extensions.
 *
 * @param id          the resource type id (usually the name)
 * @param name        the name used in {@code meta.resourceType}
 * @param description a description, or {@code null}
 * @param endpoint    the endpoint relative to the base URL, starting with {@code /}
 * @param schema      the core schema URN
 * @param extensions  the schema extensions
 */
public record ResourceType(String id, String name, String description, String endpoint, String schema,
                           List<SchemaExtension> extensions) {

    /** Checks the parts and copies the extensions. */
    public ResourceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(schema, "schema");
        if (!endpoint.startsWith("/") || endpoint.length() < 2 || endpoint.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("endpoint must be one path segment such as /Users: " + endpoint);
        }
        extensions = List.copyOf(extensions);
    }

    /** Whether {@code urn} is the core schema or one of the extensions, ignoring case. */
    public boolean hasSchema(String urn) {
        if (schema.equalsIgnoreCase(urn)) {
            return true;
        }
        for (SchemaExtension e : extensions) {
            if (e.schema().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }
}
