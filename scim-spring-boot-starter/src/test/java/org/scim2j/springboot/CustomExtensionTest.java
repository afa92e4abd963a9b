package org.scim2j.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.springboot.HttpClientForTests.PATCH_OP;
import static org.scim2j.springboot.HttpClientForTests.USER;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scim2j.core.resource.User;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.UserRepository;
import org.scim2j.springboot.HttpClientForTests.Reply;
import org.scim2j.springboot.extension.ExtensionApplication;
import org.scim2j.springboot.extension.SonarUser;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A host-specific User extension end to end over HTTP: advertised in {@code /Schemas} and {@code /ResourceTypes}
 * (RFC 7643 §6, §7), written and read under its URN, found by a filter on one of its attributes (RFC 7644
 * §3.4.2.2 "urn:...:attribute"), changed by PATCH, and read back by the host as a typed {@link SonarUser}.
 */
class CustomExtensionTest {

    private static final String LOGIN = SonarUser.URN + ":login";

    private static ConfigurableApplicationContext context;
    private static HttpClientForTests http;

    @BeforeAll
    static void start() {
        context = HttpClientForTests.start(ExtensionApplication.class);
        http = HttpClientForTests.of(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static String filter(String expression) {
        return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Reply createWithLogin(String userName, String login) {
        return http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s","%s"],"userName":"%s","%s":{"login":"%s","local":false}}"""
                .formatted(USER, SonarUser.URN, userName, SonarUser.URN, login));
    }

    @Test
    void theExtensionIsDiscoverableInSchemasAndResourceTypes() {
        Reply schema = http.bearer("GET", "/scim/v2/Schemas/" + SonarUser.URN, null);
        Reply userType = http.bearer("GET", "/scim/v2/ResourceTypes/User", null);

        assertThat(schema.status()).as(schema.toString()).isEqualTo(200);
        assertThat(schema.json().path("attributes").findValuesAsText("name")).containsExactly("login", "local");
        assertThat(schema.json().path("attributes").get(0).path("uniqueness").asText()).isEqualTo("server");
        assertThat(userType.json().path("schemaExtensions").findValuesAsText("schema")).contains(SonarUser.URN);
    }

    @Test
    void aUserIsCreatedFilteredByAndPatchedOnItsExtensionAndReadBackTyped() {
        String id = createWithLogin("jdoe@example.com", "jdoe").json().path("id").asText();
        createWithLogin("other@example.com", "other");

        Reply found = http.bearer("GET", "/scim/v2/Users?filter=" + filter(LOGIN + " eq \"jdoe\""), null);
        Reply patched = http.bearer("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"%s","value":"jdoe2"},
                 {"op":"replace","path":"%s:local","value":true}]}""".formatted(PATCH_OP, LOGIN, SonarUser.URN));
        Reply refound = http.bearer("GET", "/scim/v2/Users?filter=" + filter(LOGIN + " eq \"jdoe2\""), null);
        // tag::typed[]
        User stored = context.getBean(UserRepository.class).get(id, RequestContext.system()).orElseThrow();
        SonarUser sonar = stored.extension(SonarUser.class);                   // null if the user has none
        // end::typed[]

        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path(SonarUser.URN).path("login").asText()).isEqualTo("jdoe2");
        assertThat(refound.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(sonar).isEqualTo(new SonarUser("jdoe2", true));
        assertThat(stored.schemas()).contains(SonarUser.URN);
    }

    @Test
    void aValueOfTheWrongTypeInTheExtensionIsA400NotA500() {
        Reply wrong = http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s","%s"],"userName":"wrong@example.com","%s":{"local":{"nested":1}}}"""
                .formatted(USER, SonarUser.URN, SonarUser.URN));
        Reply unknown = http.bearer("GET", "/scim/v2/Users?filter=" + filter(SonarUser.URN + ":shoeSize eq 4"),
                null);

        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void aUserWithoutTheExtensionReadsAsNull() {
        String id = http.bearer("POST", "/scim/v2/Users", """
                {"schemas":["%s"],"userName":"plain@example.com"}""".formatted(USER)).json().path("id").asText();

        JsonNode read = http.bearer("GET", "/scim/v2/Users/" + id, null).json();
        User stored = context.getBean(UserRepository.class).get(id, RequestContext.system()).orElseThrow();

        assertThat(read.has(SonarUser.URN)).isFalse();
        assertThat(stored.extension(SonarUser.class)).isNull();
    }
}
