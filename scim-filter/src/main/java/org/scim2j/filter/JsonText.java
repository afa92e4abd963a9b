package org.scim2j.filter;

/**
 * JSON string literals (RFC 8259 §7), as filter values and SCIM JSON write them: quoting for the printer,
 * unquoting for the parser, and the check that decoded text is Unicode (§8.2), which the filter parser and
 * scim-core's JSON reader share.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** {@code value} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        quote(value, out);
        return out.toString();
    }

    /** Appends {@code value} as a JSON string literal. */
    public static void quote(String value, StringBuilder out) {
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, runStart, i);
            runStart = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, runStart, value.length()).append('"');
    }

    /**
     * The index of the first {@code char} of {@code text} that is half of a surrogate pair without its other half,
     * or -1 when {@code text} is valid Unicode. RFC 8259 §8.2 allows such escapes ({@code "\\uDEAD"}) in JSON, but
     * they encode no character: stores replace or refuse them, so scim2j refuses them on input.
     */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** How {@link #unpairedSurrogate} is reported: {@code U+D800}. */
    public static String codeUnit(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * The value of a JSON string token, quotes included. The lexer has already checked the escapes, so this only
     * decodes them.
     */
    public static String unquote(String token) {
        int end = token.length() - 1;
        int backslash = token.indexOf('\\', 1);
        if (backslash < 0) {
            return token.substring(1, end);
        }
        StringBuilder out = new StringBuilder(end);
        out.append(token, 1, backslash);
        int i = backslash;
        while (i < end) {
            char c = token.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            char e = token.charAt(i + 1);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(token, i + 2, i + 6, 16));
                    i += 4;
                }
                default -> out.append(e); // " \ /
            }
            i += 2;
        }
        return out.toString();
    }
}
