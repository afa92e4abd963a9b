package org.scim2j.spi.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.6: deleting resources, with §3.14 If-Match. */
class Rfc7644_3_6_DeleteTest {

    private final ScimClient scim = ScimClient.inMemory();

    @Test
    void rfc7644_3_6_deleteIs204WithoutBodyAndTheResourceIsGone() {
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.delete("/Users/" + id);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.response().body()).isEmpty();
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
    }

    @Test
    void rfc7644_3_6_oktaDeletesAPushedGroup() {
        String group = scim.createGroup("Test SCIMv2", scim.createUser("member"));

        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void rfc7644_3_6_unknownIdIs404AndASecondDeleteToo() {
        String id = scim.createUser("bjensen");
        scim.delete("/Users/" + id);

        ScimClient.Reply unknown = scim.delete("/Users/nobody");
        ScimClient.Reply again = scim.delete("/Users/" + id);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).contains("nobody");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void rfc7644_3_14_deleteWithAStaleIfMatchIs412AndKeepsTheResource() {
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.send(request("DELETE", "/Users/" + id).header("If-Match", "W/\"stale\""));

        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.json().path("status").asText()).isEqualTo("412");
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
    }

    @Test
    void rfc7644_3_14_deleteWithTheCurrentIfMatchOrStarIs204() {
        String first = scim.createUser("first");
        String second = scim.createUser("second");
        String etag = scim.get("/Users/" + first).header("ETag");

        ScimClient.Reply current = scim.send(request("DELETE", "/Users/" + first).header("If-Match", etag));
        ScimClient.Reply star = scim.send(request("DELETE", "/Users/" + second).header("If-Match", "*"));

        assertThat(current.status()).isEqualTo(204);
        assertThat(star.status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + first).status()).isEqualTo(404);
        assertThat(scim.get("/Users/" + second).status()).isEqualTo(404);
    }

    @Test
    void rfc7644_3_14_deleteWithIfMatchOnAnUnknownIdIs404() {
        ScimClient.Reply reply = scim.send(request("DELETE", "/Users/nobody").header("If-Match", "*"));

        assertThat(reply.status()).isEqualTo(404);
    }
}
