package org.scim2j.spi;

import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;

import java.util.Objects;

/**
 * A query (RFC 7644 §3.4.2) as a repository receives it: already parsed, validated and normalised. Built by the
 * service; repositories only read it, so new components can be added without breaking them.
 *
 * @param filter     the filter, or {@code null} for all resources
 * @param sortBy     the sort attribute, or {@code null} (then order by id, or any stable order)
 * @param sortOrder  the sort order (ascending when not given)
 * @param startIndex the 1-based index of the first result (index paging)
 * @param count      the maximum number of results; 0 asks only for {@link Page#totalResults()}
 * @param cursor     the RFC 9865 cursor: {@code null} for index paging, {@code ""} for the first page
 * @param attributes what the client asked to see; a hint (e.g. skip loading members), the service projects
 */
public record SearchRequest(Filter filter, AttributePath sortBy, SortOrder sortOrder, int startIndex, int count,
                            String cursor, AttributeSelection attributes) {

    /** Checks the ranges. */
    public SearchRequest {
        Objects.requireNonNull(sortOrder, "sortOrder");
        Objects.requireNonNull(attributes, "attributes");
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based: " + startIndex);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /** Every resource, first {@code count}, unsorted, index paging. */
    public static SearchRequest all(int count) {
        return new SearchRequest(null, null, SortOrder.ASCENDING, 1, count, null, AttributeSelection.all());
    }

    /** Whether this is an RFC 9865 cursor request. */
    public boolean usesCursor() {
        return cursor != null;
    }

    /** This request with another filter. */
    public SearchRequest withFilter(Filter newFilter) {
        return new SearchRequest(newFilter, sortBy, sortOrder, startIndex, count, cursor, attributes);
    }

    /** This request with another window. */
    public SearchRequest withPage(int newStartIndex, int newCount) {
        return new SearchRequest(filter, sortBy, sortOrder, newStartIndex, newCount, cursor, attributes);
    }
}
