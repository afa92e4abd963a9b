package org.scim2j.testkit.idp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends requests the way one identity provider does (its {@code User-Agent}, {@code Accept} and
 * {@code Content-Type}), with the JDK's HTTP client, and reads the answers as JSON.
 */
public final class ScimHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as Okta and Entra ID send it; the JDK's default would offer an h2c upgrade no IdP sends.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final String baseUrl;
    private final String authorization;
    private final String userAgent;
    private final String contentType;

    /**
     * @param baseUrl       the SCIM base URL, without trailing slash
     * @param authorization the {@code Authorization} header value, or {@code null}
     * @param userAgent     the {@code User-Agent} the identity provider sends
     * @param contentType   the {@code Content-Type} it sends with a body
     */
    public ScimHttp(String baseUrl, String authorization, String userAgent, String contentType) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.authorization = authorization;
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    /** One answer, with the request that produced it, for failure messages. */
    public record Answer(String request, int status, String contentType, String text, JsonNode body) {

        /** The answer as a failure message shows it (its body cut at 600 characters). */
        @Override
        public String toString() {
            String shown = text.length() > 600 ? text.substring(0, 600) + "..." : text;
            return request + " answered " + status + (shown.isEmpty() ? " (no body)" : " " + shown);
        }
    }

    /** A query parameter value percent-encoded as Okta and Entra ID send it ({@code %20} for a space). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Parses JSON text written by a suite. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** GET {@code base + path}. */
    public Answer get(String path) {
        return send("GET", path, null);
    }

    /** POST a JSON body. */
    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    /** PUT a JSON body. */
    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** PATCH a JSON body. */
    public Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** DELETE. */
    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, Object body) {
        String shown = method + " " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/scim+json")
                .header("User-Agent", userAgent);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : body.toString();
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(shown + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(shown + " was interrupted", e);
        }
        String text = response.body() == null ? "" : response.body();
        JsonNode json;
        try {
            json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            json = JSON.missingNode();
        }
        return new Answer(shown, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                text, json);
    }
}
