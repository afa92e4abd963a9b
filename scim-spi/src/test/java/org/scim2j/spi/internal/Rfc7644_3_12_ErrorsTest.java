package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ScimJson;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.ERROR;
import static org.scim2j.spi.internal.ScimClient.USER;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.12 on the resource endpoints: client errors are 4xx SCIM errors, store failures a bare 500. */
class Rfc7644_3_12_ErrorsTest {

    @Test
    void rfc7644_3_12_aFailingRepositoryIs500WithAGenericDetailAndNoInternals() {
        ScimClient scim = ScimClient.of(new TestRepositories.BrokenUsers(), new InMemoryGroupRepository(),
                ScimServiceConfig.defaults());
        String user = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bjensen\"}";

        List<ScimClient.Reply> replies = List.of(scim.post("/Users", user), scim.get("/Users/x"),
                scim.put("/Users/x", user), scim.patch("/Users/x", "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"t\"}]"),
                scim.delete("/Users/x"));

        for (ScimClient.Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(ERROR);
            assertThat(reply.json().path("detail").asText()).isNotBlank();
            assertThat(reply.text()).doesNotContain("hunter2").doesNotContain("jdbc").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void rfc7644_3_12_malformedBodiesOnEveryWriteAre400NeverA5xx() {
        ScimClient scim = ScimClient.inMemory();
        String id = scim.createUser("bjensen");
        String group = scim.createGroup("Sales");

        List<ScimClient.Reply> replies = List.of(
                scim.put("/Users/" + id, "{not json"),
                scim.send(request("PUT", "/Users/" + id)),
                scim.send(request("PATCH", "/Users/" + id).body("{\"schemas\":1")),
                scim.send(request("PATCH", "/Users/" + id).body("{\"schemas\":[\"" + ScimClient.PATCH_OP
                        + "\"],\"Operations\":{}}")),
                scim.patch("/Users/" + id, "[{\"op\":\"jump\",\"path\":\"title\"}]"),
                scim.patch("/Users/" + id, "[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":1}]"),
                scim.patch("/Groups/" + group, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"no id\"}]}]"),
                scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":42}"),
                scim.send(request("GET", "/Users/" + id).query("attributes", "emails[type")));

        for (ScimClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().path("scimType").asText()).as(reply.toString()).isNotBlank();
            assertThat(reply.json().path("detail").asText()).isNotBlank();
        }
        assertThat(scim.get("/Users/" + id).json().path("userName").asText()).isEqualTo("bjensen");
        assertThat(scim.memberIds(group)).isEmpty();
    }

    @Test
    void rfc7644_3_12_aBodyOverTheSizeLimitIs413() {
        ScimClient scim = ScimClient.of(new InMemoryUserRepository(),
                new InMemoryGroupRepository(), ScimServiceConfig.defaults()
                        .withJson(ScimJson.builder().maxDocumentBytes(64).build()));

        ScimClient.Reply reply = scim.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\""
                + "x".repeat(100) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(ERROR);
    }
}
