package org.scim2j.spi;

import java.util.Objects;

/**
 * What a repository does natively. The service reads it for every query and for {@code /ServiceProviderConfig}.
 *
 * @param filtering    which filters {@link ResourceRepository#search} evaluates itself
 * @param sorting      whether {@code search} honours {@code sortBy} / {@code sortOrder}
 * @param cursorPaging whether {@code search} implements RFC 9865 cursors
 */
public record RepositoryCapabilities(FilterSupport filtering, boolean sorting, boolean cursorPaging) {

    /** Rejects a null filter support. */
    public RepositoryCapabilities {
        Objects.requireNonNull(filtering, "filtering");
    }

    /** Every filter, sorting, index paging only. */
    public static RepositoryCapabilities defaults() {
        return new RepositoryCapabilities(FilterSupport.all(), true, false);
    }

    /** This with another filter support. */
    public RepositoryCapabilities withFiltering(FilterSupport value) {
        return new RepositoryCapabilities(value, sorting, cursorPaging);
    }

    /** This with sorting on or off. */
    public RepositoryCapabilities withSorting(boolean value) {
        return new RepositoryCapabilities(filtering, value, cursorPaging);
    }

    /** This with cursor paging on or off. */
    public RepositoryCapabilities withCursorPaging(boolean value) {
        return new RepositoryCapabilities(filtering, sorting, value);
    }
}
