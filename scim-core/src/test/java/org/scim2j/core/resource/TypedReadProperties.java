package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.scim2j.filter.Pbt.listsOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scim2j.filter.Pbt;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.json.internal.JacksonErrors;
import org.scim2j.core.json.internal.ResourceReader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ScimJson#toTyped} binds a tree to a {@link User} or {@link Group} as databind binds it
 * ({@code mapper.treeToValue}), whichever path it takes: the same resource, or the same error.
 */
class TypedReadProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScimJson json = ScimJson.defaults();
    /** A copy with the same configuration: the databind binding every typed read must agree with. */
    private final ObjectMapper databind = json.mapper();

    @Test
    void treesOfTypedUsersAreBoundInOnePassAsDatabindBindsThem() {
        Pbt.qt(500).forAll(TypedWriteProperties.richUsers()).checkAssert(user -> {
            ObjectNode tree = json.toTree(user);
            User fast = ResourceReader.read(tree, User.class);
            assertThat(fast).isNotNull().isEqualTo(databindOutcome(tree, User.class)).isEqualTo(user);
            assertThat(json.toTyped(tree, User.class)).isEqualTo(user);
        });
    }

    @Test
    void treesOfTypedGroupsAreBoundInOnePassAsDatabindBindsThem() {
        Pbt.qt(300).forAll(TypedWriteProperties.groups()).checkAssert(group -> {
            ObjectNode tree = json.toTree(group);
            Group fast = ResourceReader.read(tree, Group.class);
            assertThat(fast).isNotNull().isEqualTo(databindOutcome(tree, Group.class)).isEqualTo(group);
        });
    }

    /**
     * Names in another case, values of another JSON type, {@code "True"}, single values for lists, null elements,
     * unknown sub-attributes, bad dateTimes, {@code extension}: whatever the one-pass binding declines, databind
     * binds or rejects, and the outcome is databind's.
     */
    @Test
    void perturbedUserTreesBindAsDatabindBindsThem() {
        Pbt.qt(1500).forAll(TypedWriteProperties.richUsers(), perturbations()).checkAssert((user, changes) -> {
            ObjectNode tree = perturbed(json.toTree(user), changes);
            assertThat(outcome(tree, User.class)).isEqualTo(databindOutcome(tree, User.class));
        });
    }

    @Test
    void perturbedGroupTreesBindAsDatabindBindsThem() {
        Pbt.qt(800).forAll(TypedWriteProperties.groups(), perturbations()).checkAssert((group, changes) -> {
            ObjectNode tree = perturbed(json.toTree(group), changes);
            assertThat(outcome(tree, Group.class)).isEqualTo(databindOutcome(tree, Group.class));
        });
    }

    /** The bound resource, or the detail of the {@link ScimException} it fails with. */
    private Object outcome(JsonNode tree, Class<?> type) {
        try {
            return json.toTyped(tree, type);
        } catch (ScimException e) {
            return e.status() + " " + e.getMessage();
        }
    }

    /** What {@code toTyped} gave before the one-pass binding: databind's resource or its mapped error. */
    private Object databindOutcome(JsonNode tree, Class<?> type) {
        try {
            return databind.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            ScimException mapped = JacksonErrors.forMapping(e, tree);
            return mapped.status() + " " + mapped.getMessage();
        } catch (JsonProcessingException e) {
            ScimException mapped = ScimException.invalidValue("the resource cannot be read: invalid JSON structure");
            return mapped.status() + " " + mapped.getMessage();
        }
    }

    /** One to three changes, each a pair of draws: where in the tree, and what to do there. */
    private static Gen<List<Integer>> perturbations() {
        return listsOf(integers().between(0, Integer.MAX_VALUE), 2, 6);
    }

    private static ObjectNode perturbed(ObjectNode tree, List<Integer> draws) {
        for (int i = 0; i + 1 < draws.size(); i += 2) {
            List<Place> places = new ArrayList<>();
            collect(tree, places);
            if (places.isEmpty()) {
                return tree;
            }
            change(places.get(draws.get(i) % places.size()), draws.get(i + 1));
        }
        return tree;
    }

    /** A member of an object or an element of an array. */
    private record Place(JsonNode parent, String name, int index) {
        JsonNode value() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Place> out) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> member : o.properties()) {
                out.add(new Place(o, member.getKey(), -1));
                collect(member.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Place(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    private static void change(Place place, int draw) {
        JsonNode value = place.value();
        switch (draw % 16) {
            case 0 -> rename(place, place.name == null ? null : place.name.toUpperCase(Locale.ROOT));
            case 1 -> rename(place, place.name == null || place.name.isEmpty() ? null
                    : Character.toUpperCase(place.name.charAt(0)) + place.name.substring(1));
            case 2 -> place.set(NODES.nullNode());
            case 3 -> place.set(NODES.numberNode(7));
            case 4 -> place.set(NODES.textNode("True"));
            case 5 -> place.set(NODES.booleanNode(false));
            case 6 -> place.set(NODES.numberNode(new BigDecimal("1.50")));
            case 7 -> place.set(NODES.objectNode());
            case 8 -> place.set(NODES.arrayNode().add(value.deepCopy()));
            case 9 -> place.set(value.isArray() && !value.isEmpty() ? value.get(0).deepCopy() : value);
            case 10 -> {
                if (value.isArray()) {
                    ((ArrayNode) value).addNull();
                }
            }
            case 11 -> {
                if (value.isObject()) {
                    ((ObjectNode) value).put("extra", 1);
                }
            }
            case 12 -> place.set(NODES.textNode(draw % 3 == 0 ? "2011-08-01T18:29:49.793Z"
                    : draw % 3 == 1 ? "2011-08-01t18:29:49z" : "yesterday"));
            case 13 -> {
                if (place.parent instanceof ObjectNode o) {
                    o.putObject(draw % 2 == 0 ? "extension" : "Extension").put("login", "x");
                }
            }
            case 14 -> place.set(NODES.textNode("text"));
            default -> {
                if (place.parent instanceof ObjectNode o) {
                    o.put(draw % 2 == 0 ? "password" : "PASSWORD", "secret");
                }
            }
        }
    }

    /** Renames a member, keeping the others' order; a name that already exists replaces that member. */
    private static void rename(Place place, String newName) {
        if (newName == null || Objects.equals(newName, place.name)) {
            return;
        }
        ObjectNode parent = (ObjectNode) place.parent;
        ObjectNode copy = parent.deepCopy();
        parent.removeAll();
        for (Map.Entry<String, JsonNode> member : copy.properties()) {
            parent.set(member.getKey().equals(place.name) ? newName : member.getKey(), member.getValue());
        }
    }
}
