package org.scim2j.core.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Field lookup in SCIM JSON: exact (canonical) spelling first, then ignoring case (RFC 7643 §2.1). */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The value of {@code name} in {@code node}, or {@code null} when {@code node} is not an object or has no such
     * field. The exact lookup does not allocate; the case-insensitive fallback runs only when it misses.
     */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Whether the value counts as present for {@code pr}: not null, not {@code ""}, not an empty array or object. */
    public static boolean isPresent(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isArray()) {
            for (int i = 0, n = value.size(); i < n; i++) {
                if (isPresent(value.get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (isPresent(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
