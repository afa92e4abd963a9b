package org.scim2j.core.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.json.JsonFields;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson exceptions into {@link ScimException}s whose detail a client can act on. Jackson's own messages are
 * never passed through: they name Java classes and features.
 */
public final class JacksonErrors {

    private static final int MAX_SHOWN = 40;

    private JacksonErrors() {
    }

    /**
     * The error for a request body that could not be parsed. Limits are named in the detail, so that a client
     * knows what to change.
     */
    public static ScimException forParse(JsonProcessingException e, long maxDocumentBytes, int maxNestingDepth,
                                         int maxStringLength) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                return new ScimException(400, ScimType.INVALID_SYNTAX,
                        "request body nests arrays or objects deeper than " + maxNestingDepth + " levels", e);
            }
            if (message.contains("String value length") || message.contains("Name length")) {
                return new ScimException(400, ScimType.INVALID_SYNTAX,
                        "request body holds a string longer than " + maxStringLength + " characters", e);
            }
            if (message.contains("Document length")) {
                return documentTooLarge(maxDocumentBytes, e);
            }
            return new ScimException(400, ScimType.INVALID_SYNTAX,
                    "request body exceeds a configured limit", e);
        }
        String where = where(e.getLocation());
        if (e instanceof JsonEOFException) {
            return new ScimException(400, ScimType.INVALID_SYNTAX,
                    "request body is not valid JSON: unexpected end of input" + where, e);
        }
        if (e instanceof MismatchedInputException) {
            return new ScimException(400, ScimType.INVALID_SYNTAX,
                    "request body is not valid JSON: unexpected content after the JSON value" + where, e);
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Broken surrogate pair")) {
            // an escape such as "\udbff" in a member name (UnicodeCheck finds the same in string values)
            return new ScimException(400, ScimType.INVALID_VALUE, "request body is not valid Unicode: a member name"
                    + " holds half of a surrogate pair without the other (RFC 8259 §8.2)" + where, e);
        }
        if (original.startsWith("Duplicate field")) {
            // Jackson's text is "Duplicate field 'name'"; keep only the quoted member name.
            int open = original.indexOf('\'');
            int close = original.lastIndexOf('\'');
            String name = open >= 0 && close > open
                    ? " '" + shorten(original.substring(open + 1, close)) + "'" : "";
            return new ScimException(400, ScimType.INVALID_SYNTAX,
                    "request body is not valid SCIM JSON: duplicate member name" + name + where, e);
        }
        return new ScimException(400, ScimType.INVALID_SYNTAX,
                "request body is not valid JSON" + where, e);
    }

    /** 413 for a body over the byte limit. */
    public static ScimException documentTooLarge(long maxDocumentBytes, Throwable cause) {
        return new ScimException(413, null,
                "request body is larger than the maximum of " + maxDocumentBytes + " bytes", cause);
    }

    /**
     * 400 {@code invalidValue} for a tree that does not map onto a typed resource, naming the attribute and, for
     * scalars, the offending value.
     */
    public static ScimException forMapping(JsonMappingException e, JsonNode tree) {
        String path = path(e.getPath());
        String attribute = path.isEmpty() ? "the resource" : "attribute '" + path + "'";
        StringBuilder detail = new StringBuilder(attribute).append(" has an invalid value");
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target != null) {
            detail.append(": expected ").append(scimTypeName(target));
        }
        JsonNode value = at(tree, e.getPath());
        if (value != null && value.isValueNode() && !value.isNull()) {
            detail.append(", got ").append(value.isTextual() ? "'" + shorten(value.asText()) + "'" : value.toString());
        }
        return new ScimException(400, ScimType.INVALID_VALUE, detail.toString(), e);
    }

    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : references) {
            if (node == null) {
                return null;
            }
            if (r.getFieldName() != null) {
                node = JsonFields.field(node, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                node = node.isArray() ? node.get(r.getIndex()) : (r.getIndex() == 0 ? node : null);
            } else {
                return null;
            }
        }
        return node;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String scimTypeName(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == OffsetDateTime.class) {
            return "a dateTime (RFC 7643 §2.3.5)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a different type";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
