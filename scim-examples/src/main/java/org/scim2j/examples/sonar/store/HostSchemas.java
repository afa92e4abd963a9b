package org.scim2j.examples.sonar.store;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas this host serves. With {@link UnmappedAttributes#KEEP} that is every attribute of RFC 7643 (User with
 * the Enterprise User extension, Group); with {@link UnmappedAttributes#DROP}, only what SonarQube's columns keep,
 * so that {@code /Schemas} tells an identity provider the truth (RFC 7644 §4) and a filter on an attribute the host
 * does not keep is refused (400 {@code invalidFilter}) instead of matching nothing.
 */
public final class HostSchemas {

    /**
     * User attributes the columns keep, by name, with the sub-attributes kept (empty: all of them). The email column
     * holds one value, shown as the primary work email.
     */
    private static final Map<String, Set<String>> USER = Map.of(
            "userName", Set.of(),
            "name", Set.of("formatted"),
            "active", Set.of(),
            "emails", Set.of("value", "type", "primary"),
            "groups", Set.of());

    /**
     * Accepted on input to derive the {@code name} column when {@code name.formatted} is not given, never returned:
     * advertised as {@code writeOnly}, {@code returned: never}.
     */
    private static final Map<String, Set<String>> USER_WRITE_ONLY = Map.of(
            "name", Set.of("givenName", "familyName"),
            "displayName", Set.of());

    private static final Map<String, Set<String>> GROUP = Map.of(
            "displayName", Set.of(),
            "members", Set.of());

    private HostSchemas() {
    }

    /** The registry for a mode. */
    public static SchemaRegistry of(UnmappedAttributes mode) {
        return mode == UnmappedAttributes.KEEP ? SchemaRegistry.standard() : kept();
    }

    /** Every attribute SonarQube's columns keep, and no other: User without extensions, and Group. */
    public static SchemaRegistry kept() {
        Schema user = Schemas.user();
        Schema group = Schemas.group();
        return SchemaRegistry.builder()
                .addSchema(new Schema(user.id(), user.name(), user.description(), retain(user.attributes(), USER,
                        USER_WRITE_ONLY)))
                .addSchema(new Schema(group.id(), group.name(), group.description(), retain(group.attributes(),
                        GROUP, Map.of())))
                .addResourceType(withoutExtensions(Schemas.USER_RESOURCE_TYPE))
                .addResourceType(withoutExtensions(Schemas.GROUP_RESOURCE_TYPE))
                .build();
    }

    private static ResourceType withoutExtensions(ResourceType type) {
        return new ResourceType(type.id(), type.name(), type.description(), type.endpoint(), type.schema(),
                List.of());
    }

    private static List<AttributeDefinition> retain(List<AttributeDefinition> attributes,
                                                    Map<String, Set<String>> kept,
                                                    Map<String, Set<String>> writeOnly) {
        List<AttributeDefinition> out = new ArrayList<>();
        for (AttributeDefinition attribute : attributes) {
            Set<String> subs = kept.get(attribute.name());
            Set<String> writeOnlySubs = writeOnly.get(attribute.name());
            if (subs == null && writeOnlySubs == null) {
                continue;
            }
            if (!attribute.isComplex()) {
                out.add(subs != null ? attribute : writeOnly(attribute));
                continue;
            }
            AttributeDefinition.Builder copy = AttributeDefinition.builder(attribute.name(), attribute.type())
                    .multiValued(attribute.multiValued()).description(attribute.description())
                    .required(attribute.required()).caseExact(attribute.caseExact())
                    .mutability(attribute.mutability()).returned(attribute.returned())
                    .uniqueness(attribute.uniqueness()).canonicalValues(attribute.canonicalValues())
                    .referenceTypes(attribute.referenceTypes());
            for (AttributeDefinition sub : attribute.subAttributes()) {
                if (subs != null && (subs.isEmpty() || subs.contains(sub.name()))) {
                    copy.subAttribute(sub);
                } else if (writeOnlySubs != null && writeOnlySubs.contains(sub.name())) {
                    copy.subAttribute(writeOnly(sub));
                }
            }
            out.add(copy.build());
        }
        return out;
    }

    private static AttributeDefinition writeOnly(AttributeDefinition attribute) {
        return attribute.toBuilder().mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER).build();
    }
}
