package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.List;

/**
 * {@code a or b [or c ...]}: an unparenthesised chain of {@code or} is one node with all its operands in order.
 *
 * @param operands two or more filters
 */
public record Or(List<Filter> operands) implements Filter {

    /** Copies the operands and requires at least two. */
    public Or {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'or' needs at least two operands, got " + operands.size());
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitOr(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
