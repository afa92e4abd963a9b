package org.scim2j.examples.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scim2j.examples.containers.EmbeddedJetty;
import org.scim2j.http.TokenVerifier;
import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.event.WriteEvent;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two tenants behind one servlet in embedded Jetty, over HTTP: each with its own token, stores and observer, and
 * neither sees the other's resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsTest {

    private static final String ACME_TOKEN = "acme-token-0123456789";
    private static final String GLOBEX_TOKEN = "globex-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WriteEvent> acmeWrites = new CopyOnWriteArrayList<>();
    private final List<WriteEvent> globexWrites = new CopyOnWriteArrayList<>();
    private final List<RequestOutcome> acmeOutcomes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private String base;

    private ScimService service(List<WriteEvent> writes, List<RequestOutcome> outcomes) {
        return ScimService.builder().users(new InMemoryUserRepository()).groups(new InMemoryGroupRepository())
                .observer(new ScimObserver() {
                    @Override
                    public void onWrite(WriteEvent event) {
                        writes.add(event);
                    }

                    @Override
                    public void onOutcome(RequestOutcome outcome) {
                        outcomes.add(outcome);
                    }
                }).build();
    }

    @BeforeAll
    void start() throws Exception {
        server = EmbeddedJetty.start(Tenants.scimServlet(
                Map.of("acme", service(acmeWrites, acmeOutcomes),
                        "globex", service(globexWrites, new CopyOnWriteArrayList<>())),
                Map.of("acme", TokenVerifier.hash(ACME_TOKEN), "globex", TokenVerifier.hash(GLOBEX_TOKEN))), 0);
        base = server.getURI().resolve("/api/scim/v2").toString();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/scim+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
    }

    @Test
    void neitherTenantSeesTheOthersUsers() throws Exception {
        HttpResponse<String> created = send(ACME_TOKEN, "POST", "/Users", user("wile@acme.example"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asText();

        assertThat(send(ACME_TOKEN, "GET", "/Users/" + id, null).statusCode()).isEqualTo(200);
        assertThat(send(GLOBEX_TOKEN, "GET", "/Users/" + id, null).statusCode()).isEqualTo(404);
        assertThat(send(GLOBEX_TOKEN, "DELETE", "/Users/" + id, null).statusCode()).isEqualTo(404);
        assertThat(json(send(GLOBEX_TOKEN, "GET", "/Users?filter=userName%20eq%20%22wile@acme.example%22", null))
                .path("totalResults").asInt()).isZero();
        assertThat(send(ACME_TOKEN, "GET", "/Users/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void rfc7643_3_1_theSameUserNameIsUniquePerTenantNotAcrossTenants() throws Exception {
        assertThat(send(ACME_TOKEN, "POST", "/Users", user("shared@example.com")).statusCode()).isEqualTo(201);
        assertThat(send(GLOBEX_TOKEN, "POST", "/Users", user("shared@example.com")).statusCode()).isEqualTo(201);
        assertThat(json(send(ACME_TOKEN, "POST", "/Users", user("shared@example.com"))).path("scimType").asText())
                .isEqualTo("uniqueness");
    }

    @Test
    void eachTenantsObserverSeesOnlyItsOwnWritesWithItsTenant() throws Exception {
        send(GLOBEX_TOKEN, "POST", "/Users", user("hank@globex.example"));

        assertThat(globexWrites).filteredOn(e -> e.kind() == WriteEvent.Kind.CREATED)
                .allSatisfy(e -> {
                    assertThat(e.context().tenant()).isEqualTo("globex");
                    assertThat(e.context().principal()).isEqualTo("scim-admin@globex");
                });
        assertThat(acmeWrites).noneMatch(e -> "globex".equals(e.context().tenant()));
        assertThat(acmeOutcomes).allSatisfy(o -> assertThat(o.context().tenant()).isEqualTo("acme"));
    }

    @Test
    void rfc7644_2_aTokenOfNoTenantIs401WithAScimError() throws Exception {
        HttpResponse<String> response = send("someone-elses-token", "GET", "/Users", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }
}
