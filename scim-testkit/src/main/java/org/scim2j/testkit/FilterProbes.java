package org.scim2j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters to probe a repository's declared filtering with, made from the values its stored resources hold: for
 * every simple value (top level, in complex and multi-valued attributes, in extensions) {@code eq} that value,
 * {@code sw} its first two characters, {@code not (eq)} and {@code pr}; for multi-valued complex attributes the
 * value-path form too ({@code emails[value eq "..."]}).
 */
final class FilterProbes {

    private FilterProbes() {
    }

    /**
     * The probes, each with the attribute path it filters on (for {@code stores(..)}), in a stable order.
     *
     * @param skipped attribute paths never probed: {@code meta}, derived and unsupported ones
     */
    static Map<Filter, String> from(List<ObjectNode> resources, Predicate<String> skipped) {
        Map<Filter, String> probes = new LinkedHashMap<>();
        for (ObjectNode resource : resources) {
            resource.properties().forEach(field -> {
                String name = field.getKey();
                if (Set.of("schemas", "meta").contains(name) || skipped.test(name)) {
                    return;
                }
                if (name.contains(":") && field.getValue().isObject()) {
                    field.getValue().properties().forEach(e -> attribute(name + ":" + e.getKey(), e.getValue(),
                            skipped, probes));
                } else {
                    attribute(name, field.getValue(), skipped, probes);
                }
            });
        }
        return probes;
    }

    private static void attribute(String path, JsonNode value, Predicate<String> skipped, Map<Filter, String> out) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject()) {
                    element.properties().forEach(sub -> {
                        String subPath = path + "." + sub.getKey();
                        if (!skipped.test(subPath) && literal(sub.getValue()) != null) {
                            simple(subPath, sub.getValue(), out);
                            out.put(Filter.valuePath(path, Filter.eq(sub.getKey(), literal(sub.getValue()))),
                                    subPath);
                        }
                    });
                } else {
                    simple(path, element, out);
                }
            }
        } else if (value.isObject()) {
            value.properties().forEach(sub -> {
                String subPath = path + "." + sub.getKey();
                if (!skipped.test(subPath)) {
                    simple(subPath, sub.getValue(), out);
                }
            });
        } else {
            simple(path, value, out);
        }
    }

    private static void simple(String path, JsonNode value, Map<Filter, String> out) {
        FilterValue literal = literal(value);
        if (literal == null) {
            return;
        }
        Filter eq = Filter.eq(path, literal);
        out.put(eq, path);
        out.put(Filter.not(eq), path);
        out.put(Filter.pr(path), path);
        if (value.isTextual() && value.asText().length() > 2) {
            out.put(Filter.sw(path, value.asText().substring(0, 2)), path);
        }
    }

    private static FilterValue literal(JsonNode value) {
        if (value.isTextual()) {
            return FilterValue.of(value.asText());
        }
        if (value.isBoolean()) {
            return FilterValue.of(value.asBoolean());
        }
        return null; // numbers and dates: the kit's samples have none worth probing
    }
}
