package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.examples.sonar.e2e.RunningServer.encode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Microsoft Entra ID's user lifecycle (IDP-TRAFFIC §2.3) against the running example server, where it reaches what
 * scim-testkit's {@code EntraContract} cannot see over HTTP: the host's own user row, deactivated by a soft delete,
 * kept by a hard delete and re-linked when Entra ID creates the user again. The protocol steps themselves
 * (ENTRA-TUT, ENTRA-COMPAT, ENTRA-VALID) run in {@link H2EntraContractE2ETest} and its PostgreSQL and drop-mode twins.
 */
@Tag("e2e")
class EntraFlowE2ETest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private RunningServer entra;

    @BeforeEach
    void start() throws Exception {
        entra = new RunningServer().entra();
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    /** §2.3 create body (enterprise URN, externalId, meta, roles []). */
    private String createUser(String userName, String externalId) throws Exception {
        RunningServer.Answer created = entra.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""".formatted(externalId, userName, userName));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
    }

    /** §2.3: match by externalId, update by PATCH, disable with P6, re-enable, hard delete → 404. */
    @Test
    void userLifecycle() throws Exception {
        String externalId = "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef";
        String id = createUser("Test_User_00aa00aa", externalId);

        RunningServer.Answer byExternalId = entra.get("/Users?filter=" + encode("externalId eq \"" + externalId + "\""));
        assertThat(byExternalId.status()).as("%s", byExternalId).isEqualTo(200);
        assertThat(byExternalId.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(byExternalId.body().path("Resources").get(0).path("id").asText()).isEqualTo(id);

        // P9 (default, capitalised ops): name parts and the work email.
        RunningServer.Answer updated = entra.patch("/Users/" + id, patch("""
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updated@test.microsoft.com"},
                {"op":"Replace","path":"name.givenName","value":"Gtfd"},
                {"op":"Replace","path":"name.familyName","value":"Pkqf"}"""));
        assertThat(updated.status()).as("%s", updated).isIn(200, 204);
        JsonNode user = entra.get("/Users/" + id).body();
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("updated@test.microsoft.com");

        // P6: the default (unflagged) disable, a string boolean and a capitalised op.
        RunningServer.Answer disabled = entra.patch("/Users/" + id,
                patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(disabled.status()).as("%s", disabled).isIn(200, 204);
        assertThat(entra.get("/Users/" + id).body().path("active").asBoolean()).isFalse();
        assertThat(hostUser("Test_User_00aa00aa")).isEqualTo(Boolean.FALSE);

        // P7 flagged form re-enables.
        entra.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}"));
        assertThat(entra.get("/Users/" + id).body().path("active").asBoolean()).isTrue();

        RunningServer.Answer deleted = entra.delete("/Users/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(entra.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(entra.delete("/Users/" + id).status()).isEqualTo(404);
        assertThat(entra.get("/Users?filter=" + encode("externalId eq \"" + externalId + "\"")).body()
                .path("totalResults").asInt()).isZero();
        assertThat(hostUser("Test_User_00aa00aa")).as("the host user is kept, deactivated").isEqualTo(Boolean.FALSE);

        // Assigned again later: the same host user is re-linked under a new id and reactivated.
        String again = createUser("Test_User_00aa00aa", externalId);
        assertThat(again).isNotEqualTo(id);
        assertThat(hostUser("Test_User_00aa00aa")).isEqualTo(Boolean.TRUE);
    }

    /** The host user's active flag, or null if there is no such host user. */
    private Boolean hostUser(String login) {
        return entra.server.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT active FROM users WHERE login = ?")) {
                s.setString(1, login);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBoolean(1) : null;
                }
            }
        });
    }
}
