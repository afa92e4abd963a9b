package org.scim2j.core.json.internal;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaExtension;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.Objects;

/**
 * What may appear at the top level of a resource of one type (RFC 7643 §3): the common attributes, the core
 * schema's attributes, and one object per schema extension keyed by its URN. Names and URNs match ignoring case.
 */
public final class ResourceShape {

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Schema core;

    /** The shape of {@code type} as registered in {@code registry}. */
    public ResourceShape(SchemaRegistry registry, ResourceType type) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        this.core = registry.coreSchema(type);
        if (core == null) {
            throw new IllegalArgumentException("resource type " + type.name() + " is not registered");
        }
    }

    /** The resource type. */
    public ResourceType type() {
        return type;
    }

    /** The core schema. */
    public Schema core() {
        return core;
    }

    /** A common or core attribute by name, ignoring case; {@code null} if none (also for {@code schemas}). */
    public AttributeDefinition attribute(String name) {
        if (name.equalsIgnoreCase("schemas")) {
            return null;
        }
        AttributeDefinition common = Schemas.commonAttributes().attribute(name);
        return common != null ? common : core.attribute(name);
    }

    /** The extension schema whose URN is {@code key}, ignoring case; {@code null} if none. */
    public Schema extension(String key) {
        for (SchemaExtension e : type.extensions()) {
            if (e.schema().equalsIgnoreCase(key)) {
                return registry.schema(e.schema()).orElse(null);
            }
        }
        return null;
    }

    /** The registered spelling of a core or extension schema URN, or {@code null} if the type has no such schema. */
    public String canonicalUrn(String urn) {
        if (core.id().equalsIgnoreCase(urn)) {
            return core.id();
        }
        Schema extension = extension(urn);
        return extension == null ? null : extension.id();
    }
}
