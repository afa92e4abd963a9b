package org.scim2j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a write may change, by the attribute characteristics of RFC 7643 §2.2 and §2.4, in one place for POST, PUT,
 * PATCH and Bulk: readOnly values are ignored in a body (RFC 7644 §3.5.1) and refused as a PATCH target; an
 * immutable value, once set, is kept or given unchanged; a required attribute cannot be removed; and a written
 * resource has its required attributes and at most one {@code "primary": true} per multi-valued attribute.
 * {@link SchemaValidator} reports the same required and primary problems from the same rules.
 *
 * <p>Immutable and thread-safe.
 */
public final class WriteRules {

    private final SchemaRegistry registry;

    /** The rules for the resource types of {@code registry}. */
    public WriteRules(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    // ---- the whole resource ------------------------------------------------------------------------------------

    /**
     * After a write (a PATCH's operations all applied): required attributes present, at most one primary per
     * multi-valued attribute.
     *
     * @throws ScimException 400 {@code invalidValue} listing every problem
     */
    public void requireConsistent(ResourceType type, ObjectNode resource) {
        List<String> problems = new ArrayList<>();
        consistency(registry.coreSchema(type).attributes(), resource, "", problems);
        for (Schema extension : registry.extensionSchemas(type)) {
            if (JsonFields.field(resource, extension.id()) instanceof ObjectNode o) {
                consistency(extension.attributes(), o, extension.id() + ":", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw ScimException.invalidValue(String.join("; ", problems));
        }
    }

    private static void consistency(List<AttributeDefinition> attributes, ObjectNode object, String prefix,
                                    List<String> problems) {
        missingRequired(attributes, object, prefix, problems);
        for (AttributeDefinition attribute : attributes) {
            JsonNode value = JsonFields.field(object, attribute.name());
            if (value != null && value.isArray() && attribute.isComplex()) {
                int primaries = primaries(value);
                if (primaries > 1) {
                    problems.add(tooManyPrimaries(prefix + attribute.name(), primaries));
                }
            }
        }
    }

    /** RFC 7643 §7 "required": adds a problem for each required, client-writable attribute {@code object} lacks. */
    static void missingRequired(List<AttributeDefinition> attributes, ObjectNode object, String prefix,
                                List<String> problems) {
        for (AttributeDefinition a : attributes) {
            if (a.required() && a.mutability() != Mutability.READ_ONLY) {
                JsonNode v = JsonFields.field(object, a.name());
                if (v == null || v.isNull() || (v.isArray() && v.isEmpty())) {
                    problems.add("'" + prefix + a.name() + "' is required");
                }
            }
        }
    }

    /** How many values of a multi-valued attribute say {@code "primary": true}. */
    static int primaries(JsonNode array) {
        int primaries = 0;
        for (JsonNode element : array) {
            JsonNode primary = element.isObject() ? JsonFields.field(element, "primary") : null;
            if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                primaries++;
            }
        }
        return primaries;
    }

    /** RFC 7643 §2.4: "The primary attribute value 'true' MUST appear no more than once." */
    static String tooManyPrimaries(String path, int primaries) {
        return "'" + path + "' has " + primaries + " values with \"primary\": true; at most one is allowed "
                + "(RFC 7643 §2.4)";
    }

    // ---- one attribute, as a PATCH operation targets it --------------------------------------------------------

    /**
     * A PATCH operation may target the attribute (and sub-attribute): neither is readOnly.
     *
     * @throws ScimException 400 {@code mutability}
     */
    public static void requireWritable(AttributeDefinition attribute, AttributeDefinition sub, String where) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability(where + ": '" + attribute.name() + "' is readOnly");
        }
        if (sub != null && sub.mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability(where + ": '" + attribute.name() + "." + sub.name() + "' is readOnly");
        }
    }

    /**
     * A value of the attribute ({@code path} names it in messages) may be removed: it is neither required nor
     * immutable. RFC 7644 §3.5.2 calls removing a required attribute an operation incompatible with the schema:
     * {@code mutability}, as for readOnly.
     *
     * @throws ScimException 400 {@code mutability}
     */
    public static void requireRemovable(AttributeDefinition attribute, String path, String where) {
        if (attribute.required()) {
            throw ScimException.mutability(where + ": '" + path + "' is required and cannot be removed; replace its "
                    + "value instead");
        }
        if (attribute.mutability() == Mutability.IMMUTABLE) {
            throw ScimException.mutability(where + ": '" + path + "' is immutable");
        }
    }

    /**
     * RFC 7643 §2.2: an immutable attribute may be set when it has no value, never changed.
     *
     * @throws ScimException 400 {@code mutability}
     */
    public static void requireImmutableUnchanged(AttributeDefinition definition, JsonNode current, JsonNode next,
                                                 String where) {
        if (definition != null && definition.mutability() == Mutability.IMMUTABLE && current != null
                && !current.isNull() && !current.equals(next)) {
            throw ScimException.mutability(where + ": '" + definition.name() + "' is immutable and already has a "
                    + "value");
        }
    }

    // ---- bodies of POST and PUT --------------------------------------------------------------------------------

    /**
     * Removes readOnly attributes and sub-attributes (id, meta, User.groups, manager.displayName ...); a complex value
     * or extension left empty goes too, as RFC 7643 §2.5 reads an empty value as unassigned.
     */
    public void stripReadOnly(ResourceType type, ObjectNode resource) {
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            AttributeDefinition attribute = topLevel(type, field.getKey());
            Schema extension = attribute == null ? extension(type, field.getKey()) : null;
            if (attribute != null && strip(attribute, field.getValue())) {
                dropped.add(field.getKey());
            } else if (extension != null && field.getValue() instanceof ObjectNode object) {
                stripContainer(extension.attributes(), object);
                if (object.isEmpty()) {
                    dropped.add(field.getKey());
                    unlistSchema(resource, extension.id());
                }
            }
        }
        resource.remove(dropped);
    }

    /**
     * PUT and immutable attributes (RFC 7644 §3.5.1): a value that is set must be given unchanged or not at all; when
     * it is not given the stored value is kept (an immutable value cannot be cleared by leaving it out, not even by
     * leaving out the complex attribute that holds it). Values of
     * multi-valued complex attributes are replaced as wholes, so their immutable sub-attributes (a group's
     * {@code members.value}) restrict nothing here.
     *
     * @param current the stored resource's canonical JSON
     * @param next    the PUT body's canonical JSON, completed in place with kept values
     * @throws ScimException 400 {@code mutability} naming every immutable value that would change
     */
    public void keepImmutable(ResourceType type, ObjectNode current, ObjectNode next) {
        List<String> problems = new ArrayList<>();
        List<AttributeDefinition> top = new ArrayList<>(Schemas.commonAttributes().attributes());
        top.addAll(registry.coreSchema(type).attributes());
        keepImmutable(top, current, next, "", problems);
        for (Schema extension : registry.extensionSchemas(type)) {
            if (current.get(extension.id()) instanceof ObjectNode stored) {
                JsonNode given = next.get(extension.id());
                ObjectNode target = given instanceof ObjectNode o ? o : next.putObject(extension.id());
                keepImmutable(extension.attributes(), stored, target, extension.id() + ":", problems);
                if (target.isEmpty()) {
                    next.remove(extension.id());
                } else if (given == null) {
                    listSchema(next, extension.id());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ScimException.mutability(String.join("; ", problems) + " (RFC 7643 §2.2 immutable)");
        }
    }

    /** Adds {@code urn} to {@code schemas} (RFC 7643 §3: every extension present is listed). */
    private static void listSchema(ObjectNode resource, String urn) {
        JsonNode schemas = resource.get("schemas");
        ArrayNode list = schemas instanceof ArrayNode a ? a : resource.putArray("schemas");
        for (JsonNode listed : list) {
            if (listed.asText().equalsIgnoreCase(urn)) {
                return;
            }
        }
        list.add(urn);
    }

    private static void keepImmutable(List<AttributeDefinition> attributes, ObjectNode current, ObjectNode next,
                                      String prefix, List<String> problems) {
        for (AttributeDefinition attribute : attributes) {
            JsonNode stored = current.get(attribute.name());
            if (stored == null || stored.isNull()) {
                continue;
            }
            JsonNode given = next.get(attribute.name());
            if (attribute.mutability() == Mutability.IMMUTABLE) {
                if (given == null) {
                    next.set(attribute.name(), stored.deepCopy());
                } else if (!given.equals(stored)) {
                    problems.add("'" + prefix + attribute.name() + "' is immutable and already has a value");
                }
            } else if (attribute.isComplex() && !attribute.multiValued() && stored instanceof ObjectNode s) {
                // Recurse even when the parent is left out: clearing it must not clear an immutable part of it,
                // or a second PUT could set that part anew.
                ObjectNode target = given instanceof ObjectNode g ? g : JsonNodeFactory.instance.objectNode();
                keepImmutable(attribute.subAttributes(), s, target, prefix + attribute.name() + ".", problems);
                if (given == null && !target.isEmpty()) {
                    next.set(attribute.name(), target);
                }
            }
        }
    }

    /** Strips readOnly parts of a value in place; whether the attribute is readOnly or its value is now empty. */
    private static boolean strip(AttributeDefinition attribute, JsonNode value) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return true;
        }
        if (!attribute.isComplex()) {
            return false;
        }
        if (value instanceof ObjectNode object) {
            stripContainer(attribute.subAttributes(), object);
            return object.isEmpty();
        }
        if (value instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i) instanceof ObjectNode element) {
                    stripContainer(attribute.subAttributes(), element);
                    if (element.isEmpty()) {
                        array.remove(i);
                    }
                }
            }
            return array.isEmpty();
        }
        return false;
    }

    private static void stripContainer(List<AttributeDefinition> attributes, ObjectNode object) {
        for (AttributeDefinition attribute : attributes) {
            JsonNode value = object.get(attribute.name());
            if (value != null && strip(attribute, value)) {
                object.remove(attribute.name());
            }
        }
    }

    private static void unlistSchema(ObjectNode resource, String urn) {
        if (resource.get("schemas") instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).asText().equalsIgnoreCase(urn)) {
                    list.remove(i);
                }
            }
        }
    }

    private AttributeDefinition topLevel(ResourceType type, String name) {
        AttributeDefinition common = Schemas.commonAttributes().attribute(name);
        return common != null ? common : registry.coreSchema(type).attribute(name);
    }

    private Schema extension(ResourceType type, String urn) {
        for (Schema schema : registry.extensionSchemas(type)) {
            if (schema.id().equalsIgnoreCase(urn)) {
                return schema;
            }
        }
        return null;
    }
}
