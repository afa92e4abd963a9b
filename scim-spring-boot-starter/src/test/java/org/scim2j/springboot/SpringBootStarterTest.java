package org.scim2j.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.springboot.HttpClientForTests.PATCH_OP;
import static org.scim2j.springboot.HttpClientForTests.USER;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scim2j.micrometer.ScimMetrics;
import org.scim2j.springboot.HttpClientForTests.Reply;
import org.scim2j.springboot.app.ProvisionedApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The README's application (the starter, two beans, three properties) on its embedded Tomcat at a random port, with
 * Spring Security on the classpath, driven over HTTP the way Okta and Microsoft Entra ID provision. Tags in the
 * comments are those of IDP-TRAFFIC.md.
 */
class SpringBootStarterTest {

    private static ConfigurableApplicationContext context;
    private static HttpClientForTests http;

    @BeforeAll
    static void start() {
        context = HttpClientForTests.start(ProvisionedApplication.class);
        http = HttpClientForTests.of(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static String filter(String expression) {
        return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void oktaTestConnectorConfigurationPassesWithBasicAndFailsWithAnotherToken() {
        // OKTA §1.3 (DELINEA, FIELDLOG): GET /Users?startIndex=1&count=2, token as Basic user name
        Reply probe = http.basic("GET", "/scim/v2/Users?startIndex=1&count=2", null);
        Reply wrong = http.send("GET", "/scim/v2/Users?startIndex=1&count=2", null, "Bearer not-the-token");

        assertThat(probe.status()).as(probe.toString()).isEqualTo(200);
        assertThat(probe.header("Content-Type")).startsWith("application/scim+json");
        assertThat(probe.json().path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(probe.json().path("totalResults").isInt()).isTrue();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("status").asText()).isEqualTo("401");
    }

    @Test
    void oktaPushesANewUserLooksItUpAndDeactivatesIt() {
        String userName = "okta." + UUID.randomUUID() + "@okta.local";
        String lookup = "/scim/v2/Users?filter=" + filter("userName eq \"" + userName + "\"")
                + "&startIndex=1&count=100";

        // OKTA §1.5 step 1 and OKTA-SPEC step 11: no match is 200 with totalResults 0, never 404
        Reply before = http.basic("GET", lookup, null);
        // OKTA §1.5 step 2: Okta's create body, with readOnly groups and a placeholder password
        Reply created = http.basic("POST", "/scim/v2/Users", """
                {"schemas":["%s"],"userName":"%s",
                 "name":{"givenName":"Test","familyName":"User"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],"password":"1mz050nq","active":true}""".formatted(USER, userName, userName));
        Reply after = http.basic("GET", lookup, null);
        String id = created.json().path("id").asText();
        // P1 (OKTA-SCIM20): deactivate with a path-less replace
        Reply deactivated = http.basic("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(PATCH_OP));
        // OKTA-CRUD step 6: a deactivated user is still readable
        Reply read = http.basic("GET", "/scim/v2/Users/" + id, null);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("totalResults").asInt()).isZero();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(http.root() + "/scim/v2/Users/" + id);
        assertThat(after.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(after.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("active").asBoolean(true)).isFalse();
        assertThat(read.json().path("userName").asText()).isEqualTo(userName);
    }

    @Test
    void entraTestsTheConnectionCreatesLooksUpAndDisablesWithTheStringFalse() {
        String userName = "Test_User_" + UUID.randomUUID();

        // ENTRA-TUT §2.2: Test Connection looks up a random GUID and expects an empty ListResponse
        Reply probe = http.bearer("GET", "/scim/v2/Users?filter="
                + filter("userName eq \"" + UUID.randomUUID() + "\""), null);
        // ENTRA-TUT §2.3 step 2: Entra's create, with the enterprise URN and meta.resourceType
        Reply created = http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""".formatted(USER, userName, userName));
        String id = created.json().path("id").asText();
        Reply found = http.bearer("GET", "/scim/v2/Users?filter=" + filter("userName eq \"" + userName + "\""),
                null);
        // P6 (ENTRA-COMPAT): disable without the aadOptscim062020 flag: capitalised op, the string "False"
        Reply disabled = http.bearer("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""
                .formatted(PATCH_OP));

        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.json().path("totalResults").asInt()).isZero();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(found.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("active").isBoolean()).isTrue();
        assertThat(disabled.json().path("active").asBoolean()).isFalse();
        assertThat(http.bearer("GET", "/scim/v2/Users/" + id, null).json().path("active").asBoolean(true))
                .isFalse();
    }

    @Test
    void groupsArePushedAndTheirMembersChangedInOktasAndEntrasDialects() {
        String alice = createUser("alice." + UUID.randomUUID());
        String bob = createUser("bob." + UUID.randomUUID());
        String name = "Push " + UUID.randomUUID();

        // OKTA §1.8 (OKTA-SCIM20) group push: create with a member
        Reply group = http.basic("POST", "/scim/v2/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                 "members":[{"value":"%s","display":"alice"}]}""".formatted(name, alice));
        String id = group.json().path("id").asText();
        // P4 (OKTA-SCIM20): membership delta, remove by filter and add
        Reply delta = http.basic("PATCH", "/scim/v2/Groups/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"},
                 {"op":"add","path":"members","value":[{"value":"%s","display":"bob"}]}]}"""
                .formatted(PATCH_OP, alice, bob));
        // P13 and P14 (ENTRA-TUT): add members with $ref null, rename with a capitalised op
        Reply entraAdd = http.bearer("PATCH", "/scim/v2/Groups/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                .formatted(PATCH_OP, alice));
        Reply rename = http.bearer("PATCH", "/scim/v2/Groups/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"displayName","value":"%s renamed"}]}"""
                .formatted(PATCH_OP, name));
        // ENTRA-TUT §2.4: the group lookup Entra sends
        Reply lookup = http.bearer("GET", "/scim/v2/Groups?excludedAttributes=members&filter="
                + filter("displayName eq \"" + name + " renamed\""), null);
        JsonNode stored = http.bearer("GET", "/scim/v2/Groups/" + id, null).json();

        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(delta.status()).as(delta.toString()).isIn(200, 204);
        assertThat(entraAdd.status()).as(entraAdd.toString()).isIn(200, 204);
        assertThat(rename.status()).as(rename.toString()).isIn(200, 204);
        assertThat(lookup.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(lookup.json().path("Resources").get(0).has("members")).isFalse();
        assertThat(stored.path("displayName").asText()).isEqualTo(name + " renamed");
        assertThat(stored.path("members").findValuesAsText("value")).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void springSecurityKeepsGuardingTheApplicationWhileScimNeedsNoCsrfTokenNorSession() {
        Reply page = http.send("GET", "/hello", null, null);
        Reply scimWrite = http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s"],"userName":"csrf.%s"}""".formatted(USER, UUID.randomUUID()));

        assertThat(page.status()).as("the application's own page still needs a login").isIn(401, 302);
        assertThat(scimWrite.status()).as("a POST without a CSRF token: " + scimWrite).isEqualTo(201);
        assertThat(scimWrite.header("Set-Cookie")).as("no session is created on the SCIM path").isNull();
        assertThat(http.send("GET", "/scim/v2/Users", null, null).status())
                .as("the SCIM servlet authenticates itself").isEqualTo(401);
    }

    @Test
    void requestsAndWritesAreMeasuredInTheApplicationsMeterRegistry() {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        double before = created(registry);

        createUser("metrics." + UUID.randomUUID());
        http.bearer("GET", "/scim/v2/Users/no-such-id", null);

        assertThat(created(registry)).isEqualTo(before + 1);
        assertThat(registry.find(ScimMetrics.REQUESTS).tags("method", "POST", "resourceType", "User", "status", "201",
                "outcome", "SUCCESS").timer()).isNotNull();
        assertThat(registry.find(ScimMetrics.REQUESTS).tags("method", "GET", "resourceType", "User", "status", "404")
                .timer()).isNotNull();
    }

    private static double created(MeterRegistry registry) {
        Counter counter = registry.find(ScimMetrics.WRITES).tags("kind", "CREATED", "resourceType", "User").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theScimPropertiesHaveGeneratedMetadataForIdes() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-boot-configuration-processor output").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(metadata).contains("\"scim.path\"", "\"scim.token.sha256\"", "\"scim.patch.profile\"",
                "\"scim.filter.unsupported\"", "\"scim.base-url\"", "\"scim.patch.no-content\"");
    }

    private static String createUser(String userName) {
        Reply created = http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s"],"userName":"%s","active":true}""".formatted(USER, userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }
}
