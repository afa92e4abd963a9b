package org.scim2j.core.schema;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.FilterParseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas and resource types a service provider serves, and the resolution of attribute paths against them as
 * RFC 7644 §3.10 and RFC 7643 §2.1 say: names ignore case, a path may carry its schema URN prefix, attributes of a
 * schema extension are reached only through their URN, and the common attributes ({@code id}, {@code externalId},
 * {@code meta}, {@code schemas}) belong to every resource type. Immutable and thread-safe.
 *
 * <pre>{@code
 *   SchemaRegistry registry = SchemaRegistry.standard();                     // User, Group, Enterprise User
 *   SchemaRegistry custom = SchemaRegistry.builder().addStandard()
 *       .addSchema(SchemaJson.readSchema(in))
 *       .addResourceType(new ResourceType("Device", "Device", null, "/Devices", "urn:example:Device", List.of()))
 *       .build();
 * }</pre>
 */
public final class SchemaRegistry {

    private static final int MAX_CACHED_PATHS = 4096;

    private final Map<String, Schema> schemasByLowerId;
    private final Map<String, ResourceType> typesByLowerName;
    private final Map<String, ResourceType> typesByLowerEndpoint;
    private final Map<CacheKey, ResolvedAttribute> resolved = new ConcurrentHashMap<>();

    private SchemaRegistry(Builder b) {
        this.schemasByLowerId = Collections.unmodifiableMap(new LinkedHashMap<>(b.schemas));
        Map<String, ResourceType> byName = new LinkedHashMap<>();
        Map<String, ResourceType> byEndpoint = new LinkedHashMap<>();
        for (ResourceType type : b.types) {
            requireSchema(type, type.schema());
            type.extensions().forEach(e -> requireSchema(type, e.schema()));
            if (byName.put(lower(type.name()), type) != null) {
                throw new IllegalArgumentException("two resource types named " + type.name());
            }
            if (byEndpoint.put(lower(type.endpoint()), type) != null) {
                throw new IllegalArgumentException("two resource types at endpoint " + type.endpoint());
            }
        }
        this.typesByLowerName = Collections.unmodifiableMap(byName);
        this.typesByLowerEndpoint = Collections.unmodifiableMap(byEndpoint);
    }

    private void requireSchema(ResourceType type, String urn) {
        if (!schemasByLowerId.containsKey(lower(urn))) {
            throw new IllegalArgumentException("resource type " + type.name() + " uses unregistered schema " + urn);
        }
    }

    /** The registry of RFC 7643: User (with the Enterprise User extension) and Group. */
    public static SchemaRegistry standard() {
        return Standard.INSTANCE;
    }

    /** An empty builder; {@link Builder#addStandard()} adds what {@link #standard()} has. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every registered schema, in registration order. */
    public Collection<Schema> schemas() {
        return schemasByLowerId.values();
    }

    /** The schema with this URN, ignoring case. */
    public Optional<Schema> schema(String urn) {
        return Optional.ofNullable(schemasByLowerId.get(lower(urn)));
    }

    /** Every registered resource type, in registration order. */
    public Collection<ResourceType> resourceTypes() {
        return typesByLowerName.values();
    }

    /** The resource type with this name ({@code User}), ignoring case. */
    public Optional<ResourceType> resourceType(String name) {
        return Optional.ofNullable(typesByLowerName.get(lower(name)));
    }

    /** The resource type served at this endpoint ({@code /Users}), ignoring case. */
    public Optional<ResourceType> resourceTypeByEndpoint(String endpoint) {
        return Optional.ofNullable(typesByLowerEndpoint.get(lower(endpoint)));
    }

    /** The core schema of a resource type. */
    public Schema coreSchema(ResourceType type) {
        return schemasByLowerId.get(lower(type.schema()));
    }

    /** The extension schemas of a resource type, in declaration order. */
    public List<Schema> extensionSchemas(ResourceType type) {
        List<Schema> out = new ArrayList<>(type.extensions().size());
        type.extensions().forEach(e -> out.add(schemasByLowerId.get(lower(e.schema()))));
        return out;
    }

    /**
     * Resolves a path against a resource type.
     *
     * @return the attribute, or empty if the path names nothing the resource type has
     */
    public Optional<ResolvedAttribute> find(ResourceType type, AttributePath path) {
        CacheKey key = new CacheKey(type, path);
        ResolvedAttribute hit = resolved.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        ResolvedAttribute found = lookup(type, path);
        if (found != null && resolved.size() < MAX_CACHED_PATHS) {
            resolved.put(key, found);
        }
        return Optional.ofNullable(found);
    }

    /**
     * Resolves a path a host wrote in its configuration (a column mapping, say), not one a client sent.
     *
     * @throws IllegalArgumentException if the text is not an attribute path or names nothing the resource type has
     */
    public ResolvedAttribute resolveConfigured(ResourceType type, String attributePath) {
        AttributePath path;
        try {
            path = AttributePath.parse(Objects.requireNonNull(attributePath, "attributePath"));
        } catch (FilterParseException e) {
            throw new IllegalArgumentException("not an attribute path: " + attributePath, e);
        }
        return find(type, path).orElseThrow(() -> new IllegalArgumentException("unknown attribute '"
                + attributePath + "' for resource type " + type.name()));
    }

    /**
     * Resolves a path, or throws a 400 with the given {@code scimType} ({@code invalidFilter} for filters,
     * {@code invalidPath} for PATCH, {@code invalidValue} for sortBy ...) and a detail that says what is wrong.
     */
    public ResolvedAttribute resolve(ResourceType type, AttributePath path, ScimType errorType) {
        Optional<ResolvedAttribute> found = find(type, path);
        if (found.isPresent()) {
            return found.get();
        }
        throw ScimException.badRequest(errorType, explainUnknown(type, path));
    }

    private ResolvedAttribute lookup(ResourceType type, AttributePath path) {
        String urn = path.schema();
        Schema schema;
        boolean extension = false;
        AttributeDefinition attribute;
        if (urn == null || urn.equalsIgnoreCase(type.schema())) {
            schema = Schemas.commonAttributes();
            attribute = schema.attribute(path.name());
            if (attribute == null) {
                schema = coreSchema(type);
                attribute = schema.attribute(path.name());
            }
        } else if (type.hasSchema(urn)) {
            schema = schemasByLowerId.get(lower(urn));
            attribute = schema.attribute(path.name());
            extension = true;
        } else {
            return null;
        }
        if (attribute == null) {
            return null;
        }
        AttributeDefinition sub = null;
        if (path.subAttribute() != null) {
            sub = attribute.subAttribute(path.subAttribute());
            if (sub == null) {
                return null;
            }
        }
        return new ResolvedAttribute(schema.id(), attribute, sub, extension);
    }

    private String explainUnknown(ResourceType type, AttributePath path) {
        String prefix = "unknown attribute '" + path + "' for resource type " + type.name();
        String urn = path.schema();
        if (urn != null && !type.hasSchema(urn)) {
            return prefix + ": schema " + urn + " is not a schema of " + type.name();
        }
        ResolvedAttribute parent = lookup(type, path.withSubAttribute(null));
        if (parent != null && path.subAttribute() != null) {
            return parent.attribute().isComplex()
                    ? prefix + ": '" + parent.attribute().name() + "' has no sub-attribute '" + path.subAttribute() + "'"
                    : prefix + ": '" + parent.attribute().name() + "' has no sub-attributes";
        }
        if (urn == null) {
            for (Schema extension : extensionSchemas(type)) {
                AttributeDefinition a = extension.attribute(path.name());
                if (a != null) {
                    return prefix + ": extension attributes need their schema URN, as in '" + extension.id() + ":"
                            + a.name() + (path.subAttribute() == null ? "" : "." + path.subAttribute()) + "'";
                }
            }
        }
        return prefix;
    }

    private static String lower(String s) {
        return Objects.requireNonNull(s).toLowerCase(Locale.ROOT);
    }

    private record CacheKey(ResourceType type, AttributePath path) {
    }

    private static final class Standard {
        static final SchemaRegistry INSTANCE = builder().addStandard().build();
    }

    /** Collects schemas and resource types; not thread-safe. */
    public static final class Builder {
        private final Map<String, Schema> schemas = new LinkedHashMap<>();
        private final List<ResourceType> types = new ArrayList<>();

        private Builder() {
        }

        /** Adds the User, Group and Enterprise User schemas and the User and Group resource types. */
        public Builder addStandard() {
            addSchema(Schemas.user());
            addSchema(Schemas.group());
            addSchema(Schemas.enterpriseUser());
            addResourceType(Schemas.USER_RESOURCE_TYPE);
            addResourceType(Schemas.GROUP_RESOURCE_TYPE);
            return this;
        }

        /** Adds (or replaces, by URN) a schema. */
        public Builder addSchema(Schema schema) {
            schemas.put(lower(schema.id()), schema);
            return this;
        }

        /** Adds a resource type; its schemas must be added too, before {@link #build()}. */
        public Builder addResourceType(ResourceType type) {
            types.removeIf(t -> t.name().equalsIgnoreCase(type.name()));
            types.add(Objects.requireNonNull(type));
            return this;
        }

        /**
         * Adds a schema extension (RFC 7643 §3.3) to a resource type added before: the schema, and its URN in the
         * type's {@code schemaExtensions}. Its attributes are then served in {@code /Schemas} and
         * {@code /ResourceTypes}, and reached in filters, PATCH paths and {@code attributes} by their URN
         * ({@code urn:...:User:costCenter}).
         *
         * <pre>{@code
         *   SchemaRegistry registry = SchemaRegistry.builder().addStandard()
         *       .addExtension("User", sonarSchema, false)
         *       .build();
         * }</pre>
         *
         * @param resourceTypeName the resource type, e.g. {@code User}
         * @param schema           the extension schema
         * @param required         whether every resource of the type must carry it
         * @throws IllegalArgumentException if no resource type of that name was added
         */
        public Builder addExtension(String resourceTypeName, Schema schema, boolean required) {
            ResourceType type = types.stream().filter(t -> t.name().equalsIgnoreCase(resourceTypeName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no resource type " + resourceTypeName
                            + " to extend: add it first"));
            addSchema(schema);
            List<SchemaExtension> extensions = new ArrayList<>(type.extensions());
            extensions.removeIf(e -> e.schema().equalsIgnoreCase(schema.id()));
            extensions.add(new SchemaExtension(schema.id(), required));
            // in place, so that /ResourceTypes keeps its order
            types.set(types.indexOf(type), new ResourceType(type.id(), type.name(), type.description(),
                    type.endpoint(), type.schema(), extensions));
            return this;
        }

        /**
         * Builds the registry.
         *
         * @throws IllegalArgumentException if a resource type names an unregistered schema, or two share a name or
         *                                  endpoint
         */
        public SchemaRegistry build() {
            return new SchemaRegistry(this);
        }
    }
}
