package org.scim2j.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scim2j.http.ScimHttpSettings;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP behaviour of {@link ScimServlet}, run against a real container over loopback. Subclasses start Jetty
 * and Tomcat, so both behave identically.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScimServletBehaviour {

    static final String TOKEN = "s3cr3t-admin-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCIM = "application/scim+json";

    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private ServletContainer container;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Starts the container under test with the servlet mapped at {@code /api/scim/v2/*}. */
    abstract ServletContainer start(ScimServlet servlet) throws Exception;

    /** The request ids in the SLF4J MDC while the repository ran, newest last. */
    private final java.util.List<String> requestIdsSeenByTheStore = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void startContainer() throws Exception {
        InMemoryUserRepository store = new InMemoryUserRepository();
        org.scim2j.spi.UserRepository users = new org.scim2j.spi.UserRepository() {
            @Override
            public org.scim2j.core.resource.User create(org.scim2j.core.resource.User resource,
                                                        org.scim2j.spi.RequestContext context) {
                return store.create(resource, context);
            }

            @Override
            public java.util.Optional<org.scim2j.core.resource.User> get(String id,
                                                                          org.scim2j.spi.RequestContext context) {
                requestIdsSeenByTheStore.add(String.valueOf(org.slf4j.MDC.get(ScimServlet.MDC_REQUEST_ID)));
                return store.get(id, context);
            }

            @Override
            public org.scim2j.core.resource.User replace(String id, org.scim2j.core.resource.User resource,
                                                         String expectedVersion,
                                                         org.scim2j.spi.RequestContext context) {
                return store.replace(id, resource, expectedVersion, context);
            }

            @Override
            public void delete(String id, String expectedVersion, org.scim2j.spi.RequestContext context) {
                store.delete(id, expectedVersion, context);
            }

            @Override
            public org.scim2j.spi.Page<org.scim2j.core.resource.User> search(org.scim2j.spi.SearchRequest request,
                                                                              org.scim2j.spi.RequestContext context) {
                return store.search(request, context);
            }

            @Override
            public org.scim2j.spi.RepositoryCapabilities capabilities() {
                return store.capabilities();
            }
        };
        ScimService service = ScimService.builder().users(users)
                .groups(new InMemoryGroupRepository()).build();
        ScimServlet servlet = new ScimServlet(service,
                TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(TokenVerifier.hash(TOKEN), "admin")),
                ScimHttpSettings.defaults().withEnabled(enabled::get).withMaxPayloadBytes(64 * 1024));
        container = start(servlet);
        base = container.baseUrl();
    }

    @AfterAll
    void stopContainer() throws Exception {
        container.stop();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean auth = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            auth |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!auth) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = SCIM;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, body, all);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static void assertScimError(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith(SCIM));
        JsonNode body = json(response);
        assertThat(body.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    String createUser(String userName) throws Exception {
        HttpResponse<String> r = post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).path("id").asText();
    }

    /** Sends raw bytes over a socket and returns the raw response head and body. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    response.write(buffer, 0, n);
                    if (response.toString(StandardCharsets.UTF_8).contains("\r\n\r\n{")
                            && response.toString(StandardCharsets.UTF_8).trim().endsWith("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // the server may close after answering an oversize request
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    String path() {
        return base.getPath();
    }

    // ---- authentication ------------------------------------------------------------------------------------

    @Test
    void missingCredentialsAre401WithAChallengeNamingBothSchemes() throws Exception {
        HttpResponse<String> r = get("/Users", "Authorization", "");
        assertScimError(r, 401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("Bearer").contains("Basic"));
    }

    @Test
    void wrongTokenIs401AndIsNotEchoed() throws Exception {
        HttpResponse<String> r = get("/Users", "Authorization", "Bearer wrong-token-value");
        assertScimError(r, 401);
        assertThat(r.body()).doesNotContain("wrong-token-value");
    }

    @Test
    void basicWithTheTokenAsUserNameAndAnEmptyPasswordIsAccepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = get("/ServiceProviderConfig", "Authorization", "Basic " + basic);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void bearerTokenIsAccepted() throws Exception {
        assertThat(get("/ServiceProviderConfig").statusCode()).isEqualTo(200);
    }

    // ---- enable switch -------------------------------------------------------------------------------------

    @Test
    void disabledScimAnswers404EverywhereWithoutAuthenticating() throws Exception {
        enabled.set(false);
        try {
            assertScimError(get("/Users", "Authorization", ""), 404);
            assertScimError(get("/ServiceProviderConfig"), 404);
        } finally {
            enabled.set(true);
        }
    }

    // ---- media types ---------------------------------------------------------------------------------------

    @Test
    void responsesAreScimJsonAndRequestsMayBeJsonOrScimJson() throws Exception {
        HttpResponse<String> asJson = send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0"
                + ":User\"],\"userName\":\"json.user\"}", "Content-Type", "application/json");
        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(201);
        // Tomcat writes the header without the space after ';' ("application/scim+json;charset=utf-8").
        assertThat(asJson.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("application/scim+json;charset=utf-8");
        HttpResponse<String> asScim = send("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0"
                + ":User\"],\"userName\":\"scim.user\"}", "Content-Type", "application/scim+json; charset=utf-8");
        assertThat(asScim.statusCode()).isEqualTo(201);
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        assertScimError(send("POST", "/Users", "userName=x", "Content-Type", "application/x-www-form-urlencoded"),
                415);
        assertScimError(send("POST", "/Users", "<user/>", "Content-Type", "text/xml"), 415);
    }

    @Test
    void anAcceptHeaderThatExcludesJsonIs406() throws Exception {
        assertScimError(get("/Users", "Accept", "text/html"), 406);
        assertThat(get("/Users", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/Users", "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    // ---- HTTP semantics ------------------------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationAndETag() throws Exception {
        HttpResponse<String> r = post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"located\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        String id = json(r).path("id").asText();
        assertThat(r.headers().firstValue("Location")).contains(base + "/Users/" + id);
        assertThat(json(r).path("meta").path("location").asText()).isEqualTo(base + "/Users/" + id);
        HttpResponse<String> got = get("/Users/" + id);
        assertThat(got.headers().firstValue("ETag")).hasValueSatisfying(v -> assertThat(v).startsWith("W/\""));
    }

    @Test
    void readOnlyEndpointsAnswer405WithAllow() throws Exception {
        HttpResponse<String> r = post("/ServiceProviderConfig", "{}");
        assertScimError(r, 405);
        assertThat(r.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void unknownEndpointIs404ScimError() throws Exception {
        assertScimError(get("/Nothing"), 404);
        assertScimError(get("/Users/does-not-exist"), 404);
    }

    @Test
    void methodOverrideHeaderTurnsPostIntoPatch() throws Exception {
        String id = createUser("override.user");
        HttpResponse<String> r = post("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
                "X-HTTP-Method-Override", "PATCH");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("active").asBoolean(true)).isFalse();
    }

    @Test
    void queryParametersAreDecodedWithPlusPercent20AndPercent22() throws Exception {
        createUser("decode.me");
        for (String query : new String[] {"filter=userName+eq+%22decode.me%22",
                "filter=userName%20eq%20%22decode.me%22", "filter=userName%20eq%20%22DECODE.ME%22"}) {
            HttpResponse<String> r = get("/Users?" + query);
            assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(200);
            assertThat(json(r).path("totalResults").asInt()).as(query).isEqualTo(1);
        }
    }

    @Test
    void okta_connectorTestAndLookupAnswerListResponses() throws Exception {
        HttpResponse<String> probe = get("/Users?startIndex=1&count=2");
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(json(probe).path("totalResults").isInt()).isTrue();
        HttpResponse<String> miss = get("/Users?filter=userName%20eq%20%22nobody%40okta.local%22&startIndex=1"
                + "&count=100");
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(json(miss).path("totalResults").asInt()).isZero();
    }

    @Test
    void trailingSlashAndDoubleSlashesReachTheSameEndpoint() throws Exception {
        assertThat(get("/ServiceProviderConfig/").statusCode()).isEqualTo(200);
    }

    // ---- protocol over HTTP ----------------------------------------------------------------------------------

    @Test
    void crudRoundTripWithETagsOverHttp() throws Exception {
        String id = createUser("crud.user");
        HttpResponse<String> got = get("/Users/" + id);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/Users/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> put = send("PUT", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0"
                + ":User\"],\"userName\":\"crud.user\",\"active\":false}", "Content-Type", SCIM, "If-Match", etag);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).path("active").asBoolean(true)).isFalse();
        assertScimError(send("PUT", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"crud.user\"}", "Content-Type", SCIM, "If-Match", etag), 412);
        assertThat(send("DELETE", "/Users/" + id, null).statusCode()).isEqualTo(204);
        assertScimError(get("/Users/" + id), 404);
    }

    @Test
    void aSmallBodyCarriesItsContentLengthAndALargeOneArrivesWhole() throws Exception {
        String id = createUser("length.user");
        HttpResponse<String> small = get("/Users/" + id);
        assertThat(small.headers().firstValueAsLong("Content-Length"))
                .hasValue(small.body().getBytes(StandardCharsets.UTF_8).length);

        // Bodies are streamed to the container; one larger than its buffer (about 100 KB here) goes in chunks.
        String padding = "x".repeat(1000);
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"large" + i + "\",\"displayName\":\"" + padding + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        HttpResponse<String> large = get("/Users?filter=userName%20sw%20%22large%22&count=100");
        assertThat(large.statusCode()).isEqualTo(200);
        JsonNode page = json(large);
        assertThat(page.path("Resources")).hasSize(100);
        assertThat(page.path("Resources").get(99).path("displayName").asText()).isEqualTo(padding);

        // A client that goes away in the middle of such a body costs the server nothing it needs afterwards.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + base.getPath() + "/Users?filter=userName%20sw%20%22large%22"
                    + "&count=100 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(socket.getInputStream().readNBytes(2048)).hasSize(2048);
        }
        assertThat(get("/Users/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void searchWithPostAndDiscoveryOverHttp() throws Exception {
        createUser("searched.user");
        HttpResponse<String> r = post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest\"],\"filter\":\"userName sw \\\"searched\\\"\",\"attributes\":[\"userName\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("totalResults").asInt()).isEqualTo(1);
        assertThat(json(r).path("Resources").get(0).has("active")).isFalse();
        assertThat(json(get("/ResourceTypes")).path("totalResults").asInt()).isEqualTo(2);
        assertThat(get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").statusCode()).isEqualTo(200);
    }

    @Test
    void bulkOverHttpResolvesBulkIds() throws Exception {
        HttpResponse<String> r = post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"u1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk.user"}},
                 {"method":"POST","path":"/Groups","bulkId":"g1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk group","members":[{"value":"bulkId:u1"}]}}]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode operations = json(r).path("Operations");
        assertThat(operations.get(0).path("status").asText()).isEqualTo("201");
        assertThat(operations.get(1).path("status").asText()).isEqualTo("201");
        String groupLocation = operations.get(1).path("location").asText();
        String userId = operations.get(0).path("location").asText().replaceAll(".*/", "");
        JsonNode group = json(get(groupLocation.substring(base.toString().length())));
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(userId);
    }

    // ---- limits and abuse ----------------------------------------------------------------------------------

    @Test
    void oversizeBodyIs413() throws Exception {
        String big = "{\"userName\":\"" + "x".repeat(100 * 1024) + "\"}";
        assertScimError(post("/Users", big), 413);
    }

    @Test
    void aDeclaredGigabyteBodyIsRefusedWithoutBeingRead() throws Exception {
        String response = raw("POST " + path() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + TOKEN + "\r\nContent-Type: application/scim+json\r\nContent-Length: 1073741824\r\n\r\n{\"userName\":");
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void malformedJsonIs400InvalidSyntax() throws Exception {
        HttpResponse<String> r = post("/Users", "{\"userName\": ");
        assertScimError(r, 400);
        assertThat(json(r).path("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void deeplyNestedBodyIs400() throws Exception {
        assertScimError(post("/Users", "[".repeat(5000) + "]".repeat(5000)), 400);
        assertScimError(post("/Users", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)), 400);
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/Users"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", SCIM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3,
                        (byte) 0x28, '"', '}'})).build();
        assertScimError(http.send(request, HttpResponse.BodyHandlers.ofString()), 400);
    }

    @Test
    void hostileIdsOnlyEverReachTheRepositoryAndGet404() throws Exception {
        for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "abc%00def", "x".repeat(4000), "%3Cscript%3E",
                "a%20b"}) {
            HttpResponse<String> r = get("/Users/" + id);
            assertThat(r.statusCode()).as(id.length() > 40 ? id.substring(0, 40) + "..." : id).isIn(400, 404);
            if (r.headers().firstValue("Content-Type").orElse("").startsWith(SCIM)) {
                assertScimError(r, r.statusCode());
            }
        }
    }

    @Test
    void requestIdsWithControlCharactersAreNotReflectedIntoHeaders() throws Exception {
        String response = raw("GET " + path() + "/ServiceProviderConfig HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\nX-Request-Id: a\tInjected: yes\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).doesNotContain("Injected");
    }

    /** Issue 13, finding 7: with two Authorization headers the first one won. */
    @Test
    void twoAuthorizationHeadersAre400EvenWhenBothAreValid() throws Exception {
        for (String second : new String[] {"Bearer " + TOKEN, "Bearer not-the-token"}) {
            String response = raw("GET " + path() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nAuthorization: " + second + "\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    .contains("one Authorization header").doesNotContain(TOKEN);
        }
    }

    /** Issue 13, finding 11: a request id for log correlation, in the MDC while the request runs and in the answer. */
    @Test
    void theRequestIdIsInTheMdcMeanwhileAndEchoedInXRequestId() throws Exception {
        String id = createUser("mdc.user@example.com");

        HttpResponse<String> given = get("/Users/" + id, "X-Request-Id", "okta-req-42");
        HttpResponse<String> generated = get("/Users/" + id);
        HttpResponse<String> error = get("/Users/no-such-id", "X-Request-Id", "okta-req-43");

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("okta-req-42");
        assertThat(requestIdsSeenByTheStore).contains("okta-req-42");
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(v -> {
            assertThat(v).isNotBlank().isNotEqualTo("okta-req-42");
            assertThat(requestIdsSeenByTheStore).contains(v);
        });
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("X-Request-Id")).hasValue("okta-req-43");
    }

    /**
     * Issue 13, finding 11: a body the client cuts short (it announced more than it sent, then closed its side) was
     * logged as the server's failure with a 500; it is the client's: 400.
     */
    @Test
    void aBodyCutShortByTheClientIs400NotAServerFailure() throws Exception {
        String errors = capturedErrorLog(() -> {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/scim+json\r\nContent-Length: 5000\r\n\r\n{\"schemas\":[")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).matches("(?s)HTTP/1\\.1 400 .*");
            }
        });
        assertThat(errors).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /** Issue 13, finding 11: GET /Me without a resolver is the client asking for what is not there: 501, no ERROR. */
    @Test
    void meWithoutAResolverIs501AndNoErrorInTheLog() throws Exception {
        String errors = capturedErrorLog(() -> {
            for (int i = 0; i < 3; i++) {
                assertScimError(get("/Me"), 501);
            }
        });
        assertThat(errors).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** What SLF4J (slf4j-simple, on System.err) printed while {@code work} ran. */
    static String capturedErrorLog(Work work) throws Exception {
        java.io.PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // the servlet logs a failure before it answers, so all of it is printed once the answer is read
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
