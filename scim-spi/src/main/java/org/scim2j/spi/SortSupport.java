package org.scim2j.spi;

import org.scim2j.core.query.SortKey;
import org.scim2j.filter.AttributePath;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which {@code sortBy} attributes (RFC 7644 §3.4.2.3) a repository orders by itself. For any other attribute the
 * service sorts in memory over a bounded scan, or rejects the request with 400 {@code invalidValue} naming
 * {@link #description()}, as the host configures.
 *
 * <pre>{@code
 *   SortSupport.all()                               // e.g. SqlFilterTranslator.sortSupport() over a whole document
 *   SortSupport.on("userName", "meta.created")      // these attributes only
 * }</pre>
 */
public interface SortSupport {

    /** Whether the repository orders by this attribute itself. */
    boolean supports(AttributePath sortBy);

    /**
     * Whether the repository orders by this resolved sort key itself; what the service asks. By default
     * {@link #supports(AttributePath)} of its path.
     */
    default boolean supports(SortKey sortKey) {
        return supports(sortKey.path());
    }

    /** What can be sorted by, in words a client can act on. */
    String description();

    /** Every attribute. */
    static SortSupport all() {
        return of(p -> true, "any attribute");
    }

    /** No attribute: the service sorts or rejects. */
    static SortSupport none() {
        return of(p -> false, "no attribute");
    }

    /** The given attributes (compared ignoring case, with or without their schema URN). */
    static SortSupport on(String... attributes) {
        Set<String> names = Arrays.stream(attributes).map(a -> AttributePath.parse(a).withoutSchema().toString()
                .toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return of(p -> names.contains(p.withoutSchema().toString().toLowerCase(Locale.ROOT)),
                String.join(", ", attributes));
    }

    /** A support given as a predicate and its description. */
    static SortSupport of(Predicate<AttributePath> predicate, String description) {
        Objects.requireNonNull(predicate);
        return of(predicate, key -> predicate.test(key.path()), description);
    }

    /**
     * A support given as a predicate on paths, one on resolved sort keys (which can read the attribute's
     * definition; the service asks this one), and its description.
     */
    static SortSupport of(Predicate<AttributePath> predicate, Predicate<SortKey> resolvedPredicate,
                          String description) {
        Objects.requireNonNull(predicate);
        Objects.requireNonNull(resolvedPredicate);
        Objects.requireNonNull(description);
        return new SortSupport() {
            @Override
            public boolean supports(AttributePath sortBy) {
                return predicate.test(sortBy);
            }

            @Override
            public boolean supports(SortKey sortKey) {
                return resolvedPredicate.test(sortKey);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String toString() {
                return "SortSupport[" + description + "]";
            }
        };
    }
}
