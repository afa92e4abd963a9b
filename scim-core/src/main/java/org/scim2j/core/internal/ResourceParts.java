package org.scim2j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            target.set(name, value.deepCopy());
        }
    }

    /** Deep copies of the members of {@code other}, in order, as an unmodifiable map. */
    public static Map<String, JsonNode> copies(ObjectNode other) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        other.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().deepCopy()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The {@code schemas} of a typed resource: its core URN first, then {@code extensionUrn} when the extension is
     * present, then every other stored URN in its given order; the extension URN is left out when the extension
     * is absent. Duplicates (ignoring case) are removed.
     */
    public static List<String> schemas(String coreUrn, String extensionUrn, boolean extensionPresent,
                                       List<String> stored) {
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

    /** Lower-cases with the root locale. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
