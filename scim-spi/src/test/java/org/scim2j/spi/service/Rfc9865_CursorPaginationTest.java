package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.memory.InMemoryGroupRepository;

import java.util.ArrayList;
import java.util.List;

/** RFC 9865: cursor paging passed through to a repository that implements it. */
class Rfc9865_CursorPaginationTest {

    private final ScriptedUserRepository users = new ScriptedUserRepository(
            RepositoryCapabilities.defaults().withFiltering(FilterSupport.all()).withSorting(true)
                    .withCursorPaging(true));
    private final ScimTestClient client = new ScimTestClient(ScimService.builder().users(users)
            .groups(new InMemoryGroupRepository()).build());

    private void seedFive() {
        for (int i = 1; i <= 5; i++) {
            seed(users, "user" + i + "@example.com");
        }
    }

    @Test
    void rfc9865_2_anEmptyCursorStartsCursorPagingAndNextCursorWalksEveryPage() {
        seedFive();
        List<String> read = new ArrayList<>();

        ScimTestClient.Reply first = client.get("/Users?sortBy=userName&cursor&count=2");
        JsonNode json = first.json();
        assertThat(first.fields()).containsExactly("schemas", "totalResults", "itemsPerPage", "nextCursor",
                "Resources");
        assertThat(json.get("totalResults").asInt()).isEqualTo(5);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(2);
        read.addAll(first.resources("userName"));

        ScimTestClient.Reply second = client.get("/Users?sortBy=userName&cursor=" + json.get("nextCursor").asText() + "&count=2");
        assertThat(second.fields()).containsExactly("schemas", "totalResults", "itemsPerPage", "nextCursor",
                "previousCursor", "Resources");
        read.addAll(second.resources("userName"));

        ScimTestClient.Reply last = client.get("/Users?sortBy=userName&cursor=" + second.json().get("nextCursor").asText()
                + "&count=2");
        // no nextCursor: the last page (RFC 9865 §2, Table 2)
        assertThat(last.fields()).containsExactly("schemas", "totalResults", "itemsPerPage", "previousCursor",
                "Resources");
        read.addAll(last.resources("userName"));

        assertThat(read).containsExactly("user1@example.com", "user2@example.com", "user3@example.com",
                "user4@example.com", "user5@example.com");
        assertThat(users.searches()).extracting(s -> s.cursor()).first().isEqualTo("");
        assertThat(client.get("/Users?sortBy=userName&cursor=" + second.json().get("previousCursor").asText() + "&count=2")
                .resources("userName")).containsExactly("user1@example.com", "user2@example.com");
    }

    @Test
    void rfc9865_2_aCursorWithAFilterIsPassedThrough() {
        seedFive();

        ScimTestClient.Reply reply = client.get("/Users?filter=userName sw \"user\"&cursor=&count=10");

        assertThat(reply.fields()).containsExactly("schemas", "totalResults", "itemsPerPage", "Resources");
        assertThat(reply.json().get("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(users.searches().get(0).filter()).isNotNull();
    }

    @Test
    void rfc9865_2_1_aCursorTheRepositoryDidNotIssueIsItsInvalidCursor() {
        seedFive();

        client.get("/Users?cursor=forged&count=2").assertError(400, "invalidCursor");
    }

    @Test
    void rfc9865_2_1_aCursorForARepositoryWithoutCursorsIsInvalidCursorNotSilentlyIgnored() {
        String detail = client.get("/Groups?cursor=&count=2").assertError(400, "invalidCursor");

        assertThat(detail).contains("/Groups").contains("startIndex");
    }

    @Test
    void rfc9865_2_1_aNonIntegerCountWithACursorIsInvalidCount() {
        client.get("/Users?cursor=&count=many").assertError(400, "invalidCount");
    }

    @Test
    void rfc9865_2_4_startIndexAndCursorTogetherAreInvalidValue() {
        client.get("/Users?cursor=&startIndex=1").assertError(400, "invalidValue");
    }

    @Test
    void rfc9865_2_withoutCursorTheDefaultIsIndexPaging() {
        seedFive();

        ScimTestClient.Reply reply = client.get("/Users?count=2");

        assertThat(reply.fields()).containsExactly("schemas", "totalResults", "startIndex", "itemsPerPage",
                "Resources");
        assertThat(users.searches().get(0).cursor()).isNull();
    }

    @Test
    void rfc9865_2_aFilterTheRepositoryCannotEvaluateCannotBeCursorPagedInMemory() {
        ScriptedUserRepository partial = new ScriptedUserRepository(RepositoryCapabilities.defaults()
                .withCursorPaging(true).withFiltering(FilterSupport.equalityOn("userName")));
        ScimTestClient c = new ScimTestClient(ScimService.builder().users(partial).build());

        String detail = c.get("/Users?filter=externalId eq \"x\"&cursor=").assertError(400, "invalidFilter");

        assertThat(detail).contains("cursor");
        assertThat(c.get("/Users?filter=externalId eq \"x\"").status()).isEqualTo(200);
    }

    // --- tamper-evident cursors bound to their query (issue 13, finding 5) ----------------------------------

    private String firstNextCursor(ScimTestClient c, String query) {
        ScimTestClient.Reply first = c.get("/Users?" + query + "&cursor=&count=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        return first.json().get("nextCursor").asText();
    }

    @Test
    void rfc9865_2_1_aCursorReusedWithAnotherFilterOrSortIsInvalidCursor() {
        seedFive();
        String cursor = firstNextCursor(client, "filter=userName sw \"user\"");
        int searches = users.searches().size();

        client.get("/Users?filter=userName sw \"user1\"&cursor=" + cursor + "&count=2")
                .assertError(400, "invalidCursor");
        client.get("/Users?cursor=" + cursor + "&count=2").assertError(400, "invalidCursor");
        client.get("/Users?filter=userName sw \"user\"&sortBy=userName&cursor=" + cursor + "&count=2")
                .assertError(400, "invalidCursor");
        assertThat(users.searches()).as("the repository never sees such a cursor").hasSize(searches);
        assertThat(client.get("/Users?filter=userName sw \"user\"&cursor=" + cursor + "&count=2").status())
                .isEqualTo(200);
    }

    @Test
    void rfc9865_2_1_aTamperedOrHandMadeCursorIsInvalidCursor() {
        seedFive();
        String cursor = firstNextCursor(client, "sortBy=userName");
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        String raw = "c" + Integer.toString(3 * 7919, 36); // what the repository itself would issue for page 2

        client.get("/Users?sortBy=userName&cursor=" + tampered + "&count=2").assertError(400, "invalidCursor");
        client.get("/Users?sortBy=userName&cursor=" + raw + "&count=2").assertError(400, "invalidCursor");
        client.get("/Users?sortBy=userName&cursor=%00&count=2").assertError(400, "invalidCursor");
        assertThat(users.searches()).extracting(SearchRequest::cursor).containsOnly("");
    }

    @Test
    void rfc9865_2_aCursorIsHonouredByEveryServiceSharingTheSecret() {
        seedFive();
        String secret = "0123456789abcdef0123456789abcdef-shared";
        ScimServiceConfig shared = ScimServiceConfig.defaults().withCursorSecret(secret);
        ScimTestClient one = new ScimTestClient(ScimService.builder().users(users).config(shared).build());
        ScimTestClient two = new ScimTestClient(ScimService.builder().users(users).config(shared).build());
        ScimTestClient other = new ScimTestClient(ScimService.builder().users(users)
                .config(ScimServiceConfig.defaults().withCursorSecret(secret.replace('0', '1'))).build());
        ScimTestClient unset = new ScimTestClient(ScimService.builder().users(users).build());

        String cursor = firstNextCursor(one, "sortBy=userName");

        assertThat(two.get("/Users?sortBy=userName&cursor=" + cursor + "&count=2").resources("userName"))
                .containsExactly("user3@example.com", "user4@example.com");
        other.get("/Users?sortBy=userName&cursor=" + cursor + "&count=2").assertError(400, "invalidCursor");
        String processCursor = firstNextCursor(unset, "sortBy=userName");
        assertThat(client.get("/Users?sortBy=userName&cursor=" + processCursor + "&count=2").status())
                .as("without a configured secret, services of one process share a random one").isEqualTo(200);
    }

    @Test
    void aCursorSecretShorterThan32CharactersIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ScimServiceConfig.defaults().withCursorSecret("short"))
                .withMessageContaining("32");
    }
}
