package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.Objects;

/**
 * {@code attrPath "[" valFilter "]"}: matches when one value of a multi-valued complex attribute matches the inner
 * filter, e.g. {@code emails[type eq "work" and value co "@example.com"]}. The inner filter's paths name
 * sub-attributes of {@link #attribute()}; it holds no value path of its own (RFC 7644 §3.4.2.2).
 *
 * @param attribute the multi-valued attribute, without sub-attribute
 * @param filter    the filter applied to each of its values
 */
public record ValuePath(AttributePath attribute, Filter filter) implements Filter {

    /** Rejects null parts, a sub-attribute on the attribute, and a nested value path. */
    public ValuePath {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(filter, "filter");
        if (attribute.hasSubAttribute()) {
            throw new IllegalArgumentException("a value path applies to an attribute, not to the sub-attribute "
                    + attribute);
        }
        if (FilterPrinter.containsValuePath(filter)) {
            throw new IllegalArgumentException("a value path's filter cannot hold another value path: " + filter);
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitValuePath(this);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(this);
    }
}
