package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.json.WriteRules;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.FilterParseException;
import org.scim2j.filter.PatchPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies the operations of one request to one working copy: resolves each path, then writes a whole attribute or a
 * sub-attribute; operations whose path has a value filter go to {@link FilteredWrites}, and what a write may change
 * is {@link WriteRules}'. Not thread-safe; one per request.
 *
 * <p>Linear in the size of the request and of the resource: checks that would scan an array once per value or per
 * operation go through {@link ArrayIndexes}, values are removed from an array in one pass, and {@code primary} is
 * moved without scanning for the previous holder. An operation that adds values to a multi-valued attribute, or sets
 * a sub-attribute of the values a {@code [sub eq "..."]} filter selects (Entra ID's
 * {@code emails[type eq "work"].value}), keeps the indexes up to date; any other operation starts with fresh ones.
 *
 * <p>Why it is a little over 400 lines: path resolution and the three operations (RFC 7644 §3.5.2.1-3) share the
 * working copy and its indexes; filtered writes already live apart.
 */
final class Applier {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final SchemaRegistry registry;
    final PatchOptions options;
    final ResourceType type;
    final ObjectNode resource;
    final Values values;
    final ArrayIndexes indexes = new ArrayIndexes();
    private final FilteredWrites filtered = new FilteredWrites(this);

    Applier(SchemaRegistry registry, PatchOptions options, ResourceType type, ObjectNode resource) {
        this.registry = registry;
        this.options = options;
        this.type = type;
        this.resource = resource;
        this.values = new Values(options);
    }

    void apply(PatchOperation operation, int index) {
        String where = "Operations[" + index + "]";
        if (!keepsIndexes(operation)) {
            indexes.clear();
        }
        if (operation.path() == null) {
            applyWithoutPath(operation, where);
        } else {
            applyPath(operation.op(), operation.path(), operation.value(), where);
        }
    }

    /**
     * Whether the operation changes arrays only in ways {@link ArrayIndexes} tracks: an {@code add} of values, or
     * setting a sub-attribute of filtered values to a value.
     */
    private static boolean keepsIndexes(PatchOperation operation) {
        PatchPath path = operation.path();
        if (path == null) {
            return false;
        }
        if (path.valueFilter() == null) {
            return path.subAttribute() == null && operation.op() == PatchOp.ADD;
        }
        return path.subAttribute() != null && operation.op() != PatchOp.REMOVE && operation.value() != null
                && !operation.value().isNull();
    }

    /** RFC 7644 §3.5.2.1 / §3.5.2.3: without a path, the value is an object of attributes to add or replace. */
    private void applyWithoutPath(PatchOperation operation, String where) {
        JsonNode value = operation.value();
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue(where + ": without \"path\", \"value\" must be an object of attributes");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String key = field.getKey();
            JsonNode fieldValue = field.getValue();
            Optional<Schema> schemaKey = registry.schema(key).filter(s -> type.hasSchema(s.id()));
            if (schemaKey.isPresent()) {
                applySchemaObject(operation.op(), schemaKey.get(), fieldValue, where);
                continue;
            }
            if (key.equalsIgnoreCase("schemas")) {
                continue; // the service keeps "schemas" in step with the extensions present
            }
            AttributePath path = parseKey(key, where);
            if ((path.schema() != null || path.hasSubAttribute()) && !options.allows(Tolerance.PATH_KEYS_IN_VALUE)) {
                throw ScimException.invalidPath(where + ": \"" + key + "\" is an attribute path, not an attribute "
                        + "name (accepted with " + Tolerance.PATH_KEYS_IN_VALUE.settingName() + ")");
            }
            if (path.schema() == null && !path.hasSubAttribute() && path.name().equalsIgnoreCase("id")
                    && isOwnId(fieldValue, where)) {
                continue;
            }
            applyPath(operation.op(), new PatchPath(path.withSubAttribute(null), null, path.subAttribute()),
                    fieldValue, where);
        }
    }

    private void applySchemaObject(PatchOp op, Schema schema, JsonNode value, String where) {
        if (!value.isObject()) {
            throw ScimException.invalidValue(where + ": \"" + schema.id() + "\" must be an object of its attributes");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributePath local = parseKey(field.getKey(), where);
            if (local.schema() != null) {
                throw ScimException.invalidPath(where + ": \"" + field.getKey() + "\" inside \"" + schema.id() + "\"");
            }
            AttributePath path = new AttributePath(schema.id(), local.name(), null);
            applyPath(op, new PatchPath(path, null, local.subAttribute()), field.getValue(), where);
        }
    }

    /** Okta sends the group's own id inside a rename; equal is no change, anything else is a readOnly change. */
    private boolean isOwnId(JsonNode value, String where) {
        JsonNode current = resource.get("id");
        boolean same = current != null && value.isTextual() && current.asText().equals(value.asText());
        if (!same) {
            throw ScimException.mutability(where + ": \"id\" is readOnly");
        }
        if (!options.allows(Tolerance.ECHOED_ID)) {
            throw ScimException.mutability(where + ": \"id\" is readOnly (the resource's own id is accepted as no "
                    + "change with " + Tolerance.ECHOED_ID.settingName() + ")");
        }
        return true;
    }

    private AttributePath parseKey(String key, String where) {
        try {
            return AttributePath.parse(key);
        } catch (FilterParseException e) {
            throw ScimException.invalidPath(where + ": \"" + key + "\" is not an attribute name: " + e.getMessage());
        }
    }

    private void applyPath(PatchOp op, PatchPath path, JsonNode value, String where) {
        ResolvedAttribute resolved = resolve(path.attribute(), where);
        AttributeDefinition attribute = resolved.attribute();
        AttributeDefinition sub = null;
        if (path.subAttribute() != null) {
            sub = attribute.subAttribute(path.subAttribute());
            if (sub == null) {
                throw ScimException.invalidPath(where + ": '" + attribute.name() + "' has no sub-attribute '"
                        + path.subAttribute() + "'");
            }
        }
        WriteRules.requireWritable(attribute, sub, where);
        PatchTarget target = new PatchTarget(resolved, attribute);
        if (path.valueFilter() != null) {
            filtered.apply(op, target, path.valueFilter(), sub, value, where);
        } else if (sub != null) {
            applySubAttribute(op, target, sub, value, where);
        } else {
            applyAttribute(op, target, value, where);
        }
    }

    private ResolvedAttribute resolve(AttributePath path, String where) {
        Optional<ResolvedAttribute> found = registry.find(type, path);
        if (found.isPresent()) {
            return found.get();
        }
        if (path.schema() == null && path.name().equalsIgnoreCase("manager")
                && type.hasSchema(Schemas.ENTERPRISE_USER)) {
            if (!options.allows(Tolerance.MANAGER_SHORTHAND)) {
                throw ScimException.invalidPath(where + ": 'manager' belongs to " + Schemas.ENTERPRISE_USER
                        + "; address it as '" + Schemas.ENTERPRISE_USER + ":manager' (the bare name is accepted with "
                        + Tolerance.MANAGER_SHORTHAND.settingName() + ")");
            }
            return registry.resolve(type, new AttributePath(Schemas.ENTERPRISE_USER, "manager", null),
                    ScimType.INVALID_PATH);
        }
        return registry.resolve(type, path, ScimType.INVALID_PATH);
    }

    // ---- whole attribute -------------------------------------------------------------------------------------

    private void applyAttribute(PatchOp op, PatchTarget target, JsonNode value, String where) {
        AttributeDefinition attribute = target.attribute;
        if (op == PatchOp.REMOVE) {
            if (value != null) {
                removeByValue(target, value, where);
            } else {
                removeAttribute(target, where);
            }
            return;
        }
        if (value == null || value.isNull()) {
            removeAttribute(target, where); // RFC 7643 §2.5: null is unassigned
            return;
        }
        if (attribute.multiValued()) {
            List<JsonNode> incoming = values.elements(attribute, value, where);
            if (op == PatchOp.REPLACE) {
                if (incoming.isEmpty()) {
                    removeAttribute(target, where);
                    return;
                }
                ArrayNode array = NODES.arrayNode();
                for (JsonNode element : incoming) {
                    if (!indexes.containsEquivalent(array, element, attribute)) {
                        array.add(element);
                        indexes.appended(array, element);
                    }
                }
                WriteRules.requireImmutableUnchanged(attribute, target.current(resource), array, where);
                target.set(resource, array);
                return;
            }
            JsonNode current = target.current(resource);
            ArrayNode array = current instanceof ArrayNode a ? a : NODES.arrayNode();
            for (JsonNode element : incoming) {
                if (!indexes.containsEquivalent(array, element, attribute)) {
                    array.add(element);
                    indexes.appended(array, element);
                    movePrimary(array, element);
                }
            }
            if (!array.isEmpty()) {
                target.set(resource, array);
            }
            return;
        }
        if (attribute.isComplex()) {
            ObjectNode incoming = values.complex(attribute, value, where);
            JsonNode current = target.current(resource);
            ObjectNode merged = current instanceof ObjectNode o ? o : NODES.objectNode();
            // RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes given are set, the others are left unchanged.
            for (Map.Entry<String, JsonNode> field : incoming.properties()) {
                AttributeDefinition sub = attribute.subAttribute(field.getKey());
                WriteRules.requireImmutableUnchanged(sub, merged.get(sub.name()), field.getValue(), where);
                merged.set(sub.name(), field.getValue());
            }
            if (!merged.isEmpty()) {
                target.set(resource, merged);
            }
            return;
        }
        JsonNode converted = values.simple(attribute, value, where);
        WriteRules.requireImmutableUnchanged(attribute, target.current(resource), converted, where);
        target.set(resource, converted);
    }

    void removeAttribute(PatchTarget target, String where) {
        JsonNode current = target.current(resource);
        if (current == null) {
            return;
        }
        WriteRules.requireRemovable(target.attribute, target.attribute.name(), where);
        target.remove(resource);
    }

    /** Entra's {@code remove members} with a value array: remove only the listed values [P11]. */
    private void removeByValue(PatchTarget target, JsonNode value, String where) {
        AttributeDefinition attribute = target.attribute;
        AttributeDefinition valueSub = attribute.isComplex() ? attribute.subAttribute("value") : null;
        if (!attribute.multiValued() || valueSub == null) {
            throw ScimException.invalidSyntax(where + ": \"remove\" takes no \"value\" for '" + attribute.name() + "'");
        }
        if (!options.allows(Tolerance.REMOVE_MEMBERS_BY_VALUE)) {
            throw ScimException.invalidSyntax(where + ": \"remove\" takes no \"value\"; to remove some values use a "
                    + "filter such as " + attribute.name() + "[value eq \"...\"] (a value list is accepted with "
                    + Tolerance.REMOVE_MEMBERS_BY_VALUE.settingName() + ")");
        }
        List<JsonNode> listed = values.elements(attribute, value, where);
        JsonNode current = target.current(resource);
        if (!(current instanceof ArrayNode array)) {
            if (!options.allows(Tolerance.REMOVE_WITHOUT_TARGET)) {
                throw noTarget(where, attribute);
            }
            return;
        }
        // One pass over the array, whatever the number of listed values (as Values.sameText compares them).
        Set<String> texts = new HashSet<>();
        Set<JsonNode> others = new HashSet<>();
        for (JsonNode element : listed) {
            JsonNode id = element.get("value");
            if (id != null && id.isTextual()) {
                texts.add(ArrayIndexes.textKey(id.textValue(), valueSub.caseExact()));
            } else if (id != null) {
                others.add(id);
            }
        }
        boolean removedAny = retainIf(array, existing -> {
            JsonNode id = existing.get("value");
            return id == null || (id.isTextual() ? !texts.contains(ArrayIndexes.textKey(id.textValue(),
                    valueSub.caseExact())) : !others.contains(id));
        });
        if (!removedAny && !options.allows(Tolerance.REMOVE_WITHOUT_TARGET)) {
            throw noTarget(where, attribute);
        }
        if (array.isEmpty()) {
            removeAttribute(target, where);
        }
    }

    // ---- sub-attribute without filter ------------------------------------------------------------------------

    private void applySubAttribute(PatchOp op, PatchTarget target, AttributeDefinition sub, JsonNode value, String where) {
        AttributeDefinition attribute = target.attribute;
        JsonNode converted = op == PatchOp.REMOVE || value == null || value.isNull() ? null
                : values.simpleOrComplex(sub, value, where);
        JsonNode current = target.current(resource);
        if (attribute.multiValued()) {
            // "emails.display": every value's sub-attribute. Adding to every value is ambiguous, so only remove and
            // replace are accepted; "add" needs a value filter to say which value.
            if (op == PatchOp.ADD) {
                throw ScimException.invalidPath(where + ": say which value of '" + attribute.name() + "' to add to, "
                        + "e.g. " + attribute.name() + "[type eq \"work\"]." + sub.name());
            }
            if (current instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    setOrRemove((ObjectNode) element, sub, converted, where);
                }
                dropEmptyElements(target, array, where);
            }
            return;
        }
        if (converted == null) {
            if (current instanceof ObjectNode parent && parent.has(sub.name())) {
                WriteRules.requireRemovable(sub, attribute.name() + "." + sub.name(), where);
                parent.remove(sub.name());
                if (parent.isEmpty()) {
                    removeAttribute(target, where);
                }
            }
            return;
        }
        ObjectNode parent = current instanceof ObjectNode o ? o : NODES.objectNode();
        WriteRules.requireImmutableUnchanged(sub, parent.get(sub.name()), converted, where);
        parent.set(sub.name(), converted);
        target.set(resource, parent);
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    void setOrRemove(ObjectNode element, AttributeDefinition sub, JsonNode value, String where) {
        JsonNode existing = element.get(sub.name());
        if (value == null) {
            if (existing != null) {
                if (sub.mutability() == Mutability.IMMUTABLE) {
                    throw ScimException.mutability(where + ": '" + sub.name() + "' is immutable");
                }
                element.remove(sub.name());
            }
            return;
        }
        WriteRules.requireImmutableUnchanged(sub, existing, value, where);
        element.set(sub.name(), value);
    }

    void dropEmptyElements(PatchTarget target, ArrayNode array, String where) {
        retainIf(array, element -> !element.isEmpty());
        if (array.isEmpty()) {
            removeAttribute(target, where);
        }
    }

    /**
     * RFC 7643 §2.4: {@code "primary": true} appears at most once; when {@code keep} has it, the others lose it.
     * The values holding it are tracked ({@link ArrayIndexes#primaries}), so this costs no scan of the array.
     */
    void movePrimary(ArrayNode array, JsonNode keep) {
        if (!keep.path("primary").asBoolean(false)) {
            return;
        }
        for (ObjectNode other : new ArrayList<>(indexes.primaries(array))) {
            if (other != keep) {
                JsonNode before = other.get("primary");
                other.put("primary", false);
                indexes.changed(array, other, "primary", before, other.get("primary"));
            }
        }
    }

    /** Keeps the values of {@code array} that pass, in one pass; whether any was removed. */
    boolean retainIf(ArrayNode array, Predicate<JsonNode> keep) {
        List<JsonNode> kept = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (keep.test(element)) {
                kept.add(element);
            }
        }
        if (kept.size() == array.size()) {
            return false;
        }
        array.removeAll();
        array.addAll(kept);
        indexes.clear();
        return true;
    }

    private static ScimException noTarget(String where, AttributeDefinition attribute) {
        return ScimException.noTarget(where + ": none of the listed values of '" + attribute.name() + "' is present"
                + " (a remove that finds nothing is a no-op with " + Tolerance.REMOVE_WITHOUT_TARGET.settingName()
                + ")");
    }
}
