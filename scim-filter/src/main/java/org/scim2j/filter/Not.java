package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.Objects;

/**
 * {@code not (filter)}.
 *
 * @param filter the negated filter
 */
public record Not(Filter filter) implements Filter {

    /** Rejects a null operand. */
    public Not {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitNot(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
