package org.scim2j.filter;

import org.scim2j.filter.internal.ParserEngine;

import java.util.Objects;

/**
 * Parses filters, PATCH paths and attribute paths. Immutable and thread-safe: configure one per host and share it.
 *
 * <pre>{@code
 *   Filter f = FilterParser.strict().parse("userName eq \"bjensen\"");
 *   Filter g = FilterParser.lenient().parse("externalId eq jyoung");   // unquoted value, as some IdP docs show
 *   FilterParser tight = FilterParser.strict().withMaxLength(1024).withMaxDepth(8);
 * }</pre>
 *
 * <p>The strict parser follows the ABNF of RFC 7644 §3.4.2.2, including the spaces it requires between an attribute
 * path, its operator and its value, and around {@code and} / {@code or}. The lenient parser also accepts unquoted
 * string values and missing spaces where no ambiguity results. Both reject input longer than
 * {@link #maxLength()} characters or nested (parentheses and brackets) deeper than {@link #maxDepth()}, quickly and
 * with a {@link FilterParseException}.
 */
public final class FilterParser {

    /** Default longest accepted filter, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 16 * 1024;

    /** Default deepest accepted nesting of parentheses and brackets. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private static final FilterParser STRICT = new FilterParser(false, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    private static final FilterParser LENIENT = new FilterParser(true, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);

    private final boolean lenient;
    private final int maxLength;
    private final int maxDepth;

    private FilterParser(boolean lenient, int maxLength, int maxDepth) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        if (maxDepth < 1 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be between 1 and 1000: " + maxDepth);
        }
        this.lenient = lenient;
        this.maxLength = maxLength;
        this.maxDepth = maxDepth;
    }

    /** The RFC parser with default limits; what {@link Filter#parse(String)} uses. */
    public static FilterParser strict() {
        return STRICT;
    }

    /** A parser that also accepts unquoted string values ({@code externalId eq jyoung}) and missing spaces. */
    public static FilterParser lenient() {
        return LENIENT;
    }

    /** This parser, lenient or strict. */
    public FilterParser withLenient(boolean lenient) {
        return new FilterParser(lenient, maxLength, maxDepth);
    }

    /** This parser with another length limit, in characters. */
    public FilterParser withMaxLength(int maxLength) {
        return new FilterParser(lenient, maxLength, maxDepth);
    }

    /** This parser with another nesting limit (1 to 1000). */
    public FilterParser withMaxDepth(int maxDepth) {
        return new FilterParser(lenient, maxLength, maxDepth);
    }

    /** Whether unquoted values and missing spaces are accepted. */
    public boolean isLenient() {
        return lenient;
    }

    /** The longest accepted input, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /** The deepest accepted nesting of parentheses and brackets. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Parses a filter.
     *
     * @throws FilterParseException for any text that is not a filter, with the offending position
     */
    public Filter parse(String filter) {
        return ParserEngine.parseFilter(Objects.requireNonNull(filter, "filter"), lenient, maxLength, maxDepth);
    }

    /**
     * Parses the {@code path} of a PATCH operation.
     *
     * @throws FilterParseException for any text that is not a PATCH path
     */
    public PatchPath parsePatchPath(String path) {
        return ParserEngine.parsePatchPath(Objects.requireNonNull(path, "path"), lenient, maxLength, maxDepth);
    }

    /**
     * Parses an attribute path such as {@code name.givenName}.
     *
     * @throws FilterParseException for any text that is not an attribute path
     */
    public AttributePath parseAttributePath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.length() > maxLength) {
            throw new FilterParseException(path, maxLength, "longer than " + maxLength + " characters");
        }
        return AttributePath.parse(path);
    }

    @Override
    public String toString() {
        return "FilterParser[" + (lenient ? "lenient" : "strict") + ", maxLength=" + maxLength
                + ", maxDepth=" + maxDepth + "]";
    }
}
