package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.Or;
import org.scim2j.filter.PatchPath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH on a group expressed as a membership delta, so that a store can apply it with inserts and deletes of
 * membership rows instead of loading a member list that may hold 100 000 entries.
 *
 * <p>Apply it in this order: if {@link #clearAll()}, remove every member; remove the members whose value is in
 * {@link #removed()}; add the members of {@link #added()} that are not members yet; then apply
 * {@link #otherOperations()} to the group without its members. {@link #applyTo(List, AttributeDefinition)} does
 * exactly this on a list.
 *
 * @param otherOperations the operations that do not touch {@code members}, in order
 * @param clearAll        whether the member list is emptied first (a {@code replace} or a {@code remove} of all
 *                        members)
 * @param removed         the member ids removed (after the clear)
 * @param added           the members added, with their sub-attributes in canonical spelling, at most one per id
 */
public record MembershipPatch(PatchRequest otherOperations, boolean clearAll, Set<String> removed,
                              List<ObjectNode> added) {

    /** Copies the collections. */
    public MembershipPatch {
        removed = Collections.unmodifiableSet(new LinkedHashSet<>(removed));
        List<ObjectNode> copies = new ArrayList<>(added.size());
        added.forEach(a -> copies.add(a.deepCopy()));
        added = Collections.unmodifiableList(copies);
    }

    /** The ids of the added members. */
    public List<String> addedIds() {
        List<String> ids = new ArrayList<>(added.size());
        added.forEach(a -> ids.add(a.path("value").asText()));
        return ids;
    }

    /**
     * The member list after the delta, member ids compared as {@code memberValue} (the schema's
     * {@code members.value}) says: the standard Group schema's is not {@code caseExact} (RFC 7643 §8.7.1).
     */
    public List<ObjectNode> applyTo(List<ObjectNode> members, AttributeDefinition memberValue) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        if (!clearAll) {
            members.forEach(m -> result.put(memberValue.valueKey(m.path("value").asText()), m));
        }
        removed.forEach(id -> result.remove(memberValue.valueKey(id)));
        added.forEach(m -> result.putIfAbsent(memberValue.valueKey(m.path("value").asText()), m));
        return new ArrayList<>(result.values());
    }

    static Optional<MembershipPatch> split(SchemaRegistry registry, PatchOptions options, ResourceType type,
                                           PatchRequest request) {
        Optional<ResolvedAttribute> members = registry.find(type, AttributePath.of("members"));
        if (members.isEmpty() || !members.get().attribute().multiValued() || !members.get().attribute().isComplex()
                || members.get().attribute().subAttribute("value") == null
                || !options.allows(Tolerance.REMOVE_WITHOUT_TARGET)) {
            return Optional.empty();
        }
        AttributeDefinition attribute = members.get().attribute();
        AttributeDefinition memberValue = attribute.subAttribute("value");
        Values values = new Values(options);
        List<PatchOperation> others = new ArrayList<>();
        Map<String, ObjectNode> added = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        boolean clearAll = false;
        int index = 0;
        for (PatchOperation operation : request.operations()) {
            String where = "Operations[" + index++ + "]";
            PatchPath path = operation.path();
            if (path == null) {
                if (operation.value() != null && operation.value().isObject() && hasMembersKey(operation.value())) {
                    return Optional.empty();
                }
                others.add(operation);
                continue;
            }
            if (!isMembers(registry, type, path.attribute())) {
                others.add(operation);
                continue;
            }
            if (path.subAttribute() != null) {
                return Optional.empty();
            }
            if (path.valueFilter() != null) {
                List<String> ids = memberIds(path.valueFilter());
                if (ids == null || operation.op() != PatchOp.REMOVE) {
                    return Optional.empty();
                }
                ids.forEach(id -> remove(memberValue.valueKey(id), id, added, removed));
                continue;
            }
            JsonNode value = operation.value();
            switch (operation.op()) {
                case ADD -> {
                    for (JsonNode member : values.elements(attribute, value, where)) {
                        add(memberValue, (ObjectNode) member, added, removed);
                    }
                }
                case REPLACE -> {
                    clearAll = true;
                    added.clear();
                    removed.clear();
                    if (value != null && !value.isNull()) {
                        for (JsonNode member : values.elements(attribute, value, where)) {
                            add(memberValue, (ObjectNode) member, added, removed);
                        }
                    }
                }
                case REMOVE -> {
                    if (value == null) {
                        clearAll = true;
                        added.clear();
                        removed.clear();
                    } else {
                        if (!options.allows(Tolerance.REMOVE_MEMBERS_BY_VALUE)) {
                            return Optional.empty(); // the engine reports the error
                        }
                        for (JsonNode member : values.elements(attribute, value, where)) {
                            String id = member.path("value").asText();
                            remove(memberValue.valueKey(id), id, added, removed);
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return Optional.of(new MembershipPatch(new PatchRequest(others), clearAll, new LinkedHashSet<>(removed.values()),
                new ArrayList<>(added.values())));
    }

    private static void add(AttributeDefinition memberValue, ObjectNode member, Map<String, ObjectNode> added,
                            Map<String, String> removed) {
        JsonNode id = member.get("value");
        if (id == null || !id.isTextual()) {
            throw org.scim2j.core.error.ScimException.invalidValue("a member needs a \"value\" with the member's id");
        }
        String key = memberValue.valueKey(id.asText());
        removed.remove(key);
        added.putIfAbsent(key, member);
    }

    private static void remove(String key, String id, Map<String, ObjectNode> added, Map<String, String> removed) {
        added.remove(key);
        removed.put(key, id);
    }

    private static boolean isMembers(SchemaRegistry registry, ResourceType type, AttributePath path) {
        return registry.find(type, path).map(r -> r.attribute().name().equals("members") && !r.extension())
                .orElse(false);
    }

    private static boolean hasMembersKey(JsonNode value) {
        var names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase("members") || name.toLowerCase(Locale.ROOT).endsWith(":members")) {
                return true;
            }
        }
        return false;
    }

    /** The ids of {@code value eq "a" or value eq "b" ...}, or null for any other filter. */
    private static List<String> memberIds(Filter filter) {
        List<Filter> terms = filter instanceof Or or ? or.operands() : List.of(filter);
        List<String> ids = new ArrayList<>(terms.size());
        for (Filter term : terms) {
            if (!(term instanceof Comparison c) || c.op() != CompareOp.EQ || c.path().schema() != null
                    || c.path().hasSubAttribute() || !c.path().name().equalsIgnoreCase("value")
                    || !(c.value() instanceof FilterValue.StringValue s)) {
                return null;
            }
            ids.add(s.value());
        }
        return ids;
    }

}
