package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.Objects;

/**
 * {@code attrPath compareOp compValue}, e.g. {@code userName eq "bjensen"} or {@code meta.lastModified gt
 * "2011-05-13T04:42:34Z"}.
 *
 * @param path  the attribute compared
 * @param op    the operator
 * @param value the literal compared against
 */
public record Comparison(AttributePath path, CompareOp op, FilterValue value) implements Filter {

    /** Rejects null parts. */
    public Comparison {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
