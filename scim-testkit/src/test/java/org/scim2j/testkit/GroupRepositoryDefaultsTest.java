package org.scim2j.testkit;

import org.scim2j.core.resource.Group;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.memory.InMemoryGroupRepository;

import java.util.Optional;

// Every test and assertion is inherited from GroupRepositoryContract; this class only supplies the setup.
/**
 * The default methods of {@link GroupRepository} ({@code getWithoutMembers} derived from {@code get}, no native
 * {@code update}) under the kit, on a repository that filters only by {@code displayName eq} and does not sort, as a
 * SonarQube-like host might: the kit must skip what the repository does not claim, not fail it.
 */
class GroupRepositoryDefaultsTest extends GroupRepositoryContract {

    @Override
    protected GroupRepository newRepository() {
        return new EssentialsOnly(new InMemoryGroupRepository());
    }

    /** Only the abstract methods of the SPI, and narrow capabilities. */
    private record EssentialsOnly(GroupRepository store) implements GroupRepository {

        @Override
        public Group create(Group resource, RequestContext context) {
            return store.create(resource, context);
        }

        @Override
        public Optional<Group> get(String id, RequestContext context) {
            return store.get(id, context);
        }

        @Override
        public Group replace(String id, Group resource, String expectedVersion, RequestContext context) {
            return store.replace(id, resource, expectedVersion, context);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            store.delete(id, expectedVersion, context);
        }

        @Override
        public Page<Group> search(SearchRequest request, RequestContext context) {
            return store.search(request, context);
        }

        @Override
        public RepositoryCapabilities capabilities() {
            return RepositoryCapabilities.defaults().withFiltering(FilterSupport.equalityOn("displayName"))
                    .withSorting(false);
        }
    }
}
