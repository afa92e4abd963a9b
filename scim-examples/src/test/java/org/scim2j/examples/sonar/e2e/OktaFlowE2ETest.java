package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.examples.sonar.e2e.RunningServer.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Okta's provisioning traffic (IDP-TRAFFIC §1) against the running example server: a SonarQube-style app-integration
 * (AIW) app, which sends PUT for every update, plus the PATCH forms of OIN templates.
 */
@Tag("e2e")
class OktaFlowE2ETest {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

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

    private static void assertListResponse(JsonNode body) {
        assertThat(body.path("schemas").toString()).contains(LIST_RESPONSE);
        assertThat(body.path("totalResults").isIntegralNumber()).as("totalResults is an integer").isTrue();
        assertThat(body.path("startIndex").isIntegralNumber()).as("startIndex is an integer").isTrue();
        assertThat(body.path("itemsPerPage").isIntegralNumber()).as("itemsPerPage is an integer").isTrue();
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

    /** §1.3 Test Connector Configuration: GET /Users?startIndex=1&count=2, no filter. */
    @Test
    void connectorTestOnAnEmptyAndAFilledStore() throws Exception {
        RunningServer.Answer empty = okta.get("/Users?startIndex=1&count=2");
        assertThat(empty.status()).as("%s", empty).isEqualTo(200);
        assertListResponse(empty.body());
        assertThat(empty.body().path("totalResults").asInt()).isZero();

        for (String name : List.of("carol", "alice", "bob")) {
            createUser(name + "@okta.local");
        }
        RunningServer.Answer page = okta.get("/Users?startIndex=1&count=2");
        assertThat(page.status()).isEqualTo(200);
        assertListResponse(page.body());
        assertThat(page.body().path("totalResults").asInt()).isEqualTo(3);
        assertThat(page.body().path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.header("Content-Type")).startsWith("application/scim+json");
    }

    /** §1.4 import: startIndex=1&count=100, then 101, ... in a stable order. */
    @Test
    void importPagesAreStable() throws Exception {
        for (int i = 0; i < 7; i++) {
            createUser("user" + ((i * 3) % 7) + "@okta.local");
        }
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 7; start += 3) {
            RunningServer.Answer page = okta.get("/Users?startIndex=" + start + "&count=3");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("totalResults").asInt()).isEqualTo(7);
            page.body().path("Resources").forEach(u -> seen.add(u.path("id").asText()));
        }
        // the example store's default order is the SCIM id
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSorted();
        assertThat(okta.get("/Groups?startIndex=1&count=100").status()).isEqualTo(200);
    }

    /** §1.5 push new user: lookup (no match is 200 with totalResults 0), create 201, duplicate 409. */
    @Test
    void pushNewUserLooksUpCreatesAndRefusesADuplicate() throws Exception {
        String lookup = "/Users?filter=" + encode("userName eq \"Test.User@okta.local\"") + "&startIndex=1&count=100";
        RunningServer.Answer none = okta.get(lookup);
        assertThat(none.status()).as("%s", none).isEqualTo(200);
        assertListResponse(none.body());
        assertThat(none.body().path("totalResults").asInt()).isZero();

        RunningServer.Answer created = okta.post("/Users", oktaUser("Test.User@okta.local", "Test", "User",
                "00ujl29u0le5T6Aj10h7"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode user = created.body();
        assertThat(user.path("id").asText()).isNotBlank();
        assertThat(user.path("userName").asText()).as("the client's case is kept").isEqualTo("Test.User@okta.local");
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(user.path("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(user.has("password")).isFalse();
        assertThat(user.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(created.header("Location")).endsWith("/Users/" + user.path("id").asText());

        RunningServer.Answer duplicate = okta.post("/Users", oktaUser("test.user@OKTA.local", "Test", "User", "x"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(duplicate.body().path("schemas").toString()).contains(ERROR);

        // OKTA-SPEC 15: the lookup ignores case.
        RunningServer.Answer found = okta.get("/Users?filter=" + encode("userName eq \"TEST.USER@okta.local\"")
                + "&startIndex=1&count=100");
        assertThat(found.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.body().path("Resources").get(0).path("id").asText()).isEqualTo(user.path("id").asText());
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

    /** §1.7 OIN deactivate: PATCH replace without path, value an object; 200 with the user or 204. */
    @Test
    void deactivateAndReactivateByPatchWithoutPath() throws Exception {
        String id = createUser("jsmith@okta.local");
        RunningServer.Answer patched = okta.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");
        assertThat(patched.status()).as("%s", patched).isIn(200, 204);
        assertThat(okta.get("/Users/" + id).body().path("active").asBoolean()).isFalse();
        okta.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":true}}]}""");
        assertThat(okta.get("/Users/" + id).body().path("active").asBoolean()).isTrue();
    }

    @Test
    void anUnknownIdIs404WithAnErrorBody() throws Exception {
        RunningServer.Answer missing = okta.get("/Users/00000000-0000-0000-0000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("schemas").toString()).contains(ERROR);
        assertThat(missing.body().path("detail").asText()).isNotBlank();
    }

    /** §1.8 push groups: lookup, create, PUT with members (AIW), PATCH add/remove (OIN), rename. */
    @Test
    void pushGroupsWithPutAndPatch() throws Exception {
        String alice = createUser("alice@okta.local");
        String bob = createUser("bob@okta.local");
        RunningServer.Answer lookup = okta.get("/Groups?filter=" + encode("displayName eq \"Test SCIMv2\"")
                + "&startIndex=1&count=100");
        assertThat(lookup.status()).as("%s", lookup).isEqualTo(200);
        assertThat(lookup.body().path("totalResults").asInt()).isZero();

        RunningServer.Answer created = okta.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String group = created.body().path("id").asText();
        assertThat(created.body().path("meta").path("resourceType").asText()).isEqualTo("Group");

        ObjectNode withAlice = (ObjectNode) okta.get("/Groups/" + group).body();
        withAlice.putArray("members").addObject().put("value", alice).put("display", "alice@okta.local");
        RunningServer.Answer put = okta.put("/Groups/" + group, withAlice.toString());
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(members(group)).containsExactly(alice);

        RunningServer.Answer patched = okta.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"remove","path":"members[value eq \\"%s\\"]"},
                  {"op":"add","path":"members","value":[{"value":"%s","display":"bob@okta.local"}]}]}"""
                .formatted(alice, bob));
        assertThat(patched.status()).as("%s", patched).isIn(200, 204);
        assertThat(members(group)).containsExactly(bob);

        RunningServer.Answer renamed = okta.patch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"Renamed SCIMv2"}}]}"""
                .formatted(group));
        assertThat(renamed.status()).as("%s", renamed).isIn(200, 204);
        JsonNode after = okta.get("/Groups/" + group).body();
        assertThat(after.path("displayName").asText()).isEqualTo("Renamed SCIMv2");
        assertThat(okta.get("/Users/" + bob).body().path("groups").get(0).path("value").asText()).isEqualTo(group);
    }

    private List<String> members(String group) throws Exception {
        List<String> ids = new ArrayList<>();
        okta.get("/Groups/" + group).body().path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
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
