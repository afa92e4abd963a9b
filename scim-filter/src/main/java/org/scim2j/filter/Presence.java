package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.Objects;

/**
 * {@code attrPath pr}: the attribute has a value that is not null, not an empty string and not an empty array.
 *
 * @param path the attribute tested
 */
public record Presence(AttributePath path) implements Filter {

    /** Rejects a null path. */
    public Presence {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitPresence(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
