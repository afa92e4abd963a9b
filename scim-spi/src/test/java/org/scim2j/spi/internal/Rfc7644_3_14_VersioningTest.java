package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.GROUP;
import static org.scim2j.spi.internal.ScimClient.USER;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.14: versions as weak entity tags on every single-resource response. */
class Rfc7644_3_14_VersioningTest {

    private final ScimClient scim = ScimClient.inMemory();

    @Test
    void rfc7644_3_14_everyRealChangeGivesANewWeakEtagThatMatchesMetaVersion() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
        String path = "/Users/" + created.id();
        ScimClient.Reply put = scim.put(path, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"changed\"}");
        ScimClient.Reply patch = scim.patch(path, "[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Babs\"}]");

        Set<String> tags = new LinkedHashSet<>();
        for (ScimClient.Reply reply : List.of(created, put, patch)) {
            String etag = reply.header("ETag");
            assertThat(etag).matches("W/\".+\"");
            assertThat(reply.json().path("meta").path("version").asText()).isEqualTo(etag);
            tags.add(etag);
        }
        assertThat(tags).hasSize(3);
        assertThat(scim.get(path).header("ETag")).isEqualTo(patch.header("ETag"));
    }

    @Test
    void rfc7644_3_14_aNoOpPatchKeepsTheVersionSoAnOldIfMatchStillHolds() {
        String id = scim.createGroup("Sales");
        String etag = scim.get("/Groups/" + id).header("ETag");

        ScimClient.Reply noOp = scim.patch("/Groups/" + id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Sales\"}]");
        ScimClient.Reply conditional = scim.send(request("PUT", "/Groups/" + id).header("If-Match", etag)
                .body("{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Sales EMEA\"}"));

        assertThat(noOp.status()).isEqualTo(200);
        assertThat(noOp.header("ETag")).isEqualTo(etag);
        assertThat(conditional.status()).isEqualTo(200);
        assertThat(conditional.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void rfc7644_3_14_ifMatchMatchesWeaklyAndAnyTagOfAList() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
        String strongForm = created.header("ETag").substring(2);

        ScimClient.Reply strong = scim.send(request("PATCH", "/Users/" + created.id()).header("If-Match", strongForm)
                .body(ScimClient.patchBody("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"one\"}]")));
        ScimClient.Reply listed = scim.send(request("PATCH", "/Users/" + created.id())
                .header("If-Match", "W/\"old\", " + strong.header("ETag"))
                .body(ScimClient.patchBody("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"two\"}]")));

        assertThat(strong.status()).isEqualTo(200);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + created.id()).json();
        assertThat(user.path("title").asText()).isEqualTo("two");
    }

    @Test
    void rfc7644_3_14_afterAStale412TheClientCanReadAndRetryWithTheNewTag() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
        String oldTag = created.header("ETag");
        scim.patch("/Users/" + created.id(), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"by someone else\"}]");
        String body = ScimClient.patchBody("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"mine\"}]");

        ScimClient.Reply refused = scim.send(request("PATCH", "/Users/" + created.id()).header("If-Match", oldTag)
                .body(body));
        String newTag = scim.get("/Users/" + created.id()).header("ETag");
        ScimClient.Reply accepted = scim.send(request("PATCH", "/Users/" + created.id()).header("If-Match", newTag)
                .body(body));

        assertThat(refused.status()).isEqualTo(412);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("title").asText()).isEqualTo("mine");
    }
}
