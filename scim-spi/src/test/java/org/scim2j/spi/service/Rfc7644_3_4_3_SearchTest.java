package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.seed;
import static org.scim2j.spi.service.ScimTestClient.seedGroup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.core.resource.User;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.ArrayList;
import java.util.List;

/** RFC 7644 §3.4.3: POST /.search on a collection and at the root, with a SearchRequest body. */
class Rfc7644_3_4_3_SearchTest {

    private static final String SEARCH = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryGroupRepository groups = new InMemoryGroupRepository();
    private final ScimTestClient client = new ScimTestClient(ScimService.builder().users(users).groups(groups)
            .build());

    @Test
    void rfc7644_3_4_3_aCollectionSearchTakesEveryQueryParameterFromTheBody() {
        seed(users, "alice@example.com");
        seed(users, "bob@example.com");
        seed(users, "carol@example.com");
        seed(users, "dave@example.com");

        ScimTestClient.Reply reply = client.post("/Users/.search", "{" + SEARCH + ","
                + "\"attributes\":[\"userName\",\"displayName\"],"
                + "\"filter\":\"userName ne \\\"bob@example.com\\\"\","
                + "\"sortBy\":\"userName\",\"sortOrder\":\"descending\",\"startIndex\":2,\"count\":2}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.fields()).containsExactly("schemas", "totalResults", "startIndex", "itemsPerPage",
                "Resources");
        JsonNode json = reply.json();
        assertThat(json.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(json.get("totalResults").asInt()).isEqualTo(3);
        assertThat(json.get("startIndex").asInt()).isEqualTo(2);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(reply.resources("userName")).containsExactly("carol@example.com", "alice@example.com");
        List<String> fields = new ArrayList<>();
        json.get("Resources").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("schemas", "id", "userName");
    }

    @Test
    void rfc7644_3_4_3_excludedAttributesIsAnArrayInTheBody() {
        User member = seed(users, "alice@example.com");
        seedGroup(groups, "Engineering", member.id());

        ScimTestClient.Reply reply = client.post("/Groups/.search", "{" + SEARCH + ","
                + "\"excludedAttributes\":[\"members\"],\"filter\":\"displayName eq \\\"Engineering\\\"\"}");

        assertThat(reply.resources("displayName")).containsExactly("Engineering");
        assertThat(reply.json().get("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void rfc7644_3_4_3_anEmptySearchRequestListsEverythingWithTheDefaults() {
        seed(users, "alice@example.com");

        ScimTestClient.Reply reply = client.post("/Users/.search", "{" + SEARCH + "}");

        assertThat(reply.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(reply.json().get("startIndex").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]}",
            "{\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"}"})
    void rfc7644_3_4_3_aBodyThatIsNotASearchRequestIsInvalidSyntax(String body) {
        String detail = client.post("/Users/.search", body).assertError(400, "invalidSyntax");

        assertThat(detail).contains("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
    }

    @Test
    void rfc7644_3_4_3_aBodyThatIsNotJsonIsInvalidSyntax() {
        client.post("/Users/.search", "filter=userName").assertError(400, "invalidSyntax");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"count\":\"ten\"", "\"count\":1.5", "\"startIndex\":true", "\"filter\":42",
            "\"attributes\":[1]", "\"attributes\":{}"})
    void rfc7644_3_4_3_aMemberOfTheWrongTypeIsInvalidValue(String member) {
        client.post("/Users/.search", "{" + SEARCH + "," + member + "}").assertError(400, "invalidValue");
    }

    @Test
    void rfc7644_3_4_3_aBadFilterInTheBodyIsInvalidFilter() {
        client.post("/Users/.search", "{" + SEARCH + ",\"filter\":\"userName eq\"}").assertError(400, "invalidFilter");
    }

    @Test
    void rfc7644_3_4_3_getOnSearchIsNotAllowed() {
        ScimTestClient.Reply reply = client.get("/Users/.search");

        reply.assertError(405, null);
        assertThat(reply.response().header("Allow")).isEqualTo("POST");
    }

    @Test
    void rfc7644_3_4_3_aRootSearchPagesOverEveryResourceTypeInBindingOrder() {
        User alice = seed(users, "alice@example.com");
        User bob = seed(users, "bob@example.com");
        seedGroup(groups, "Admins", alice.id());
        seedGroup(groups, "Builders", bob.id());

        ScimTestClient.Reply all = client.post("/.search", "{" + SEARCH + ",\"sortBy\":\"displayName\"}");
        ScimTestClient.Reply window = client.post("/.search", "{" + SEARCH + ",\"startIndex\":2,\"count\":2,"
                + "\"sortBy\":\"userName\"}");

        assertThat(all.json().get("totalResults").asInt()).isEqualTo(4);
        assertThat(all.json().get("Resources")).extracting(r -> r.path("meta").path("resourceType").asText())
                .containsExactly("User", "User", "Group", "Group");
        assertThat(all.resources("displayName").subList(2, 4)).containsExactly("Admins", "Builders");
        assertThat(window.json().get("totalResults").asInt()).isEqualTo(4);
        assertThat(window.json().get("startIndex").asInt()).isEqualTo(2);
        assertThat(window.json().get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(window.resources("id").get(0)).isEqualTo(bob.id());
        assertThat(window.json().get("Resources").get(1).path("meta").path("resourceType").asText())
                .isEqualTo("Group");
    }

    @Test
    void rfc7644_3_4_2_1_atTheRootAnAttributeATypeDoesNotHaveHasNoValueThere() {
        User alice = seed(users, "alice@example.com");
        seedGroup(groups, "alice@example.com", alice.id());
        seedGroup(groups, "Builders");

        // userName is a User attribute only: equality is false on Groups, 'ne' is true (no value differs)
        ScimTestClient.Reply eq = client.post("/.search", "{" + SEARCH
                + ",\"filter\":\"userName eq \\\"alice@example.com\\\"\"}");
        ScimTestClient.Reply or = client.post("/.search", "{" + SEARCH
                + ",\"filter\":\"userName eq \\\"alice@example.com\\\" or displayName eq \\\"Builders\\\"\"}");
        ScimTestClient.Reply not = client.post("/.search", "{" + SEARCH + ",\"filter\":\"not (members pr)\"}");
        ScimTestClient.Reply ne = client.post("/.search", "{" + SEARCH
                + ",\"filter\":\"userName ne \\\"alice@example.com\\\"\"}");
        ScimTestClient.Reply eqNull = client.post("/.search", "{" + SEARCH + ",\"filter\":\"members eq null\"}");

        assertThat(eq.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(eq.resources("id")).containsExactly(alice.id());
        assertThat(or.resources("displayName")).containsExactly(null, "Builders");
        assertThat(or.json().get("Resources").get(0).path("userName").asText()).isEqualTo("alice@example.com");
        // every User lacks members; of the Groups only Builders does
        assertThat(not.json().get("totalResults").asInt()).isEqualTo(2);
        assertThat(ne.resources("displayName")).containsExactlyInAnyOrder("alice@example.com", "Builders");
        assertThat(eqNull.json().get("totalResults").asInt()).isEqualTo(2);
    }

    @Test
    void rfc7644_3_4_2_1_atTheRootAnAttributeNoTypeHasIsStillInvalidFilter() {
        String detail = client.post("/.search", "{" + SEARCH + ",\"filter\":\"favouriteColour eq \\\"red\\\"\"}")
                .assertError(400, "invalidFilter");

        assertThat(detail).contains("favouriteColour");
    }

    @Test
    void rfc9865_3_aRootSearchCannotBeCursorPaged() {
        client.post("/.search", "{" + SEARCH + ",\"cursor\":\"\"}").assertError(400, "invalidCursor");
    }

    @Test
    void rfc9865_3_aCollectionSearchPassesTheCursorLikeTheUrlDoes() {
        client.post("/Users/.search", "{" + SEARCH + ",\"cursor\":\"\",\"count\":2}").assertError(400,
                "invalidCursor");
    }

    @Test
    void rfc7644_3_4_3_atTheRootASortKeyNoTypeHasIsInvalidValue() {
        client.post("/.search", "{" + SEARCH + ",\"sortBy\":\"favouriteColour\"}").assertError(400, "invalidValue");
    }
}
