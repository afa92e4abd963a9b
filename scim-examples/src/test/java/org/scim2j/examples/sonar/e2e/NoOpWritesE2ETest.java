package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2: Okta's app-integration-wizard (AIW) apps PUT the whole user, and the whole group, on every
 * sync (IDP-TRAFFIC §1.2, §1.6, OKTA-SCIM20). A PUT that changes nothing must not bump {@code meta.version} and
 * {@code lastModified}: every ETag would be invalidated for nothing.
 */
@Tag("e2e")
class NoOpWritesE2ETest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private RunningServer okta;

    @BeforeEach
    void start() throws Exception {
        okta = new RunningServer().basicAuth();
    }

    @AfterEach
    void stop() {
        okta.close();
    }

    /** OKTA-SCIM20 §1.5 body: name parts, a password placeholder, locale, groups [] (the store keeps less). */
    private static String oktaUser(String id, boolean active) {
        return """
                {"schemas":["%s"],%s"userName":"test.user@okta.local",
                 "name":{"givenName":"Test","familyName":"User"},
                 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
                 "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],"active":%s}""".formatted(USER, id == null ? "" : "\"id\":\"" + id + "\",", active);
    }

    private static void assertSameVersion(JsonNode before, RunningServer.Answer after) {
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        assertThat(after.body().path("meta").path("version").asText()).as("meta.version")
                .isEqualTo(before.path("meta").path("version").asText());
        assertThat(after.body().path("meta").path("lastModified").asText()).as("meta.lastModified")
                .isEqualTo(before.path("meta").path("lastModified").asText());
        assertThat(after.header("ETag")).isEqualTo(before.path("meta").path("version").asText());
    }

    @Test
    void okta_aiw_aProfilePutOfUnchangedValuesKeepsTheVersion() throws Exception {
        RunningServer.Answer created = okta.post("/Users", oktaUser(null, true));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.body().path("id").asText();
        JsonNode read = okta.get("/Users/" + id).body();

        // what Okta sends on every sync: its own profile again, which holds attributes the host does not keep
        assertSameVersion(read, okta.put("/Users/" + id, oktaUser(id, true)));
        // GET-then-PUT of what was read
        ObjectNode echoed = read.deepCopy();
        echoed.putArray("groups");
        assertSameVersion(read, okta.put("/Users/" + id, echoed.toString()));
        assertSameVersion(read, okta.get("/Users/" + id));

        RunningServer.Answer deactivated = okta.put("/Users/" + id, oktaUser(id, false));
        assertThat(deactivated.body().path("meta").path("version").asText()).as("a real change")
                .isNotEqualTo(read.path("meta").path("version").asText());
    }

    @Test
    void okta_aiw_aGroupPutOfTheSameMembersKeepsTheVersion() throws Exception {
        String alice = okta.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"alice@okta.local\"}")
                .body().path("id").asText();
        String bob = okta.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bob@okta.local\"}")
                .body().path("id").asText();
        String body = "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Admins\",\"members\":["
                + "{\"value\":\"%s\",\"display\":\"%s\"},{\"value\":\"%s\",\"display\":\"%s\"}]}";
        RunningServer.Answer created = okta.post("/Groups", body.formatted(alice, "alice@okta.local", bob,
                "bob@okta.local"));
        String id = created.body().path("id").asText();
        JsonNode read = okta.get("/Groups/" + id).body();

        assertSameVersion(read, okta.put("/Groups/" + id, body.formatted(bob, "bob@okta.local", alice,
                "alice@okta.local")));
        assertSameVersion(read, okta.get("/Groups/" + id));
    }
}
