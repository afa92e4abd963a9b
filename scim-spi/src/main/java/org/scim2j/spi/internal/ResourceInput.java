package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.SchemaValidator;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a POST or PUT (RFC 7644 §3.3, §3.5.1) into the canonical JSON a repository model is built
 * from, and applies the mutability rules of RFC 7643 §2.2 to it.
 *
 * <p>Order matters: the body is parsed ({@code ScimJson} limits; malformed is 400 {@code invalidSyntax}), normalised
 * (canonical names, RFC 7643 §2.5 unassigned values, unknown attributes and schema URNs as configured), stripped of
 * readOnly values, and only then validated with required attributes enforced. Stripping before validating is what
 * lets Okta's {@code "groups": []}, {@code id} and {@code meta} through whatever shape they have: RFC 7644 §3.5.1
 * says readOnly input "SHALL be ignored".
 *
 * <p>{@code schemas}: the normaliser adds the core schema URN when a body omits it, so a body without it (or with
 * only an unknown id, as Entra's non-URN Microsoft group schema) is accepted when the rest is valid. Okta and Entra
 * always send the URN; being tolerant costs nothing and a strict server would only fail clients that are otherwise
 * right. With {@code UnknownAttributes.REJECT} an unknown URN is still a 400 {@code invalidSyntax}.
 */
final class ResourceInput {

    /**
     * A parsed body.
     *
     * @param resource the canonical resource without readOnly values ({@code id} too), validated; it belongs to
     *                 the caller
     */
    record Body(ObjectNode resource) {
    }

    private final ServiceContext context;

    ResourceInput(ServiceContext context) {
        this.context = context;
    }

    /**
     * Reads and checks a POST or PUT body.
     *
     * @throws ScimException 400 {@code invalidSyntax} for malformed JSON, 413 over the size limit, 400
     *                       {@code invalidValue} listing every schema problem
     */
    Body read(ResourceType type, byte[] body) {
        ObjectNode raw = context.json().readObject(body);
        ObjectNode canonical = context.normalizer().normalize(type, raw).resource();
        stripReadOnly(type, canonical);
        context.validator().validate(type, canonical, SchemaValidator.Required.ENFORCE);
        return new Body(canonical);
    }

    /**
     * Removes readOnly attributes and sub-attributes (id, meta, User.groups, manager.displayName ...); a complex value
     * or extension left empty goes too, as RFC 7643 §2.5 reads an empty value as unassigned.
     */
    void stripReadOnly(ResourceType type, ObjectNode resource) {
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
    void keepImmutable(ResourceType type, ObjectNode current, ObjectNode next) {
        List<String> problems = new ArrayList<>();
        List<AttributeDefinition> top = new ArrayList<>(Schemas.commonAttributes().attributes());
        top.addAll(context.registry().coreSchema(type).attributes());
        keepImmutable(top, current, next, "", problems);
        for (Schema extension : context.registry().extensionSchemas(type)) {
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
        return common != null ? common : context.registry().coreSchema(type).attribute(name);
    }

    private Schema extension(ResourceType type, String urn) {
        for (Schema schema : context.registry().extensionSchemas(type)) {
            if (schema.id().equalsIgnoreCase(urn)) {
                return schema;
            }
        }
        return null;
    }
}
