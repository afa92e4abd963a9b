package org.scim2j.filter.internal;

/** ANTLR counts positions in code points; Java callers count {@code char}s. Only used on the error path. */
final class Positions {

    private Positions() {
    }

    static int charIndex(String input, int codePointIndex) {
        if (codePointIndex <= 0) {
            return 0;
        }
        try {
            return input.offsetByCodePoints(0, codePointIndex);
        } catch (IndexOutOfBoundsException pastEnd) {
            return input.length();
        }
    }
}
