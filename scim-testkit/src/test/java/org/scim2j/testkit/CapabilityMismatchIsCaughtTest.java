package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.scim2j.core.resource.User;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.Optional;

/**
 * The kit's own check of declared capabilities (issue 13, finding 12): a repository that claims to filter but
 * does not is reported, one that declares nothing is skipped, and an honest one passes. Not part of the kit jar.
 */
class CapabilityMismatchIsCaughtTest {

    /** The in-memory store, declaring {@code capabilities} whatever its search really does. */
    private static final class Declaring implements UserRepository {
        private final InMemoryUserRepository store = new InMemoryUserRepository();
        private final RepositoryCapabilities capabilities;
        private final boolean ignoresFilters;

        Declaring(RepositoryCapabilities capabilities, boolean ignoresFilters) {
            this.capabilities = capabilities;
            this.ignoresFilters = ignoresFilters;
        }

        @Override
        public RepositoryCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            return store.search(ignoresFilters ? request.withFilter(null) : request, context);
        }

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
    }

    private static UserRepositoryContract kitFor(UserRepository repository) {
        return new UserRepositoryContract() {
            @Override
            protected UserRepository newRepository() {
                return repository;
            }
        };
    }

    private static final RepositoryCapabilities CLAIMS_USER_NAME = RepositoryCapabilities.defaults()
            .withFiltering(FilterSupport.equalityOn("userName"));

    @Test
    void aRepositoryThatDeclaresAFilterItIgnoresFailsTheKit() {
        Throwable thrown = catchThrowable(() -> kitFor(new Declaring(CLAIMS_USER_NAME, true))
                .everyDeclaredFilterReallyFilters());

        assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("userName eq \"user01\"");
    }

    @Test
    void aRepositoryThatDeclaresNothingIsSkippedNotFailed() {
        Throwable thrown = catchThrowable(() -> kitFor(new Declaring(RepositoryCapabilities.defaults(), true))
                .everyDeclaredFilterReallyFilters());

        assertThat(thrown).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aRepositoryThatDoesWhatItDeclaresPasses() {
        kitFor(new Declaring(CLAIMS_USER_NAME, false)).everyDeclaredFilterReallyFilters();
        kitFor(new InMemoryUserRepository()).everyDeclaredFilterReallyFilters();
    }
}
