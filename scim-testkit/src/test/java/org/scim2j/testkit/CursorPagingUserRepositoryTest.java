package org.scim2j.testkit;

import org.scim2j.core.resource.User;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.Optional;

// Every test and assertion is inherited from UserRepositoryContract; this class only supplies the setup.
/**
 * A user repository with RFC 9865 cursors (here simply the next start index) under the kit, so that the kit's
 * cursor rule runs in this module; the in-memory repositories page by index only.
 */
class CursorPagingUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return new WithCursors(new InMemoryUserRepository());
    }

    private record WithCursors(UserRepository store) implements UserRepository {

        @Override
        public User create(User resource, RequestContext context) {
            return store.create(resource, context);
        }

        @Override
        public Optional<User> get(String id, RequestContext context) {
            return store.get(id, context);
        }

        @Override
        public User replace(String id, User resource, String expectedVersion, RequestContext context) {
            return store.replace(id, resource, expectedVersion, context);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            store.delete(id, expectedVersion, context);
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            if (!request.usesCursor()) {
                return store.search(request, context);
            }
            int start = request.cursor().isEmpty() ? 1 : Integer.parseInt(request.cursor());
            Page<User> page = store.search(request.withPage(start, request.count()), context);
            int next = start + page.resources().size();
            return new Page<>(page.resources(), page.totalResults(),
                    next <= page.totalResults() ? Integer.toString(next) : null, null);
        }

        @Override
        public RepositoryCapabilities capabilities() {
            return RepositoryCapabilities.defaults().withCursorPaging(true);
        }
    }
}
