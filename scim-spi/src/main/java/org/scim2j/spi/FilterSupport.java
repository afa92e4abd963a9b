package org.scim2j.spi;

import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.filter.And;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which filters a repository evaluates itself. For any other filter the service either rejects the request with
 * 400 {@code invalidFilter} and {@link #description()}, or evaluates the filter in memory over a bounded scan, as
 * the host configures.
 *
 * <pre>{@code
 *   FilterSupport.all()                                   // e.g. SQL push-down of every operator
 *   FilterSupport.equalityOn("userName")                  // like SonarQube 9.9: userName eq "..." only
 * }</pre>
 */
public interface FilterSupport {

    /** Whether the repository evaluates this filter itself. */
    boolean supports(Filter filter);

    /**
     * Whether the repository evaluates this filter, already resolved against the schema, itself; what the service
     * asks. By default {@link #supports(Filter)}; a support that needs attribute definitions (e.g.
     * {@link org.scim2j.spi.sql.SqlFilterTranslator#filterSupport()}) reads them from the resolution.
     */
    default boolean supports(ResourceFilter filter) {
        return supports(filter.filter());
    }

    /** What is supported, in words a client can act on ("userName eq \"...\""). */
    String description();

    /** Every filter. */
    static FilterSupport all() {
        return of(f -> true, "any filter");
    }

    /** No filter: the service evaluates or rejects every filter. */
    static FilterSupport none() {
        return of(f -> false, "no filter");
    }

    /**
     * {@code attr eq "value"} on the given attributes (names compared ignoring case, with or without schema URN),
     * alone or joined by {@code and}.
     */
    static FilterSupport equalityOn(String... attributes) {
        Set<String> names = java.util.Arrays.stream(attributes).map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Predicate<Filter> single = f -> f instanceof Comparison c && c.op() == CompareOp.EQ
                && names.contains(c.path().withoutSchema().toString().toLowerCase(Locale.ROOT));
        String words = java.util.Arrays.stream(attributes).map(a -> a + " eq \"...\"")
                .collect(Collectors.joining(", "));
        return of(f -> single.test(f) || (f instanceof And and && and.operands().stream().allMatch(single)),
                words + " (and 'and' of these)");
    }

    /** A support given as a predicate and its description. */
    static FilterSupport of(Predicate<Filter> predicate, String description) {
        Objects.requireNonNull(predicate);
        return of(predicate, resolved -> predicate.test(resolved.filter()), description);
    }

    /**
     * A support given as a predicate on filters, one on resolved filters (which can read attribute definitions;
     * the service asks this one), and its description.
     */
    static FilterSupport of(Predicate<Filter> predicate, Predicate<ResourceFilter> resolvedPredicate,
                            String description) {
        Objects.requireNonNull(predicate);
        Objects.requireNonNull(resolvedPredicate);
        Objects.requireNonNull(description);
        return new FilterSupport() {
            @Override
            public boolean supports(Filter filter) {
                return predicate.test(filter);
            }

            @Override
            public boolean supports(ResourceFilter filter) {
                return resolvedPredicate.test(filter);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String toString() {
                return "FilterSupport[" + description + "]";
            }
        };
    }

}
