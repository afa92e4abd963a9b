package org.scim2j.spi;

import java.util.Objects;

/**
 * What a repository does natively. The service reads it for every query and for {@code /ServiceProviderConfig}:
 * a filter the repository declares is passed to its {@code search}, any other filter is evaluated by the service in
 * memory over at most {@code ScimServiceConfig.maxInMemoryScan()} resources (or refused, as configured); the same
 * for {@code sortBy}. Declaring more than the repository does gives wrong answers, so the default declares nothing.
 *
 * @param filtering    which filters {@link ResourceRepository#search} evaluates itself
 * @param sorting      which {@code sortBy} attributes {@code search} orders by itself
 * @param cursorPaging whether {@code search} implements RFC 9865 cursors
 */
public record RepositoryCapabilities(FilterSupport filtering, SortSupport sorting, boolean cursorPaging) {

    /** Rejects a null filter or sort support. */
    public RepositoryCapabilities {
        Objects.requireNonNull(filtering, "filtering");
        Objects.requireNonNull(sorting, "sorting");
    }

    /** Capabilities that sort by every attribute ({@code sorting} true) or by none. */
    public RepositoryCapabilities(FilterSupport filtering, boolean sorting, boolean cursorPaging) {
        this(filtering, sorting ? SortSupport.all() : SortSupport.none(), cursorPaging);
    }

    /**
     * Nothing native: no filter, no sorting, index paging only. A repository that declares nothing gets correct
     * answers (the service filters and sorts in memory within its scan limit); one that filters or sorts natively
     * says so, e.g. {@code defaults().withFiltering(FilterSupport.equalityOn("userName"))}.
     */
    public static RepositoryCapabilities defaults() {
        return new RepositoryCapabilities(FilterSupport.none(), SortSupport.none(), false);
    }

    /** This with another filter support. */
    public RepositoryCapabilities withFiltering(FilterSupport value) {
        return new RepositoryCapabilities(value, sorting, cursorPaging);
    }

    /** This with sorting by every attribute, or by none. */
    public RepositoryCapabilities withSorting(boolean value) {
        return new RepositoryCapabilities(filtering, value, cursorPaging);
    }

    /** This with another sort support. */
    public RepositoryCapabilities withSorting(SortSupport value) {
        return new RepositoryCapabilities(filtering, value, cursorPaging);
    }

    /** This with cursor paging on or off. */
    public RepositoryCapabilities withCursorPaging(boolean value) {
        return new RepositoryCapabilities(filtering, sorting, value);
    }
}
