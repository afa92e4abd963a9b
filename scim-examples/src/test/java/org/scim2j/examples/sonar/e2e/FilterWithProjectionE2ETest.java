package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.examples.sonar.e2e.RunningServer.encode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7644 §3.4.2.5 over HTTP: a projection shapes the response, never what a filter finds. Issue 13, finding 1:
 * these requests answered {@code totalResults: 0} while the same request without the projection found the
 * resource. The example store filters {@code members.value} and {@code groups.display} in memory (they are not
 * mapped to SQL), and skips loading members and groups the response does not show.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterWithProjectionE2ETest {

    private RunningServer server;
    private String alice;

    @BeforeAll
    void start() throws Exception {
        server = new RunningServer();
        alice = server.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"alice@example.com\",\"active\":true}").body().path("id").asText();
        String bob = server.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"bob@example.com\",\"active\":true}").body().path("id").asText();
        assertThat(server.post("/Groups", group("X", alice)).status()).isEqualTo(201);
        assertThat(server.post("/Groups", group("Y", bob)).status()).isEqualTo(201);
    }

    private static String group(String name, String member) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name
                + "\",\"members\":[{\"value\":\"" + member + "\"}]}";
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&excludedAttributes=members", "&attributes=displayName",
            "&attributes=urn:ietf:params:scim:schemas:core:2.0:Group:displayName", "&excludedAttributes=MEMBERS"})
    void aGroupFilteredByMemberIsFoundWhateverTheProjection(String projection) throws Exception {
        RunningServer.Answer answer = server.get("/Groups?filter=" + encode("members.value eq \"" + alice + "\"")
                + projection);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body().path("totalResults").asInt()).as("%s", answer).isEqualTo(1);
        assertThat(answer.body().path("Resources").get(0).path("displayName").asText()).isEqualTo("X");
        assertThat(answer.body().path("Resources").get(0).has("members")).isEqualTo(projection.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&attributes=userName", "&excludedAttributes=groups"})
    void aUserFilteredByGroupIsFoundWhateverTheProjection(String projection) throws Exception {
        RunningServer.Answer answer = server.get("/Users?filter=" + encode("groups.display eq \"X\"") + projection);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body().path("totalResults").asInt()).as("%s", answer).isEqualTo(1);
        assertThat(answer.body().path("Resources").get(0).path("userName").asText()).isEqualTo("alice@example.com");
        assertThat(answer.body().path("Resources").get(0).has("groups")).isEqualTo(projection.isEmpty());
    }
}
