package org.scim2j.spi;

import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortKey;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;

import java.util.Objects;

/**
 * A query (RFC 7644 §3.4.2) as a repository receives it: already parsed, validated and normalised. Built by the
 * service; repositories only read it, so new components can be added without breaking them.
 *
 * <p>The service resolves the filter and {@code sortBy} against the schema once and hands the resolution on
 * ({@link #resolvedFilter()}, {@link #sortKey()}): a repository that needs attribute definitions (a SQL translator,
 * an in-memory evaluator) reads them there instead of resolving the paths again. A request built by hand (a test,
 * a host's batch job) may carry none; {@link #resolvedFilter(FilterEvaluator, ResourceType)} and
 * {@link #sortKey(SchemaRegistry, ResourceType)} then resolve it.
 *
 * @param filter     the filter, or {@code null} for all resources
 * @param sortBy     the sort attribute, or {@code null} (then order by id, or any stable order)
 * @param sortOrder  the sort order (ascending when not given)
 * @param startIndex the 1-based index of the first result (index paging)
 * @param count      the maximum number of results; 0 asks only for {@link Page#totalResults()}
 * @param cursor     the RFC 9865 cursor: {@code null} for index paging, {@code ""} for the first page
 * @param attributes what the client asked to see; a hint (e.g. skip loading members), the service projects
 * @param resolvedFilter {@code filter} compiled for the resource type, or {@code null} (no filter, or not resolved)
 * @param sortKey    {@code sortBy} and {@code sortOrder} resolved for the resource type, or {@code null}
 */
public record SearchRequest(Filter filter, AttributePath sortBy, SortOrder sortOrder, int startIndex, int count,
                            String cursor, AttributeSelection attributes, ResourceFilter resolvedFilter,
                            SortKey sortKey) {

    /** Checks the ranges, and that the resolutions are of this request's filter and sort. */
    public SearchRequest {
        Objects.requireNonNull(sortOrder, "sortOrder");
        Objects.requireNonNull(attributes, "attributes");
        if (resolvedFilter != null && resolvedFilter.filter() != filter) {
            throw new IllegalArgumentException("resolvedFilter is not of this filter: " + resolvedFilter);
        }
        if (sortKey != null && (!sortKey.path().equals(sortBy) || sortKey.order() != sortOrder)) {
            throw new IllegalArgumentException("sortKey is not of this sortBy and sortOrder: " + sortKey);
        }
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based: " + startIndex);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /** A request whose filter and sort are not resolved yet. */
    public SearchRequest(Filter filter, AttributePath sortBy, SortOrder sortOrder, int startIndex, int count,
                         String cursor, AttributeSelection attributes) {
        this(filter, sortBy, sortOrder, startIndex, count, cursor, attributes, null, null);
    }

    /** A request with a resolved filter and sort key (either may be null), as the service builds it. */
    public static SearchRequest resolved(ResourceFilter filter, SortKey sortKey, int startIndex, int count,
                                         String cursor, AttributeSelection attributes) {
        return new SearchRequest(filter == null ? null : filter.filter(), sortKey == null ? null : sortKey.path(),
                sortKey == null ? SortOrder.ASCENDING : sortKey.order(), startIndex, count, cursor, attributes, filter,
                sortKey);
    }

    /**
     * The filter compiled for {@code type}: {@link #resolvedFilter()} when the service resolved it, else compiled
     * now. {@code null} without a filter.
     *
     * @throws org.scim2j.core.error.ScimException 400 {@code invalidFilter} when an unresolved filter does not fit
     */
    public ResourceFilter resolvedFilter(FilterEvaluator evaluator, ResourceType type) {
        if (resolvedFilter != null && resolvedFilter.resourceType().name().equals(type.name())) {
            return resolvedFilter;
        }
        return filter == null ? null : evaluator.compile(filter, type);
    }

    /**
     * The sort key for {@code type}: {@link #sortKey()} when the service resolved it, else resolved now.
     * {@code null} without {@code sortBy}.
     *
     * @throws org.scim2j.core.error.ScimException 400 {@code invalidValue} when an unresolved sortBy does not fit
     */
    public SortKey sortKey(SchemaRegistry registry, ResourceType type) {
        if (sortKey != null && sortKey.resourceType().name().equals(type.name())) {
            return sortKey;
        }
        return sortBy == null ? null : SortKey.resolve(registry, type, sortBy, sortOrder);
    }

    /** Every resource, first {@code count}, unsorted, index paging. */
    public static SearchRequest all(int count) {
        return new SearchRequest(null, null, SortOrder.ASCENDING, 1, count, null, AttributeSelection.all());
    }

    /** Whether this is an RFC 9865 cursor request. */
    public boolean usesCursor() {
        return cursor != null;
    }

    /** This request with another filter, not resolved. */
    public SearchRequest withFilter(Filter newFilter) {
        return new SearchRequest(newFilter, sortBy, sortOrder, startIndex, count, cursor, attributes, null, sortKey);
    }

    /** This request with another window. */
    public SearchRequest withPage(int newStartIndex, int newCount) {
        return new SearchRequest(filter, sortBy, sortOrder, newStartIndex, newCount, cursor, attributes,
                resolvedFilter, sortKey);
    }
}
