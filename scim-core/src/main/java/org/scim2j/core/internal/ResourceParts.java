package org.scim2j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.resource.ExtensionSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Shared plumbing of the typed resources: defensive copies, unknown attributes, {@code schemas}. */
public final class ResourceParts {

    private ResourceParts() {
    }

    /** An immutable copy without null elements; empty for null. */
    public static <T> List<T> copy(Collection<? extends T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(values.size());
        for (T v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** A fresh, empty object node. */
    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A case-insensitive set of names. */
    public static Set<String> names(String... names) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(out, names);
        return Collections.unmodifiableSet(out);
    }

    /**
     * Stores an unknown attribute into {@code target} (a deep copy). Null values are dropped: RFC 7643 §2.5 reads
     * them as unassigned.
     *
     * @throws IllegalArgumentException if the name is one the typed resource models itself
     */
    public static void putOther(ObjectNode target, Set<String> modelled, String name, JsonNode value) {
        Objects.requireNonNull(name, "name");
        if (modelled.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a modelled attribute; use its setter");
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            target.remove(name);
        } else {
            target.set(name, canonicalCopy(value));
        }
    }

    /**
     * A deep copy in which numbers have the node type a parser gives them (int, long or big integer for integral
     * values; {@link java.math.BigDecimal} otherwise), so that values equal as JSON are equal as nodes and a value
     * compares equal to itself after a JSON round trip.
     */
    public static JsonNode canonicalCopy(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isObject()) {
            ObjectNode out = nodes.objectNode();
            value.properties().forEach(e -> out.set(e.getKey(), canonicalCopy(e.getValue())));
            return out;
        }
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = nodes.arrayNode(value.size());
            value.forEach(v -> out.add(canonicalCopy(v)));
            return out;
        }
        if (value.isIntegralNumber()) {
            if (value.canConvertToInt()) {
                return nodes.numberNode(value.intValue());
            }
            return value.canConvertToLong()
                    ? nodes.numberNode(value.longValue()) : nodes.numberNode(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.isBigDecimal() ? value.deepCopy() : com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                    java.math.BigDecimal.valueOf(value.doubleValue()));
        }
        return value.deepCopy();
    }

    /** Deep copies of the members of {@code other}, in order, as an unmodifiable map. */
    public static Map<String, JsonNode> copies(ObjectNode other) {
        if (other.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        other.properties().forEach(e -> out.put(e.getKey(), e.getValue().deepCopy()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The {@code schemas} of a typed resource: its core URN first, then {@code extensionUrn} when the extension is
     * present, then every other stored URN in its given order; the extension URN is left out when the extension
     * is absent. Duplicates (ignoring case) are removed.
     */
    public static List<String> schemas(String coreUrn, String extensionUrn, boolean extensionPresent,
                                       List<String> stored) {
        if (stored.isEmpty()) {
            // The common case, on every write of a typed resource: nothing to deduplicate.
            return extensionUrn != null && extensionPresent ? List.of(coreUrn, extensionUrn) : List.of(coreUrn);
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> out = new ArrayList<>();
        seen.add(coreUrn);
        out.add(coreUrn);
        if (extensionUrn != null) {
            seen.add(extensionUrn);
            if (extensionPresent) {
                out.add(extensionUrn);
            }
        }
        for (String urn : stored) {
            if (urn != null && seen.add(urn)) {
                out.add(urn);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The given URNs without {@code known} ones (ignoring case) and without duplicates: what a typed resource must
     * remember besides the URNs it derives, so that equal resources compare equal however they were built.
     */
    public static List<String> otherSchemas(Collection<String> given, String... known) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(seen, known);
        List<String> out = new ArrayList<>();
        for (String urn : copy(given)) {
            if (seen.add(urn)) {
                out.add(urn);
            }
        }
        return List.copyOf(out);
    }

    /** Lower-cases with the root locale. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The URN of an {@code @ExtensionSchema} class. */
    public static String extensionUrn(Class<?> type) {
        ExtensionSchema schema = type.getAnnotation(ExtensionSchema.class);
        if (schema == null || schema.value().isBlank()) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @ExtensionSchema(urn)");
        }
        return schema.value();
    }
}
