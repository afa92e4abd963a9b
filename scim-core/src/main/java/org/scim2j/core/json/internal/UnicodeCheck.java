package org.scim2j.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.filter.JsonText;

import java.util.Iterator;
import java.util.Map;

/**
 * Refuses a parsed request body whose strings or member names are not valid Unicode. RFC 8259 §8.2 lets JSON
 * escape half of a surrogate pair ({@code "\uDEAD"}), and Jackson reads it (and the same half sent as raw bytes)
 * into a Java string as it is; a store then replaces it (PostgreSQL stored {@code "pglone\ud800x"} as
 * {@code pglone?x}) or refuses it. So every body is checked once, right after parsing, before anything uses it.
 */
public final class UnicodeCheck {

    private UnicodeCheck() {
    }

    /**
     * @throws ScimException 400 {@code invalidValue} naming the first offending string's place in the body
     */
    public static void requireValid(JsonNode tree) {
        String where = find(tree, new StringBuilder());
        if (where != null) {
            throw ScimException.invalidValue("request body is not valid Unicode: " + where + " holds half of a "
                    + "surrogate pair without the other (RFC 8259 §8.2); send text as UTF-8");
        }
    }

    /** Where the first unpaired surrogate is, in words, or null. {@code path} is the JSON path so far. */
    private static String find(JsonNode node, StringBuilder path) {
        if (node.isTextual()) {
            int at = JsonText.unpairedSurrogate(node.textValue());
            return at < 0 ? null : "the string at '" + path + "' (" + JsonText.codeUnit(node.textValue().charAt(at))
                    + ")";
        }
        int length = path.length();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.append('[').append(i).append(']');
                String found = find(node.get(i), path);
                if (found != null) {
                    return found;
                }
                path.setLength(length);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                int at = JsonText.unpairedSurrogate(field.getKey());
                if (at >= 0) {
                    return "a member name in '" + (length == 0 ? "the body" : path) + "' ("
                            + JsonText.codeUnit(field.getKey().charAt(at)) + ")";
                }
                if (length > 0) {
                    path.append('.');
                }
                path.append(field.getKey());
                String found = find(field.getValue(), path);
                if (found != null) {
                    return found;
                }
                path.setLength(length);
            }
        }
        return null;
    }
}
