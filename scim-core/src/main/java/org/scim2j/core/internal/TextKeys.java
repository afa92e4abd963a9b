package org.scim2j.core.internal;

/** Keys under which strings are equal exactly when RFC 7643 §2.2's {@code caseExact} says they are. */
public final class TextKeys {

    private TextKeys() {
    }

    /**
     * A string in a form where equal forms mean equal strings: itself when case matters, else each code point
     * folded as {@link String#equalsIgnoreCase} folds it (upper, then lower case), with the length in
     * {@code char}s in front, since that method first compares lengths.
     */
    public static String of(String text, boolean caseExact) {
        if (caseExact) {
            return text;
        }
        StringBuilder key = new StringBuilder(text.length() + 6).append(text.length()).append(':');
        text.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return key.toString();
    }
}
