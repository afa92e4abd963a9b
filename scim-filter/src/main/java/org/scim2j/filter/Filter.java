package org.scim2j.filter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2): an immutable, thread-safe tree whose nodes are records, so equality is
 * structural.
 *
 * <pre>
 *   userName eq "bjensen" and (emails[type eq "work" and value co "@example.com"] or title pr)
 * </pre>
 *
 * is, built in code,
 *
 * <pre>{@code
 *   Filter f = Filter.and(
 *       Filter.eq("userName", "bjensen"),
 *       Filter.or(
 *           Filter.valuePath("emails", Filter.and(Filter.eq("type", "work"), Filter.co("value", "@example.com"))),
 *           Filter.pr("title")));
 * }</pre>
 *
 * <p>{@code toString()} prints canonical filter text (lower-case operators, minimal parentheses, JSON-escaped values)
 * that {@link #parse(String)} reads back to an equal filter. Unparenthesised chains ({@code a and b and c}) are one
 * {@link And} or {@link Or} node with several operands; parentheses that change the grouping are kept as nesting.
 */
public sealed interface Filter permits Comparison, Presence, And, Or, Not, ValuePath {

    /**
     * Parses a filter with the strict {@link FilterParser} and its default limits.
     *
     * @throws FilterParseException if the text is not a valid filter; it carries the offending position
     */
    static Filter parse(String filter) {
        return FilterParser.strict().parse(filter);
    }

    /** Calls the visitor method for this node's type. */
    <R> R accept(FilterVisitor<R> visitor);

    /** {@code path eq "value"}. */
    static Filter eq(String path, String value) {
        return compare(path, CompareOp.EQ, FilterValue.of(value));
    }

    /** {@code path eq value} for any literal, e.g. {@code Filter.eq("active", FilterValue.of(true))}. */
    static Filter eq(String path, FilterValue value) {
        return compare(path, CompareOp.EQ, value);
    }

    /** {@code path ne "value"}. */
    static Filter ne(String path, String value) {
        return compare(path, CompareOp.NE, FilterValue.of(value));
    }

    /** {@code path ne value} for any literal. */
    static Filter ne(String path, FilterValue value) {
        return compare(path, CompareOp.NE, value);
    }

    /** {@code path co "value"}. */
    static Filter co(String path, String value) {
        return compare(path, CompareOp.CO, FilterValue.of(value));
    }

    /** {@code path sw "value"}. */
    static Filter sw(String path, String value) {
        return compare(path, CompareOp.SW, FilterValue.of(value));
    }

    /** {@code path ew "value"}. */
    static Filter ew(String path, String value) {
        return compare(path, CompareOp.EW, FilterValue.of(value));
    }

    /** {@code path gt value}; strings order dateTime values such as {@code "2011-05-13T04:42:34Z"}. */
    static Filter gt(String path, FilterValue value) {
        return compare(path, CompareOp.GT, value);
    }

    /** {@code path ge value}. */
    static Filter ge(String path, FilterValue value) {
        return compare(path, CompareOp.GE, value);
    }

    /** {@code path lt value}. */
    static Filter lt(String path, FilterValue value) {
        return compare(path, CompareOp.LT, value);
    }

    /** {@code path le value}. */
    static Filter le(String path, FilterValue value) {
        return compare(path, CompareOp.LE, value);
    }

    /** {@code path op value} for any operator and literal. */
    static Filter compare(String path, CompareOp op, FilterValue value) {
        return new Comparison(AttributePath.parse(path), op, value);
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    static Filter pr(String path) {
        return new Presence(AttributePath.parse(path));
    }

    /** {@code a and b [and c ...]}: one {@link And} over all operands. */
    static Filter and(Filter first, Filter second, Filter... more) {
        return new And(operands(first, second, more));
    }

    /** {@code a or b [or c ...]}: one {@link Or} over all operands. */
    static Filter or(Filter first, Filter second, Filter... more) {
        return new Or(operands(first, second, more));
    }

    /** {@code not (filter)}. */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /** {@code attribute[filter]}, e.g. {@code valuePath("emails", eq("type", "work"))}. */
    static Filter valuePath(String attribute, Filter filter) {
        return new ValuePath(AttributePath.parse(attribute), filter);
    }

    private static java.util.List<Filter> operands(Filter first, Filter second, Filter... more) {
        Filter[] all = Arrays.copyOf(new Filter[] {first, second}, 2 + more.length);
        System.arraycopy(more, 0, all, 2, more.length);
        for (Filter f : all) {
            Objects.requireNonNull(f, "operand");
        }
        return java.util.List.of(all);
    }
}
