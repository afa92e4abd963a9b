package org.scim2j.spi.service;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.resource.User;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory user repository with chosen capabilities that records the searches it receives. It fails a search
 * it was not supposed to get (a filter or sort outside its capabilities), so tests see what the service pushed
 * down. With cursor paging on, cursors are opaque-looking encodings of a start index, as a host might pass its
 * database's keyset cursors through.
 */
final class ScriptedUserRepository implements UserRepository {

    private final InMemoryUserRepository delegate = new InMemoryUserRepository();
    private final RepositoryCapabilities capabilities;
    private final List<SearchRequest> searches = Collections.synchronizedList(new ArrayList<>());

    ScriptedUserRepository(RepositoryCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** The searches received, in order. */
    List<SearchRequest> searches() {
        return searches;
    }

    @Override
    public RepositoryCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Page<User> search(SearchRequest request, RequestContext context) {
        searches.add(request);
        if (request.filter() != null && !capabilities.filtering().supports(request.filter())) {
            throw new IllegalStateException("the service pushed down an unsupported filter " + request.filter());
        }
        if (request.sortBy() != null && !capabilities.sorting().supports(request.sortBy())) {
            throw new IllegalStateException("the service pushed down sortBy " + request.sortBy());
        }
        if (!request.usesCursor()) {
            return delegate.search(request, context);
        }
        int start = request.cursor().isEmpty() ? 1 : decode(request.cursor());
        Page<User> page = delegate.search(request.withPage(start, request.count()), context);
        int next = start + page.resources().size();
        return new Page<>(page.resources(), page.totalResults(),
                next <= page.totalResults() && request.count() > 0 ? encode(next) : null,
                start > 1 ? encode(Math.max(1, start - request.count())) : null);
    }

    private static String encode(int startIndex) {
        return "c" + Integer.toString(startIndex * 7919, 36);
    }

    private static int decode(String cursor) {
        try {
            int value = Integer.parseInt(cursor.substring(1), 36);
            if (!cursor.startsWith("c") || value % 7919 != 0 || value <= 0) {
                throw new NumberFormatException(cursor);
            }
            return value / 7919;
        } catch (RuntimeException e) {
            throw ScimException.badRequest(ScimType.INVALID_CURSOR, "cursor '" + cursor + "' was not issued here");
        }
    }

    @Override
    public User create(User resource, RequestContext context) {
        return delegate.create(resource, context);
    }

    @Override
    public Optional<User> get(String id, RequestContext context) {
        return delegate.get(id, context);
    }

    @Override
    public User replace(String id, User resource, String expectedVersion, RequestContext context) {
        return delegate.replace(id, resource, expectedVersion, context);
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        delegate.delete(id, expectedVersion, context);
    }
}
