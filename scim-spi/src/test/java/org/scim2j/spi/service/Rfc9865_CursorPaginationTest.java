package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.RepositoryCapabilities;
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
}
