package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.BASE;
import static org.scim2j.spi.service.ScimTestClient.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;


/** RFC 7644 §3.7 bulk through ScimService: limits and request shape, and writes through the resource endpoints. */
class Rfc7644_3_7_BulkTest {

    private static final String BULK = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryGroupRepository groups = new InMemoryGroupRepository();

    private ScimTestClient client(int maxOperations, int maxPayloadBytes) {
        return new ScimTestClient(ScimService.builder().users(users).groups(groups)
                .config(ScimServiceConfig.defaults().withBulkLimits(maxOperations, maxPayloadBytes)).build());
    }

    private static String deletes(int n) {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ops.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/u").append(i).append("\"}");
        }
        return "{" + BULK + ",\"Operations\":[" + ops + "]}";
    }

    @Test
    void rfc7644_3_7_4_aBodyOverMaxPayloadSizeIs413NamingTheLimit() {
        String body = deletes(3);

        String detail = client(10, body.length() - 1).post("/Bulk", body).assertError(413, null);

        assertThat(detail).contains("maxPayloadSize (" + (body.length() - 1) + ")");
    }

    @Test
    void rfc7644_3_7_4_moreOperationsThanMaxOperationsIs413NamingTheLimit() {
        String detail = client(2, 1 << 20).post("/Bulk", deletes(3)).assertError(413, null);

        assertThat(detail).contains("maxOperations (2)").contains("3");
    }

    @Test
    void rfc7644_3_7_4_theLimitsThemselvesAreAccepted() {
        String body = deletes(2);

        ScimTestClient.Reply reply = client(2, body.length()).post("/Bulk", body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("Operations")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"Operations\":[]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":{}}", "[]"})
    void rfc7644_3_7_aBodyThatIsNotABulkRequestIsInvalidSyntax(String body) {
        client(10, 1 << 20).post("/Bulk", body).assertError(400, "invalidSyntax");
    }

    @ParameterizedTest(name = "failOnErrors {0}")
    @ValueSource(strings = {"0", "-1", "\"1\"", "1.5"})
    void rfc7644_3_7_3_failOnErrorsMustBeAPositiveInteger(String value) {
        client(10, 1 << 20).post("/Bulk", "{" + BULK + ",\"failOnErrors\":" + value + ",\"Operations\":[]}")
                .assertError(400, "invalidValue");
    }

    @Test
    void rfc7644_3_7_anEmptyBulkRequestGivesAnEmptyBulkResponse() {
        ScimTestClient.Reply reply = client(10, 1 << 20).post("/Bulk", "{" + BULK + ",\"Operations\":[]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().header("Content-Type")).isEqualTo(ScimResponse.CONTENT_TYPE);
        assertThat(reply.json()).isEqualTo(ScimTestClient.object(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkResponse\"],\"Operations\":[]}"));
    }

    @Test
    void rfc7643_5_withoutBulkOperationsBulkIsNotImplemented() {
        client(0, 0).post("/Bulk", "{" + BULK + ",\"Operations\":[]}").assertError(501, null);
    }

    @Test
    void rfc7644_3_7_bulkOnlyAcceptsPost() {
        ScimTestClient.Reply reply = client(10, 1 << 20).get("/Bulk");

        reply.assertError(405, null);
        assertThat(reply.response().header("Allow")).isEqualTo("POST");
    }

    @Test
    void rfc7644_3_7_2_aNewUserBecomesAMemberOfANewGroupThroughItsBulkId() {
        ScimTestClient.Reply reply = client(10, 1 << 20).post("/Bulk", "{" + BULK + ",\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"ytrewq\",\"data\":{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Tour Guides\","
                + "\"members\":[{\"type\":\"User\",\"value\":\"bulkId:qwerty\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"qwerty\",\"data\":{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"Alice\"}}]}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode operations = reply.json().get("Operations");
        assertThat(operations).extracting(o -> o.get("status").asText()).containsExactly("201", "201");
        User alice = users.search(SearchRequest.all(10), RequestContext.system()).resources().get(0);
        Group guides = groups.search(SearchRequest.all(10), RequestContext.system()).resources().get(0);
        assertThat(guides.members()).extracting(m -> m.value()).containsExactly(alice.id());
        assertThat(operations.get(0).get("location").asText()).isEqualTo(BASE + "/Groups/" + guides.id());
        assertThat(operations.get(1).get("location").asText()).isEqualTo(BASE + "/Users/" + alice.id());
        assertThat(operations.get(1).get("version").asText()).startsWith("W/\"");
    }

    @Test
    void rfc7644_3_7_3_versionIsIfMatchAndEachOperationReportsItsOwnOutcome() {
        User bob = seed(users, "bob@example.com");
        User carol = seed(users, "carol@example.com");
        ScimTestClient client = client(10, 1 << 20);

        ScimTestClient.Reply reply = client.post("/Bulk", "{" + BULK + ",\"Operations\":["
                + "{\"method\":\"PUT\",\"path\":\"/Users/" + bob.id() + "\",\"version\":\"W/\\\"stale\\\"\","
                + "\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bob2\"}},"
                + "{\"method\":\"PATCH\",\"path\":\"/Users/" + carol.id() + "\",\"data\":{"
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}},"
                + "{\"method\":\"DELETE\",\"path\":\"/Users/" + bob.id() + "\"},"
                + "{\"method\":\"DELETE\",\"path\":\"/Users/" + bob.id() + "\"}]}");

        JsonNode operations = reply.json().get("Operations");
        assertThat(operations).extracting(o -> o.get("status").asText()).containsExactly("412", "200", "204", "404");
        assertThat(operations.get(0).at("/response/status").asText()).isEqualTo("412");
        assertThat(operations.get(2).get("location").asText()).isEqualTo(BASE + "/Users/" + bob.id());
        assertThat(users.get(bob.id(), RequestContext.system())).isEmpty();
        assertThat(users.get(carol.id(), RequestContext.system()).orElseThrow().active()).isFalse();
        assertThat(operations.get(3).at("/response/detail").asText()).isNotBlank();
    }
}
