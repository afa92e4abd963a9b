package org.scim2j.examples.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scim2j.examples.embedding.FreshDatabase;
import org.scim2j.examples.embedding.ScimSetup;
import org.scim2j.http.TokenVerifier;
import org.scim2j.servlet.ScimServlet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/**
 * One container recipe over HTTP: provisioning a user and a group as an identity provider does, and SCIM Error
 * bodies for what the container itself refuses.
 */
abstract class ContainerRecipeBehaviour {

    static final String TOKEN = "scim_recipe-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String origin;

    /** Starts the container with the SCIM servlet; returns its origin, e.g. {@code http://127.0.0.1:41234}. */
    abstract String start(ScimServlet scim) throws Exception;

    abstract void stop() throws Exception;

    /** The servlet every recipe but web.xml is given; web.xml's listener builds its own from the same parts. */
    static ScimServlet scimServlet() {
        return ScimSetup.scimServlet(FreshDatabase.create(), new Properties(), TokenVerifier.hash(TOKEN));
    }

    @BeforeEach
    void startContainer() throws Exception {
        origin = start(scimServlet());
    }

    @AfterEach
    void stopContainer() throws Exception {
        stop();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer() {
        return "Bearer " + TOKEN;
    }

    /** Okta's Basic Auth set-up: the token as user name, an empty password. */
    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertScimError(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/scim+json");
        JsonNode error = json(response);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
    }

    @Test
    void provisionsAUserAndAGroupOverHttp() throws Exception {
        HttpResponse<String> created = send("POST", "/api/scim/v2/Users", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"Jane.Doe@example.com\","
                + "\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\"},\"active\":true}", bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = json(created).path("id").asText();

        String filter = URLEncoder.encode("userName eq \"jane.doe@EXAMPLE.com\"", StandardCharsets.UTF_8);
        HttpResponse<String> found = send("GET", "/api/scim/v2/Users?filter=" + filter, null, basic());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).path("totalResults").asInt()).isEqualTo(1);
        assertThat(json(found).path("Resources").get(0).path("id").asText()).isEqualTo(userId);

        HttpResponse<String> group = send("POST", "/api/scim/v2/Groups", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Tour Guides\","
                + "\"members\":[{\"value\":\"" + userId + "\"}]}", bearer());
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        HttpResponse<String> read = send("GET", "/api/scim/v2/Groups/" + json(group).path("id").asText(), null,
                bearer());
        assertThat(json(read).path("members").get(0).path("value").asText()).isEqualTo(userId);
        assertThat(json(read).path("members").get(0).path("display").asText()).isEqualTo("Jane.Doe@example.com");
    }

    @Test
    void answersWithoutATokenWithASCIMError() throws Exception {
        assertScimError(send("GET", "/api/scim/v2/Users", null, null), 401);
    }

    @Test
    void aPathTheContainerRefusesGetsASCIMErrorBody() throws Exception {
        // An encoded '/' is rejected by Jetty and Tomcat before any servlet runs.
        assertScimError(send("GET", "/api/scim/v2/Users/%2Fetc", null, bearer()), 400);
        assertScimError(send("PUT", "/api/scim/v2/Users/%2Fetc", "{}", bearer()), 400);
    }

    @Test
    void pathsOutsideScimKeepTheContainersOwnErrorPages() throws Exception {
        HttpResponse<String> response = send("GET", "/other/%2Fetc", null, null);
        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("scim+json");
    }
}
