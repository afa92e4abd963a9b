package org.scim2j.spi;

import java.util.List;

/**
 * One page of search results.
 *
 * @param resources      the resources of this page, in order
 * @param totalResults   how many resources match in all
 * @param nextCursor     RFC 9865: the cursor of the next page, or {@code null} on the last page or with index
 *                       paging
 * @param previousCursor RFC 9865: the cursor of the previous page, or {@code null}
 * @param <T>            the resource model
 */
public record Page<T>(List<T> resources, int totalResults, String nextCursor, String previousCursor) {

    /** Copies the list. */
    public Page {
        resources = List.copyOf(resources);
        if (totalResults < resources.size()) {
            throw new IllegalArgumentException("totalResults " + totalResults + " < " + resources.size());
        }
    }

    /** An index-paging page. */
    public static <T> Page<T> of(List<T> resources, int totalResults) {
        return new Page<>(resources, totalResults, null, null);
    }
}
