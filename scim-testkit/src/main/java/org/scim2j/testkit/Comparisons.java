package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Meta;
import org.scim2j.filter.AttributePath;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** How the kit compares resources: as JSON, without what a store may legitimately not keep or may add. */
final class Comparisons {

    private static final ScimJson JSON = ScimJson.defaults();
    private static final String CORE_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:";

    private Comparisons() {
    }

    /**
     * The resource as JSON without {@code id} (compared on its own), {@code meta}, {@code schemas} (derived by the
     * models) and the given attribute paths, with every array sorted: RFC 7643 §2.4 gives multi-valued attributes
     * no order.
     */
    static ObjectNode comparable(Object resource, Set<String> ignored) {
        ObjectNode json = JSON.toTree(resource);
        json.remove("id");
        json.remove("meta");
        json.remove("schemas");
        for (String path : ignored) {
            remove(json, path);
        }
        sortArrays(json);
        return json;
    }

    /**
     * Asserts that both resources are equal once {@link #comparable compared}. The failure names the attribute
     * paths that differ and the hook that leaves out what a store does not keep.
     */
    static void assertSameAttributes(Object actual, Object expected, Set<String> ignored, String what) {
        ObjectNode actualJson = comparable(actual, ignored);
        ObjectNode expectedJson = comparable(expected, ignored);
        if (actualJson.equals(expectedJson)) {
            return;
        }
        List<String> paths = differences(actualJson, expectedJson);
        assertThat(actualJson).as("%s: the repository returned other values for %s. If the store does not keep "
                        + "these attributes, override unsupportedAttributes() to return them, e.g. Set.of(%s); the kit "
                        + "then neither compares them nor filters on them", what, paths,
                String.join(", ", paths.stream().map(path -> '"' + path + '"').toList()))
                .isEqualTo(expectedJson);
    }

    /**
     * The attribute paths whose values differ: {@code title}, {@code name.middleName}, {@code emails.type} (a
     * sub-attribute that differs in the values of a multi-valued attribute), or
     * {@code urn:...:enterprise:2.0:User:department} inside an extension.
     */
    static List<String> differences(ObjectNode actual, ObjectNode expected) {
        List<String> paths = new ArrayList<>();
        collectDifferences(actual, expected, "", paths);
        return paths;
    }

    private static void collectDifferences(ObjectNode actual, ObjectNode expected, String prefix, List<String> out) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        actual.fieldNames().forEachRemaining(names::add);
        expected.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode a = field(actual, name);
            JsonNode e = field(expected, name);
            if (a != null && a.equals(e)) {
                continue;
            }
            String path = prefix + name;
            if (prefix.isEmpty() && a instanceof ObjectNode ao && e instanceof ObjectNode eo) {
                // name.givenName; an extension's attributes are addressed as <urn>:<attribute> (RFC 7644 §3.10).
                collectDifferences(ao, eo, path + (name.startsWith("urn:") ? ":" : "."), out);
            } else if (prefix.isEmpty() && a instanceof ArrayNode aa && e instanceof ArrayNode ea
                    && aa.size() == ea.size() && aa.size() > 0) {
                Set<String> subs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 0; i < aa.size(); i++) {
                    if (aa.get(i) instanceof ObjectNode av && ea.get(i) instanceof ObjectNode ev) {
                        List<String> inner = new ArrayList<>();
                        collectDifferences(av, ev, path + ".", inner);
                        subs.addAll(inner);
                    } else if (!aa.get(i).equals(ea.get(i))) {
                        subs.add(path);
                    }
                }
                out.addAll(subs.isEmpty() ? List.of(path) : subs);
            } else {
                out.add(path);
            }
        }
    }

    private static JsonNode field(ObjectNode object, String name) {
        String key = fieldNamed(object, name);
        return key == null ? null : object.get(key);
    }

    /** Asserts a stored resource's meta: created, lastModified (not before created) and a version. */
    static void assertStoredMeta(Meta meta) {
        String rule = "the repository fills meta.created, meta.lastModified and meta.version of every resource it "
                + "returns; the service adds only meta.resourceType and meta.location";
        assertThat(meta).as("meta: %s", rule).isNotNull();
        assertThat(meta.created()).as("meta.created: %s", rule).isNotNull();
        assertThat(meta.lastModified()).as("meta.lastModified: %s", rule).isNotNull();
        assertThat(meta.lastModified()).as("meta.lastModified, not before meta.created").isAfterOrEqualTo(meta.created());
        assertThat(meta.version()).as("meta.version: %s", rule).isNotBlank();
    }

    /** Asserts that two metas describe the same stored state; instants compare to the millisecond. */
    static void assertSameMeta(Meta actual, Meta expected) {
        assertThat(actual.version()).as("meta.version").isEqualTo(expected.version());
        assertThat(actual.created().toInstant().truncatedTo(ChronoUnit.MILLIS)).as("meta.created")
                .isEqualTo(expected.created().toInstant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(actual.lastModified().toInstant().truncatedTo(ChronoUnit.MILLIS)).as("meta.lastModified")
                .isEqualTo(expected.lastModified().toInstant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Removes a top-level key (such as an extension URN), an attribute path, or a sub-attribute of every value. */
    private static void remove(ObjectNode json, String path) {
        String key = fieldNamed(json, path);
        if (key != null) {
            json.remove(key);
            return;
        }
        AttributePath p = AttributePath.parse(path);
        ObjectNode holder = json;
        if (p.schema() != null && !p.schema().startsWith(CORE_SCHEMA_PREFIX)) {
            String extension = fieldNamed(json, p.schema());
            if (extension == null || !(json.get(extension) instanceof ObjectNode object)) {
                return;
            }
            holder = object;
        }
        String name = fieldNamed(holder, p.name());
        if (name == null) {
            return;
        }
        if (p.subAttribute() == null) {
            holder.remove(name);
            return;
        }
        JsonNode value = holder.get(name);
        if (value instanceof ObjectNode object) {
            removeField(object, p.subAttribute());
        } else if (value instanceof ArrayNode array) {
            array.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    removeField(object, p.subAttribute());
                }
            });
        }
    }

    private static void removeField(ObjectNode object, String name) {
        String key = fieldNamed(object, name);
        if (key != null) {
            object.remove(key);
        }
    }

    /** SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
    private static String fieldNamed(ObjectNode object, String name) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static void sortArrays(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (JsonNode value : object) {
                sortArrays(value);
            }
        } else if (node instanceof ArrayNode array) {
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(element -> {
                sortArrays(element);
                elements.add(element);
            });
            elements.sort(Comparator.comparing(JsonNode::toString));
            array.removeAll();
            array.addAll(elements);
        }
    }
}
