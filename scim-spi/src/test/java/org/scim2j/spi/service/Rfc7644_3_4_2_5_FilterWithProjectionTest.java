package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.ResourceRepository;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 7644 §3.4.2.5: {@code attributes} and {@code excludedAttributes} shape the response only; filtering and
 * sorting still see every attribute they name. Issue 13, finding 1: {@code GET /Groups?filter=members.value eq
 * "<id>"&attributes=displayName} answered {@code totalResults: 0}, because the repository was told the client did
 * not want {@code members} and did not load them, so the in-memory filter saw none.
 */
class Rfc7644_3_4_2_5_FilterWithProjectionTest {

    private static final ScimJson JSON = ScimJson.defaults();
    private static final Set<String> ALWAYS = Set.of("id", "meta", "schemas");

    /**
     * A store that loads only what the search request's selection includes, as the example's JDBC store skips the
     * member query; with {@code filtersNatively} it also evaluates every filter itself, on what it loaded.
     */
    private static final class LoadsWhatIsAskedFor<T> {
        private final ResourceRepository<T> store;
        private final Class<T> model;
        private final ResourceType type;
        private final boolean filtersNatively;
        final List<SearchRequest> searches = new ArrayList<>();

        LoadsWhatIsAskedFor(ResourceRepository<T> store, Class<T> model, ResourceType type, boolean filtersNatively) {
            this.store = store;
            this.model = model;
            this.type = type;
            this.filtersNatively = filtersNatively;
        }

        RepositoryCapabilities capabilities() {
            return filtersNatively ? RepositoryCapabilities.defaults().withFiltering(FilterSupport.all())
                    : RepositoryCapabilities.defaults();
        }

        Page<T> search(SearchRequest request, RequestContext context) {
            searches.add(request);
            Page<T> all = store.search(new SearchRequest(null, null, request.sortOrder(), 1, Integer.MAX_VALUE,
                    null, request.attributes()), context);
            List<T> loaded = new ArrayList<>();
            for (T resource : all.resources()) {
                ObjectNode json = JSON.toTree(resource);
                List<String> skipped = new ArrayList<>();
                json.fieldNames().forEachRemaining(name -> {
                    if (!ALWAYS.contains(name) && !request.attributes().includes(name)) {
                        skipped.add(name);
                    }
                });
                json.remove(skipped);
                if (request.filter() == null
                        || new FilterEvaluator(SchemaRegistry.standard()).compile(request.filter(), type).matches(json)) {
                    loaded.add(JSON.toTyped(json, model));
                }
            }
            int from = Math.min(request.startIndex() - 1, loaded.size());
            int to = from + Math.min(request.count(), loaded.size() - from);
            return Page.of(loaded.subList(from, to), loaded.size());
        }
    }

    private static GroupRepository groups(LoadsWhatIsAskedFor<Group> behaviour, InMemoryGroupRepository store) {
        return new GroupRepository() {
            @Override
            public RepositoryCapabilities capabilities() {
                return behaviour.capabilities();
            }

            @Override
            public Page<Group> search(SearchRequest request, RequestContext context) {
                return behaviour.search(request, context);
            }

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
        };
    }

    private static UserRepository users(LoadsWhatIsAskedFor<User> behaviour, InMemoryUserRepository store) {
        return new UserRepository() {
            @Override
            public RepositoryCapabilities capabilities() {
                return behaviour.capabilities();
            }

            @Override
            public Page<User> search(SearchRequest request, RequestContext context) {
                return behaviour.search(request, context);
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
        };
    }

    private final InMemoryGroupRepository groupStore = new InMemoryGroupRepository();
    private final InMemoryUserRepository userStore = new InMemoryUserRepository();

    private ScimTestClient groupsClient(boolean filtersNatively) {
        LoadsWhatIsAskedFor<Group> behaviour = new LoadsWhatIsAskedFor<>(groupStore, Group.class,
                Schemas.GROUP_RESOURCE_TYPE, filtersNatively);
        ScimTestClient.seedGroup(groupStore, "Admins", "user-1", "user-2");
        ScimTestClient.seedGroup(groupStore, "Guests", "user-3");
        return new ScimTestClient(ScimService.builder().groups(groups(behaviour, groupStore)).build());
    }

    @Test
    void rfc7644_3_4_2_5_aFilterOnMembersFindsTheGroupWhenTheResponseShowsOnlyDisplayName() {
        ScimTestClient client = groupsClient(false);

        ScimTestClient.Reply reply = client.get("/Groups?filter=members.value eq \"user-2\"&attributes=displayName");

        assertThat(reply.json().get("totalResults").asInt()).as("%s", reply).isEqualTo(1);
        assertThat(reply.resources("displayName")).containsExactly("Admins");
        assertThat(reply.json().path("Resources").get(0).has("members")).as("members are not shown").isFalse();
    }

    @Test
    void rfc7644_3_4_2_5_aFilterOnMembersFindsTheGroupWhenMembersAreExcluded() {
        ScimTestClient client = groupsClient(false);

        ScimTestClient.Reply reply = client.get("/Groups?filter=members[value eq \"user-3\"]"
                + "&excludedAttributes=members");

        assertThat(reply.resources("displayName")).as("%s", reply).containsExactly("Guests");
        assertThat(reply.json().path("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void rfc7644_3_4_2_5_aRepositoryFilteringNativelyIsAskedForWhatTheFilterNames() {
        ScimTestClient client = groupsClient(true);

        ScimTestClient.Reply reply = client.get("/Groups?filter=members.value eq \"user-1\"&attributes=displayName");

        assertThat(reply.resources("displayName")).as("%s", reply).containsExactly("Admins");
        assertThat(reply.json().path("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void rfc7644_3_4_2_5_aFilterOnGroupsDisplayAndASortFindUsersWhenTheResponseShowsOnlyUserName() {
        LoadsWhatIsAskedFor<User> behaviour = new LoadsWhatIsAskedFor<>(userStore, User.class,
                Schemas.USER_RESOURCE_TYPE, false);
        // groups is read-only and derived by the store; the in-memory store keeps what it is given
        for (String[] u : new String[][] {{"carol", "X", "c@z.example"}, {"alice", "Y", "a@z.example"},
                {"bob", "X", "b@y.example"}}) {
            userStore.create(ScimTestClient.user(u[0], u[0], u[0], null).toBuilder()
                    .emails(List.of(org.scim2j.core.resource.Email.of(u[2], "work")))
                    .groups(List.of(new GroupMembership("g-" + u[1], null, u[1], "direct"))).build(),
                    RequestContext.system());
        }
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(users(behaviour, userStore)).build());

        ScimTestClient.Reply reply = client.get("/Users?filter=groups.display eq \"X\"&attributes=userName"
                + "&sortBy=emails.value");

        assertThat(reply.resources("userName")).as("%s", reply).containsExactly("bob", "carol");
        assertThat(reply.json().path("Resources").get(0).has("groups")).isFalse();
        assertThat(reply.json().path("Resources").get(0).has("emails")).isFalse();
        assertThat(behaviour.searches).allSatisfy(s -> {
            assertThat(s.attributes().includes("groups")).isTrue();
            assertThat(s.attributes().includes("emails")).isTrue();
        });
    }
}
