package org.scim2j.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Plain HTTP to an application started on a random port, as an identity provider sends it. */
final class HttpClientForTests {

    /** The token whose SHA-256 is {@code scim.token.sha256} in the test {@code application.properties}. */
    static final String TOKEN = "okta-and-entra-token";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String root;

    private HttpClientForTests(String root) {
        this.root = root;
    }

    /** Starts an application on a free port. */
    static ConfigurableApplicationContext start(Class<?> application, String... arguments) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(arguments));
        return SpringApplication.run(application, args.toArray(String[]::new));
    }

    /** A client of the started application's root URL. */
    static HttpClientForTests of(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpClientForTests("http://127.0.0.1:" + port);
    }

    /** The application's root URL, e.g. {@code http://127.0.0.1:41234}. */
    String root() {
        return root;
    }

    record Reply(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    /** A request with the token as Bearer (Entra ID, Okta's "HTTP Header" mode). */
    Reply bearer(String method, String path, String body) {
        return send(method, path, body, "Bearer " + TOKEN);
    }

    /** A request with the token as Basic user name and an empty password (Okta's Basic Auth mode for SonarQube). */
    Reply basic(String method, String path, String body) {
        return send(method, path, body, "Basic " + Base64.getEncoder()
                .encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8)));
    }

    Reply send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Accept", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
