package org.scim2j.filter.internal;

import org.scim2j.filter.AttributePath;
import org.scim2j.filter.FilterParseException;

/**
 * The shape of an attribute path: {@code [URI ":"] ATTRNAME *1subAttr} with {@code ATTRNAME = ALPHA *(ALPHA / DIGIT /
 * "-" / "_")} (RFC 7644 §3.10, RFC 7643 §2.1), plus a leading {@code $} for names such as {@code $ref}.
 */
public final class PathSyntax {

    private PathSyntax() {
    }

    /** Parses {@code text}; error positions are relative to {@code text}. */
    public static AttributePath parse(String text) {
        return parse(text, text, 0);
    }

    /**
     * Parses {@code text}, which starts at {@code offset} in {@code input}; error positions are given in
     * {@code input}.
     */
    public static AttributePath parse(String text, String input, int offset) {
        int colon = text.lastIndexOf(':');
        int dot = text.indexOf('.', colon + 1);
        String schema = colon < 0 ? null : text.substring(0, colon);
        String name = text.substring(colon + 1, dot < 0 ? text.length() : dot);
        String sub = dot < 0 ? null : text.substring(dot + 1);
        try {
            // The record checks every part; only when it refuses do we look again to say where and why.
            return new AttributePath(schema, name, sub);
        } catch (IllegalArgumentException invalid) {
            throw positionedError(text, input, offset);
        }
    }

    /** The precise error for a text the {@link AttributePath} constructor refused. */
    private static FilterParseException positionedError(String text, String input, int offset) {
        if (text.isEmpty()) {
            return new FilterParseException(input, offset, "expected an attribute path");
        }
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            String schema = text.substring(0, colon);
            int bad = schemaError(schema);
            if (bad >= 0) {
                return new FilterParseException(input, offset + bad, "invalid schema URN '" + schema + "'");
            }
        }
        int nameStart = colon + 1;
        int dot = text.indexOf('.', nameStart);
        int nameEnd = dot < 0 ? text.length() : dot;
        FilterParseException nameError = nameError(text, nameStart, nameEnd, input, offset, "attribute name");
        if (nameError != null) {
            return nameError;
        }
        int secondDot = dot < 0 ? -1 : text.indexOf('.', dot + 1);
        if (secondDot >= 0) {
            return new FilterParseException(input, offset + secondDot,
                    "an attribute path has at most one sub-attribute ('" + text + "')");
        }
        FilterParseException subError = dot < 0 ? null
                : nameError(text, dot + 1, text.length(), input, offset, "sub-attribute name");
        return subError != null ? subError
                : new FilterParseException(input, offset, "invalid attribute path '" + text + "'");
    }

    /** Throws {@link IllegalArgumentException} unless {@code name} is a valid attribute name. */
    public static void requireValidName(String name, String what) {
        int bad = nameError(name, 0, name.length());
        if (bad >= 0) {
            throw new IllegalArgumentException("invalid " + what + " '" + name + "'");
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code schema} can prefix an attribute path. */
    public static void requireValidSchema(String schema) {
        if (schemaError(schema) >= 0) {
            throw new IllegalArgumentException("invalid schema URN '" + schema + "'");
        }
    }

    private static FilterParseException nameError(String text, int start, int end, String input, int offset,
                                                  String what) {
        int bad = nameError(text, start, end);
        if (bad < 0) {
            return null;
        }
        String reason = start == end ? "expected " + what + " at end of '" + text + "'"
                : "invalid character '" + text.charAt(bad) + "' in " + what + " '" + text.substring(start, end) + "'";
        return new FilterParseException(input, offset + (start == end ? end : bad), reason);
    }

    /** Index of the first offending char in {@code s[start,end)}, or -1; {@code end} when the name is empty. */
    private static int nameError(String s, int start, int end) {
        if (start >= end) {
            return end;
        }
        char first = s.charAt(start);
        if (!isAlpha(first) && first != '$') {
            return start;
        }
        for (int i = start + 1; i < end; i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first offending char of a schema URN prefix, or -1. */
    private static int schemaError(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (!isAlpha(s.charAt(0))) {
            return 0;
        }
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = isAlpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '.' || c == '-' || c == '_';
            if (!ok || (c == ':' && previous == ':')) {
                return i;
            }
            previous = c;
        }
        // A trailing ':' would put '::' between the schema and the name, which the loop above rejects inside it.
        return previous == '.' || previous == '-' || previous == ':' ? s.length() - 1 : -1;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
