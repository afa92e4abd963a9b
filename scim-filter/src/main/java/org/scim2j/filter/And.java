package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.List;

/**
 * {@code a and b [and c ...]}: an unparenthesised chain of {@code and} is one node with all its operands in order.
 *
 * @param operands two or more filters
 */
public record And(List<Filter> operands) implements Filter {

    /** Copies the operands and requires at least two. */
    public And {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'and' needs at least two operands, got " + operands.size());
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
