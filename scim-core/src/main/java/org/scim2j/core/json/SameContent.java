package org.scim2j.core.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a write would change a resource: its canonical JSON before and after are equal, with the values of every
 * array compared as a multiset (RFC 7643 §2.4: multi-valued attributes have no order). The one test of "no change"
 * for PATCH and PUT, so that a no-op keeps the version and ETag either way. Linear in the size of the JSON.
 */
public final class SameContent {

    private SameContent() {
    }

    /** Whether {@code a} and {@code b} are the same resource content. */
    public static boolean of(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!of(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            if (a.equals(b)) {
                return true; // the usual case: the same order
            }
            // Elements compare with JsonNode equality (nested arrays in order): a complex value is one unit.
            Map<JsonNode, Integer> counts = new HashMap<>();
            a.forEach(e -> counts.merge(e, 1, Integer::sum));
            for (JsonNode e : b) {
                Integer left = counts.get(e);
                if (left == null) {
                    return false;
                }
                if (left == 1) {
                    counts.remove(e);
                } else {
                    counts.put(e, left - 1);
                }
            }
            return counts.isEmpty();
        }
        return a.equals(b);
    }
}
