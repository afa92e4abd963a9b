package org.scim2j.filter;

/**
 * One method per kind of {@link Filter} node; {@link Filter#accept(FilterVisitor)} calls the right one. A visitor is
 * how a caller gets compile-time completeness over the sealed hierarchy on Java 17.
 *
 * @param <R> what the visit returns
 */
public interface FilterVisitor<R> {

    /** Visits {@code attr op value}. */
    R visitComparison(Comparison filter);

    /** Visits {@code attr pr}. */
    R visitPresence(Presence filter);

    /** Visits {@code a and b ...}. */
    R visitAnd(And filter);

    /** Visits {@code a or b ...}. */
    R visitOr(Or filter);

    /** Visits {@code not (f)}. */
    R visitNot(Not filter);

    /** Visits {@code attr[f]}. */
    R visitValuePath(ValuePath filter);
}
