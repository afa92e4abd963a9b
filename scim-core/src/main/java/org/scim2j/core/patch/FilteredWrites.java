package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.filter.internal.FilterCompiler;
import org.scim2j.core.filter.internal.Matcher;
import org.scim2j.core.json.WriteRules;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.ValuePath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of RFC 7644 §3.5.2 whose path has a value filter ({@code emails[type eq "work"]},
 * {@code emails[type eq "work"].value}): which values the filter selects (a predicate on each value, compiled once
 * per operation, or an index for {@code [sub eq "text"]}), what add, replace and remove do to them, and what happens
 * when none matches (Entra ID's upsert, {@link Tolerance#UPSERT_FILTERED_SUB_ATTRIBUTE}). Works on its
 * {@link Applier}'s working copy and indexes; one per applier.
 */
final class FilteredWrites {

    private final Applier applier;

    FilteredWrites(Applier applier) {
        this.applier = applier;
    }

    void apply(PatchOp op, PatchTarget target, Filter filter, AttributeDefinition sub, JsonNode value,
               String where) {
        AttributeDefinition attribute = target.attribute;
        if (!attribute.multiValued() || !attribute.isComplex()) {
            throw ScimException.invalidPath(where + ": a value filter needs a multi-valued complex attribute, and '"
                    + attribute.name() + "' is not one");
        }
        JsonNode current = target.current(applier.resource);
        ArrayNode array = current instanceof ArrayNode a ? a : null;
        List<ObjectNode> matched = matching(target, array, filter, where);
        if (matched.isEmpty()) {
            handleNoMatch(op, target, filter, sub, value, where);
            return;
        }
        Set<JsonNode> selected = Collections.newSetFromMap(new IdentityHashMap<>());
        selected.addAll(matched);
        if (op == PatchOp.REMOVE) {
            if (sub == null) {
                applier.retainIf(array, element -> !selected.contains(element));
                if (array.isEmpty()) {
                    applier.removeAttribute(target, where);
                }
            } else {
                for (ObjectNode element : matched) {
                    applier.setOrRemove(element, sub, null, where);
                }
                applier.dropEmptyElements(target, array, where);
            }
            return;
        }
        if (sub != null) {
            JsonNode converted = value == null || value.isNull() ? null : applier.values.simpleOrComplex(sub, value, where);
            for (ObjectNode element : matched) {
                JsonNode before = element.get(sub.name());
                applier.setOrRemove(element, sub, converted, where);
                applier.indexes.changed(array, element, sub.name(), before, element.get(sub.name()));
            }
            if (converted != null && "primary".equals(sub.name()) && converted.asBoolean(false)) {
                // each match made primary in turn, each taking it from the others: the last one keeps it
                applier.movePrimary(array, matched.get(matched.size() - 1));
            }
            applier.dropEmptyElements(target, array, where);
            return;
        }
        if (op == PatchOp.REPLACE && value != null && value.isArray() && value.isEmpty()) {
            // RFC 7644 §3.5.2.3 as UnboundID reads it: replacing the matched values with nothing removes them.
            applier.retainIf(array, element -> !selected.contains(element));
            if (array.isEmpty()) {
                applier.removeAttribute(target, where);
            }
            return;
        }
        ObjectNode incoming = applier.values.complex(attribute, value, where);
        for (ObjectNode element : matched) {
            if (op == PatchOp.REPLACE) {
                // §3.5.2.3: "all matching record values SHALL be replaced".
                for (AttributeDefinition s : attribute.subAttributes()) {
                    WriteRules.requireImmutableUnchanged(s, element.get(s.name()), incoming.get(s.name()), where);
                }
                element.removeAll();
            }
            for (Map.Entry<String, JsonNode> field : incoming.properties()) {
                WriteRules.requireImmutableUnchanged(attribute.subAttribute(field.getKey()),
                        element.get(field.getKey()), field.getValue(), where);
                element.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        if (incoming.path("primary").asBoolean(false)) {
            applier.movePrimary(array, matched.get(matched.size() - 1));
        }
    }

    private void handleNoMatch(PatchOp op, PatchTarget target, Filter filter, AttributeDefinition sub, JsonNode value,
                               String where) {
        AttributeDefinition attribute = target.attribute;
        if (op == PatchOp.REMOVE) {
            if (applier.options.allows(Tolerance.REMOVE_WITHOUT_TARGET)) {
                return;
            }
            throw ScimException.noTarget(where + ": no value of '" + attribute.name() + "' matches " + filter
                    + " (a remove that finds nothing is a no-op with " + Tolerance.REMOVE_WITHOUT_TARGET.settingName()
                    + ")");
        }
        Comparison key = sub == null ? null : singleEquality(filter, attribute);
        if (key == null) {
            throw ScimException.noTarget(where + ": no value of '" + attribute.name() + "' matches " + filter);
        }
        if (!applier.options.allows(Tolerance.UPSERT_FILTERED_SUB_ATTRIBUTE)) {
            throw ScimException.noTarget(where + ": no value of '" + attribute.name() + "' matches " + filter
                    + " (a matching value is created with " + Tolerance.UPSERT_FILTERED_SUB_ATTRIBUTE.settingName()
                    + ")");
        }
        if (value == null || value.isNull()) {
            return; // setting a sub-attribute of nothing to unassigned changes nothing
        }
        AttributeDefinition keySub = attribute.subAttribute(key.path().name());
        ObjectNode element = Applier.NODES.objectNode();
        element.set(keySub.name(), applier.values.simple(keySub, Values.literal(key.value()), where));
        element.set(sub.name(), applier.values.simpleOrComplex(sub, value, where));
        JsonNode current = target.current(applier.resource);
        ArrayNode array = current instanceof ArrayNode a ? a : Applier.NODES.arrayNode();
        array.add(element);
        applier.indexes.appended(array, element);
        target.set(applier.resource, array);
        applier.movePrimary(array, element);
    }

    /** {@code type eq "work"}: a single equality on a simple sub-attribute, which names the value to create. */
    private static Comparison singleEquality(Filter filter, AttributeDefinition attribute) {
        if (filter instanceof Comparison c && c.op() == CompareOp.EQ && c.path().schema() == null
                && !c.path().hasSubAttribute()) {
            AttributeDefinition sub = attribute.subAttribute(c.path().name());
            if (sub != null && !sub.isComplex() && !(c.value() instanceof org.scim2j.filter.FilterValue.NullValue)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The values of {@code array} the path's filter selects, in array order: for {@code [sub eq "text"]} on a string
     * sub-attribute (what identity providers send) from an index, else in one scan with the filter compiled for
     * applier.values.
     */
    private List<ObjectNode> matching(PatchTarget target, ArrayNode array, Filter filter, String where) {
        AttributePath attributePath = target.resolved.extension()
                ? new AttributePath(target.resolved.schemaUrn(), target.attribute.name(), null)
                : AttributePath.of(target.attribute.name());
        Matcher matcher;
        try {
            matcher = FilterCompiler.compileValueFilter(applier.registry, applier.type, new ValuePath(attributePath, filter));
        } catch (ScimException e) {
            throw ScimException.invalidPath(where + ": " + e.detail());
        }
        if (array == null) {
            return List.of();
        }
        AttributeDefinition indexed = indexedSubAttribute(filter, target.attribute);
        if (indexed != null) {
            String literal = ((FilterValue.StringValue) ((Comparison) filter).value()).value();
            return new ArrayList<>(applier.indexes.withSubValue(array, indexed, literal));
        }
        List<ObjectNode> matched = new ArrayList<>();
        for (JsonNode element : array) {
            if (element instanceof ObjectNode object && matcher.matches(object)) {
                matched.add(object);
            }
        }
        return matched;
    }

    /**
     * The sub-attribute of {@code [sub eq "text"]} when the filter is that and {@code sub} a string sub-attribute
     * other than {@code primary} (whose index the values' {@code primary} moves would keep invalidating), else null.
     */
    private static AttributeDefinition indexedSubAttribute(Filter filter, AttributeDefinition attribute) {
        if (filter instanceof Comparison c && c.op() == CompareOp.EQ && c.path().schema() == null
                && !c.path().hasSubAttribute() && c.value() instanceof FilterValue.StringValue) {
            AttributeDefinition sub = attribute.subAttribute(c.path().name());
            if (sub != null && !sub.multiValued() && !sub.name().equals("primary")
                    && (sub.type() == AttributeType.STRING || sub.type() == AttributeType.REFERENCE)) {
                return sub;
            }
        }
        return null;
    }
}
