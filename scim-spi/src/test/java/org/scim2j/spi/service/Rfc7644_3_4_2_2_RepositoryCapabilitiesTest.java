package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.seed;

import org.junit.jupiter.api.Test;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.filter.And;
import org.scim2j.filter.Filter;
import org.scim2j.filter.ValuePath;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.service.ScimServiceConfig.UnsupportedFilters;

import java.util.List;

/**
 * RFC 7644 §3.4.2.2 filtering and §3.4.2.3 sorting over a repository that does only part of it natively, like
 * SonarQube's own server, which evaluates only {@code userName eq "..."} (IDP-TRAFFIC §3.3).
 */
class Rfc7644_3_4_2_2_RepositoryCapabilitiesTest {

    private final ScriptedUserRepository users = new ScriptedUserRepository(RepositoryCapabilities.defaults()
            .withFiltering(FilterSupport.equalityOn("userName")).withSorting(false));

    private ScimTestClient client(UnsupportedFilters policy, int scanLimit) {
        return new ScimTestClient(ScimService.builder().users(users)
                .config(ScimServiceConfig.defaults().withFilters(false, policy, scanLimit)).build());
    }

    private void seedFive() {
        for (String name : List.of("erin", "alice", "dave", "carol", "bob")) {
            users.create(ScimTestClient.user(name + "@example.com", name, name.toUpperCase(), "ext-" + name),
                    RequestContext.system());
        }
    }

    @Test
    void rfc7644_3_4_2_2_aSupportedFilterIsPushedToTheRepositoryWhateverThePolicy() {
        seedFive();
        for (UnsupportedFilters policy : UnsupportedFilters.values()) {
            users.searches().clear();

            ScimTestClient.Reply reply = client(policy, 10).get("/Users?filter=USERNAME eq \"carol@example.com\"");

            assertThat(reply.resources("userName")).containsExactly("carol@example.com");
            assertThat(users.searches()).hasSize(1);
            SearchRequest pushed = users.searches().get(0);
            assertThat(pushed.filter()).isEqualTo(Filter.parse("USERNAME eq \"carol@example.com\""));
            assertThat(pushed.startIndex()).isEqualTo(1);
            assertThat(pushed.count()).isEqualTo(100);
            assertThat(pushed.cursor()).isNull();
        }
    }

    @Test
    void theRepositoryReceivesTheFilterAndSortAsTheServiceResolvedThemOnce() {
        ScriptedUserRepository sorting = new ScriptedUserRepository(
                new RepositoryCapabilities(FilterSupport.all(), true, false));
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(sorting).build());

        assertThat(client.get("/Users?filter=EMAILS[TYPE eq \"work\"] and name.familyName pr&sortBy=Emails"
                + "&sortOrder=descending").status()).isEqualTo(200);

        SearchRequest pushed = sorting.searches().get(0);
        assertThat(pushed.resolvedFilter()).isNotNull();
        assertThat(pushed.resolvedFilter().filter()).isSameAs(pushed.filter());
        assertThat(pushed.resolvedFilter().attributes()).extracting(ResolvedAttribute::canonicalPath)
                .containsExactly("emails", "name.familyName");
        ValuePath work = (ValuePath) ((And) pushed.filter()).operands().get(0);
        assertThat(pushed.resolvedFilter().attributeOf(work.filter()).canonicalPath()).isEqualTo("emails.type");
        assertThat(pushed.sortKey().attribute().canonicalPath()).isEqualTo("emails");
        assertThat(pushed.sortKey().keyDefinition().name()).isEqualTo("value");
        assertThat(pushed.sortKey().order()).isEqualTo(SortOrder.DESCENDING);
        assertThat(pushed.sortOrder()).isEqualTo(SortOrder.DESCENDING);
    }

    @Test
    void rfc7644_3_4_2_2_rejectNamesWhatTheRepositorySupports() {
        seedFive();

        String detail = client(UnsupportedFilters.REJECT, 10).get("/Users?filter=externalId eq \"ext-bob\"")
                .assertError(400, "invalidFilter");

        assertThat(detail).contains("externalId eq \"ext-bob\"").contains("userName eq \"...\"").contains("/Users");
        assertThat(users.searches()).isEmpty();
    }

    @Test
    void rfc7644_3_4_2_2_evaluateInMemoryScansWithoutFilterAndFiltersSortsAndPagesHere() {
        seedFive();

        ScimTestClient.Reply reply = client(UnsupportedFilters.EVALUATE_IN_MEMORY, 5)
                .get("/Users?filter=externalId sw \"ext-\" and not (userName eq \"erin@example.com\")"
                        + "&sortBy=name.familyName&sortOrder=descending&startIndex=2&count=2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("totalResults").asInt()).isEqualTo(4);
        assertThat(reply.json().get("startIndex").asInt()).isEqualTo(2);
        assertThat(reply.json().get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(reply.resources("userName")).containsExactly("carol@example.com", "bob@example.com");
        assertThat(users.searches()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.filter()).isNull();
            assertThat(s.sortBy()).isNull();
        });
    }

    @Test
    void rfc7644_3_4_2_2_evaluateInMemoryOverTheScanLimitIsTooMany() {
        seedFive();

        String detail = client(UnsupportedFilters.EVALUATE_IN_MEMORY, 4).get("/Users?filter=externalId eq \"ext-bob\"")
                .assertError(400, "tooMany");

        assertThat(detail).contains("4");
    }

    @Test
    void rfc7644_3_4_2_2_evaluateInMemoryWithoutMatchIsAnEmptyListResponse() {
        seedFive();

        ScimTestClient.Reply reply = client(UnsupportedFilters.EVALUATE_IN_MEMORY, 5)
                .get("/Users?filter=externalId eq \"nobody\"");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("totalResults").asInt()).isZero();
        assertThat(reply.json().get("Resources")).isEmpty();
    }

    @Test
    void rfc7644_3_4_2_3_sortingARepositoryCannotDoKeepsTheSupportedFilterPushedDown() {
        seedFive();
        users.create(User.builder().userName("zed@example.com").build(), RequestContext.system());

        ScimTestClient.Reply reply = client(UnsupportedFilters.EVALUATE_IN_MEMORY, 10)
                .get("/Users?filter=userName eq \"zed@example.com\"&sortBy=userName");
        ScimTestClient.Reply all = client(UnsupportedFilters.EVALUATE_IN_MEMORY, 10)
                .get("/Users?sortBy=userName&count=3");

        assertThat(reply.resources("userName")).containsExactly("zed@example.com");
        assertThat(users.searches().get(0).filter()).isEqualTo(Filter.parse("userName eq \"zed@example.com\""));
        assertThat(all.resources("userName")).containsExactly("alice@example.com", "bob@example.com",
                "carol@example.com");
        assertThat(all.json().get("totalResults").asInt()).isEqualTo(6);
    }

    @Test
    void rfc7644_3_4_2_3_rejectAlsoRefusesASortTheRepositoryCannotDo() {
        seedFive();

        client(UnsupportedFilters.REJECT, 10).get("/Users?sortBy=userName").assertError(400, "invalidValue");
        assertThat(client(UnsupportedFilters.REJECT, 10).get("/Users?count=1").status()).isEqualTo(200);
    }

    @Test
    void rfc7644_3_4_2_2_theInMemoryScanReadsTheRepositoryInPages() {
        for (int i = 0; i < 25; i++) {
            seed(users, "user" + i + "@example.com");
        }
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(users)
                .config(ScimServiceConfig.defaults().withPaging(5, 10)
                        .withFilters(false, UnsupportedFilters.EVALUATE_IN_MEMORY, 100)).build());

        ScimTestClient.Reply reply = client.get("/Users?filter=userName sw \"user1\"");

        assertThat(reply.json().get("totalResults").asInt()).isEqualTo(11);
        assertThat(reply.json().get("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(users.searches()).extracting(SearchRequest::startIndex).containsExactly(1, 11, 21);
        assertThat(users.searches()).extracting(SearchRequest::count).containsOnly(10);
    }

    /**
     * A host store that knows nothing of filters or sorting and declares nothing (issue 13, finding 12): its
     * search pages through everything in its own order, whatever the request's filter and sortBy say.
     */
    private static final class UndeclaredUsers implements org.scim2j.spi.UserRepository {
        final org.scim2j.spi.memory.InMemoryUserRepository store = new org.scim2j.spi.memory.InMemoryUserRepository();

        @Override
        public User create(User resource, RequestContext context) {
            return store.create(resource, context);
        }

        @Override
        public java.util.Optional<User> get(String id, RequestContext context) {
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
        public org.scim2j.spi.Page<User> search(SearchRequest request, RequestContext context) {
            return store.search(new SearchRequest(null, null, request.sortOrder(), request.startIndex(),
                    request.count(), null, request.attributes()), context);
        }
    }

    @Test
    void rfc7644_3_4_2_2_aRepositoryThatDeclaresNothingIsFilteredAndSortedByTheService() {
        UndeclaredUsers undeclared = new UndeclaredUsers();
        for (String name : List.of("erin", "alice", "carol")) {
            undeclared.create(ScimTestClient.user(name + "@example.com", name, name, "ext-" + name),
                    RequestContext.system());
        }
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(undeclared).build());

        ScimTestClient.Reply filtered = client.get("/Users?filter=userName eq \"carol@example.com\"");
        ScimTestClient.Reply sorted = client.get("/Users?sortBy=userName");

        assertThat(filtered.resources("userName")).containsExactly("carol@example.com");
        assertThat(filtered.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(sorted.resources("userName")).containsExactly("alice@example.com", "carol@example.com",
                "erin@example.com");
    }

    @Test
    void rfc7644_3_4_2_2_withRejectARepositoryThatDeclaresNothingRefusesFiltersInsteadOfListingAll() {
        UndeclaredUsers undeclared = new UndeclaredUsers();
        seed(undeclared, "alice@example.com");
        seed(undeclared, "bob@example.com");
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(undeclared)
                .config(ScimServiceConfig.defaults().withFilters(false, UnsupportedFilters.REJECT, 10)).build());

        String detail = client.get("/Users?filter=userName eq \"bob@example.com\"").assertError(400, "invalidFilter");

        assertThat(detail).contains("supported: no filter");
    }

    @Test
    void theDefaultCapabilitiesClaimNothingSoTheServiceDoesItWithinItsScanLimit() {
        RepositoryCapabilities defaults = RepositoryCapabilities.defaults();

        assertThat(defaults.filtering().supports(Filter.parse("userName eq \"x\""))).isFalse();
        assertThat(defaults.sorting().supports(org.scim2j.filter.AttributePath.of("userName"))).isFalse();
        assertThat(defaults.cursorPaging()).isFalse();
    }
}
