package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Okta's provisioning traffic (IDP-TRAFFIC §1) against the running example server, where it reaches what scim-testkit's
 * {@code OktaContract} cannot see over HTTP: SonarQube's Basic and bearer token, the {@code sonar.scim.enabled}
 * switch, and the host's own {@code users.active}. The protocol steps themselves (OKTA-SPEC, OKTA-CRUD, group push,
 * import paging) run in {@link H2OktaContractE2ETest} and its PostgreSQL and drop-mode twins.
 */
@Tag("e2e")
class OktaFlowE2ETest {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    private RunningServer okta;

    @BeforeEach
    void start() throws Exception {
        okta = new RunningServer().basicAuth();
    }

    @AfterEach
    void stop() {
        okta.close();
    }

    /** OKTA-SCIM20 §1.5 create body, as Okta sends it (password placeholder, groups [], locale). */
    private static String oktaUser(String userName, String givenName, String familyName, String oktaId) {
        return """
                {"schemas":["%s"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"%s %s","locale":"en-US","externalId":"%s",
                 "groups":[],"password":"1mz050nq","active":true}""".formatted(USER_SCHEMA, userName, givenName,
                familyName, userName, givenName, familyName, oktaId);
    }

    private String createUser(String userName) throws Exception {
        RunningServer.Answer created = okta.post("/Users", oktaUser(userName, "Test", "User", "00u" + userName));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.body().path("id").asText();
    }

    @Test
    void readinessProbeAnswersWithBasicAndBearerAndRefusesOthers() throws Exception {
        assertThat(okta.get("/ServiceProviderConfig").status()).isEqualTo(200);
        assertThat(okta.bearer(RunningServer.TOKEN).get("/ServiceProviderConfig").status()).isEqualTo(200);
        RunningServer.Answer wrong = okta.bearer("not-the-token").get("/Users");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isNotNull();
        assertThat(okta.bearer(null).get("/Users").status()).isEqualTo(401);
    }

    @Test
    void scimEnabledFalseAnswers404Everywhere() throws Exception {
        okta.server.setEnabled(false);
        assertThat(okta.get("/Users?startIndex=1&count=2").status()).isEqualTo(404);
        okta.server.setEnabled(true);
        assertThat(okta.get("/Users?startIndex=1&count=2").status()).isEqualTo(200);
    }

    /** §1.6 profile update (GET then PUT of the whole user) and §1.7 AIW deactivate/reactivate by PUT. */
    @Test
    void profileUpdateDeactivateAndReactivateByPut() throws Exception {
        String id = createUser("bjensen@okta.local");
        ObjectNode current = (ObjectNode) okta.get("/Users/" + id).body();
        current.putObject("name").put("givenName", "Barbara").put("familyName", "Jensen");
        RunningServer.Answer updated = okta.put("/Users/" + id, current.toString());
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        // OKTA-SPEC: the profile update reads back as written
        assertThat(updated.body().path("name")).isEqualTo(current.path("name"));
        assertThat(okta.get("/Users/" + id).body().path("name").path("givenName").asText()).isEqualTo("Barbara");

        ObjectNode deactivate = ((ObjectNode) updated.body()).put("active", false);
        RunningServer.Answer deactivated = okta.put("/Users/" + id, deactivate.toString());
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
        // OKTA-CRUD 6: a deactivated user is still readable.
        RunningServer.Answer read = okta.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("active").asBoolean()).isFalse();
        assertThat(hostActive("bjensen@okta.local")).isFalse();

        ObjectNode reactivate = ((ObjectNode) read.body()).put("active", true);
        assertThat(okta.put("/Users/" + id, reactivate.toString()).body().path("active").asBoolean()).isTrue();
        assertThat(hostActive("bjensen@okta.local")).isTrue();
    }

    private boolean hostActive(String login) {
        return okta.server.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT active FROM users WHERE login = ?")) {
                s.setString(1, login);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return rs.getBoolean(1);
                }
            }
        });
    }
}
