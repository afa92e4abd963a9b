package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.filter.Pbt;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.scim2j.filter.Pbt.listsOf;
import static org.scim2j.filter.Pbt.pick;

/** Generators of PATCH operations and bodies (RFC 7644 §3.5.2) for property tests of the PATCH engine. */
final class PatchGenerators {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MEMBER_IDS = List.of("a", "b", "c", "d", "e");

    private PatchGenerators() {
    }

    /** Short texts with a space, a quote and a non-ASCII letter among the lower-case letters. */
    static Gen<String> texts() {
        return Pbt.strings("abcdefghijklmnopqrstuvwxyz \"é", 1, 12);
    }

    /** Paths of single-valued User attributes, core and enterprise, that {@code PatchProperties}' user lacks. */
    static Gen<String> absentPaths() {
        return pick("nickName", "title", "name.givenName", "displayName",
                Schemas.ENTERPRISE_USER + ":department",
                Schemas.ENTERPRISE_USER + ":manager.value",
                Schemas.ENTERPRISE_USER + ":costCenter");
    }

    /** Replace operations on User attributes: simple, complex, multi-valued, filtered and extension paths. */
    static Gen<PatchOperation> replaces() {
        Gen<String> paths = pick("nickName", "title", "name.givenName", "active",
                "emails[type eq \"work\"].value", "emails", "name", "phoneNumbers[type eq \"home\"].value",
                Schemas.ENTERPRISE_USER + ":employeeNumber");
        return paths.zip(texts(), Generate.booleans(), (path, text, flag) -> {
            JsonNode value = switch (path) {
                case "active" -> NODES.booleanNode(flag);
                case "emails" -> NODES.arrayNode().add(NODES.objectNode().put("value", text).put("type", "home"));
                case "name" -> NODES.objectNode().put("familyName", text);
                default -> NODES.textNode(text);
            };
            return PatchOperation.of(PatchOp.REPLACE, path, value);
        });
    }

    /** Up to four distinct member ids. */
    static Gen<List<String>> memberLists() {
        Gen<Integer> sizes = Generate.range(0, 4);
        return in -> {
            List<String> pool = new ArrayList<>(MEMBER_IDS);
            List<String> members = new ArrayList<>();
            for (int n = sizes.generate(in); n > 0; n--) {
                members.add(pool.remove((int) Generate.range(0, pool.size() - 1).generate(in)));
            }
            return members;
        };
    }

    /**
     * One to five operations on a group's {@code members}: add, remove by filter, remove by value, replace, remove
     * all; the ids overlap the {@link #memberLists()}' ones and add one more.
     */
    static Gen<List<PatchOperation>> memberOperations() {
        Gen<String> ids = pick("a", "b", "c", "d", "e", "f");
        Gen<PatchOperation> add = listsOf(ids, 1, 3).map(list ->
                PatchOperation.of(PatchOp.ADD, "members", members(list)));
        Gen<PatchOperation> removeOne = ids.map(id ->
                PatchOperation.of(PatchOp.REMOVE, "members[value eq \"" + id + "\"]", null));
        Gen<PatchOperation> removeByValue = ids.map(id ->
                PatchOperation.of(PatchOp.REMOVE, "members", members(List.of(id))));
        Gen<PatchOperation> replace = listsOf(ids, 0, 3).map(list ->
                PatchOperation.of(PatchOp.REPLACE, "members", members(list)));
        Gen<PatchOperation> removeAll = Generate.constant(PatchOperation.of(PatchOp.REMOVE, "members", null));
        Gen<PatchOperation> operation = Generate.frequency(List.of(Pair.of(4, add), Pair.of(3, removeOne),
                Pair.of(2, removeByValue), Pair.of(1, replace), Pair.of(1, removeAll)));
        return listsOf(operation, 1, 5);
    }

    private static ArrayNode members(List<String> ids) {
        ArrayNode array = NODES.arrayNode();
        ids.forEach(id -> array.addObject().put("value", id));
        return array;
    }

    /**
     * PatchOp bodies with valid {@code schemas} but no {@code Operations} list: the member is absent, or null, or a
     * string, number, boolean or object, under its name in any letter case; beside it up to three members whose
     * names are near misses ({@code operation}, {@code xOperations}) or anything else.
     */
    static Gen<ObjectNode> bodiesWithoutAnOperationsList() {
        Gen<JsonNode> notALists = Pbt.oneOf(Generate.constant(NODES.nullNode()), texts().map(NODES::textNode),
                Generate.range(-2, 2).map(NODES::numberNode), Generate.booleans().map(NODES::booleanNode),
                texts().map(t -> NODES.objectNode().put("op", "add").put("path", t)));
        Gen<String> operationsName = listsOf(Generate.booleans(), 10, 10).map(upper -> {
            StringBuilder name = new StringBuilder("operations");
            for (int i = 0; i < name.length(); i++) {
                if (upper.get(i)) {
                    name.setCharAt(i, Character.toUpperCase(name.charAt(i)));
                }
            }
            return name.toString();
        });
        Gen<String> junkNames = Pbt.oneOf(pick("operation", "Operation", "xOperations", "Operations_", "ops",
                "Operations.0", "patch"), texts().map(t -> "x" + t));
        Gen<List<String>> junk = listsOf(junkNames, 0, 3);
        Gen<String> schemasName = pick("schemas", "Schemas", "SCHEMAS");
        Gen<Boolean> absent = Generate.booleans();
        return in -> {
            ObjectNode body = NODES.objectNode();
            body.putArray(schemasName.generate(in)).add(Schemas.PATCH_OP);
            for (String name : junk.generate(in)) {
                body.put(name, name.toLowerCase(Locale.ROOT));
            }
            if (!absent.generate(in)) {
                body.set(operationsName.generate(in), notALists.generate(in));
            }
            return body;
        };
    }
}
