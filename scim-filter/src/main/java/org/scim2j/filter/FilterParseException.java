package org.scim2j.filter;

/**
 * Thrown for every text that is not a valid filter, PATCH path or attribute path. It is the only exception the
 * parser throws for any input; {@code scim-core} maps it to a 400 {@code invalidFilter} (or {@code invalidPath}).
 *
 * <p>{@link #getMessage()} reads like {@code at 18: unexpected '#'; expected 'and', 'or' or end of input}.
 */
public final class FilterParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    /**
     * @param input    the text that was parsed
     * @param position the 0-based index (in {@code char}s) of the offending character; {@code input.length()} when the
     *                 text ended too early
     * @param reason   what is wrong there and what was expected
     */
    public FilterParseException(String input, int position, String reason) {
        super("at " + position + ": " + reason);
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    /** The text that was parsed. */
    public String input() {
        return input;
    }

    /** The 0-based index of the offending character in {@link #input()}. */
    public int position() {
        return position;
    }

    /** What is wrong at {@link #position()}, without the position. */
    public String reason() {
        return reason;
    }
}
