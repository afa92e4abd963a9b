package org.scim2j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The transport-neutral entry point without any container: what a binding hands in, what it gets back. */
class ScimHttpHandlerTest {

    private static final String TOKEN = "handler-test-token";
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"bjensen\"}";

    private final List<RequestOutcome> outcomes = new ArrayList<>();
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final ScimService service = ScimService.builder().users(new InMemoryUserRepository())
            .observer(new ScimObserver() {
                @Override
                public void onOutcome(RequestOutcome outcome) {
                    outcomes.add(outcome);
                }
            }).build();
    private final ScimHttpHandler handler = ScimHttpHandler.builder().service(service)
            .authenticator(TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(TokenVerifier.hash(TOKEN), "admin")))
            .settings(ScimHttpSettings.builder().enabled(enabled::get).maxPayloadBytes(1024).build())
            .build();

    private static HttpRequest.Builder request(String method, String path, Map<String, String> headers) {
        return HttpRequest.builder(method, path)
                .headers(name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).toList())
                .server("https", "idp-facing.example.com", 443, "/api/scim/v2");
    }

    private static HttpRequest post(String path, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request("POST", path, headers).body(new ByteArrayInputStream(bytes), bytes.length).build();
    }

    private static Map<String, String> auth(String... more) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TOKEN);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static void assertError(ScimResponse response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.bodyText()).contains("\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"]")
                .contains("\"status\":\"" + status + "\"");
    }

    @Test
    void aCreateGetsItsLocationFromWhereTheServerReceivedIt() {
        ScimResponse response = handler.handle(post("/Users", USER, auth("Content-Type", "application/scim+json")));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).startsWith("https://idp-facing.example.com/api/scim/v2/Users/");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void rfc7235_withoutCredentials401WithAChallengeAndTheObserverSeesIt() {
        ScimResponse response = handler.handle(request("GET", "/Users", Map.of("X-Request-Id", "okta-1")).build());

        assertError(response, 401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        assertThat(response.header("X-Request-Id")).isEqualTo("okta-1");
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(401);
            assertThat(o.method()).isEqualTo("GET");
            assertThat(o.context().requestId()).isEqualTo("okta-1");
        });
    }

    @Test
    void rfc7644_3_8_anAcceptWithoutJsonIs406AndABodyOfAnotherTypeIs415() {
        assertError(handler.handle(request("GET", "/Users", auth("Accept", "text/html")).build()), 406);
        assertError(handler.handle(post("/Users", USER, auth("Content-Type", "text/plain"))), 415);
        assertError(handler.handle(post("/Users", USER, auth())), 415);
        assertThat(outcomes).extracting(RequestOutcome::status).containsExactly(406, 415, 415);
    }

    @Test
    void rfc7644_3_7_4_aBodyOverTheLimitIs413() {
        String big = "{\"userName\":\"" + "x".repeat(2000) + "\"}";

        assertError(handler.handle(post("/Users", big, auth("Content-Type", "application/json"))), 413);
    }

    @Test
    void switchedOffEveryRequestIs404WithoutAuthenticating() {
        enabled.set(false);

        assertError(handler.handle(request("GET", "/ServiceProviderConfig", Map.of()).build()), 404);
    }

    @Test
    void rfc7644_3_5_2_aPostWithMethodOverridePatchIsAPatch() {
        String id = handler.handle(post("/Users", USER, auth("Content-Type", "application/scim+json"))).bodyText()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        ScimResponse patched = handler.handle(post("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:"
                + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}",
                auth("Content-Type", "application/scim+json", "X-HTTP-Method-Override", "PATCH")));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(outcomes).extracting(RequestOutcome::method).containsExactly("POST", "PATCH");
    }

    @Test
    void aPrincipalWithoutAServiceIs403() {
        ScimHttpHandler tenants = ScimHttpHandler.builder()
                .authenticator(headers -> AuthenticationResult.authenticated("x",
                        Map.of(RequestContext.TENANT, "unknown")))
                .services(principal -> Optional.empty())
                .build();

        assertError(tenants.handle(request("GET", "/Users", Map.of()).build()), 403);
    }
}
