package org.scim2j.examples.sonar.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.scim2j.examples.sonar.ServerConfig;
import org.scim2j.examples.sonar.SonarScimServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example server started in-process on a free port over a fresh in-memory H2 database, and an HTTP client
 * that talks to it as an identity provider does. Public so that the reliability tests start their in-process nodes
 * the same way.
 */
public final class RunningServer implements AutoCloseable {

    /** The admin token every in-process server is started with. */
    public static final String TOKEN = "e2e-admin-token-7f3a9c1e5b2d8046a1c3e5f7b9d2046e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BASE_URL = Pattern.compile("SCIM base URL: (\\S+)");

    /** The server itself (its database, its enable switch). */
    public final SonarScimServer server;
    /** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/api/scim/v2}. */
    public final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String authorization = "Bearer " + TOKEN;
    private String userAgent = "Okta SCIM Client 1.0.0";

    /** An HTTP answer. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    RunningServer() throws Exception {
        this("jdbc:h2:mem:e2e-" + UUID.randomUUID());
    }

    /** A server over this database (an H2 file database survives a restart). */
    RunningServer(String jdbcUrl) throws Exception {
        this(jdbcUrl, "sa", "");
    }

    /** A server over this database with these credentials (PostgreSQL, for instance). */
    public RunningServer(String jdbcUrl, String user, String password) throws Exception {
        this(new ServerConfig("127.0.0.1", 0, TOKEN, jdbcUrl, user, password, true, Duration.ofSeconds(5)));
    }

    /** A server with this configuration; its admin token must be {@link #TOKEN}. */
    RunningServer(ServerConfig config) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        server = SonarScimServer.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
        Matcher m = BASE_URL.matcher(printed.toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            server.close();
            throw new IllegalStateException("no 'SCIM base URL:' line in " + printed);
        }
        baseUrl = m.group(1);
    }

    /** Okta's Basic Auth as SonarQube documents it: the token as user name, an empty password. */
    RunningServer basicAuth() {
        authorization = "Basic " + Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    RunningServer bearer(String token) {
        authorization = token == null ? null : "Bearer " + token;
        return this;
    }

    RunningServer entra() {
        userAgent = "Microsoft Azure AD SCIM provisioning 1.0.0";
        authorization = "Bearer " + TOKEN;
        return this;
    }

    static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    Answer put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    Answer patch(String path, String body) throws IOException, InterruptedException {
        return send("PATCH", path, body);
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/scim+json")
                .header("User-Agent", userAgent);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    /** Stops the server gracefully and closes its database pool. Idempotent. */
    @Override
    public void close() {
        server.close();
    }
}
