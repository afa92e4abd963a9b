package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Paths an attacker (or a broken client) sends, written byte for byte on a socket so that no client library
 * normalises them: every answer is a SCIM Error body, whether Jetty refuses the request itself or the servlet
 * answers, and never an HTML page or a stack trace.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsE2ETest {

    private RunningServer server;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        server = new RunningServer();
        base = URI.create(server.baseUrl);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Users/..%2F..%2Fetc%2Fpasswd", "/Users/abc%00def", "/Users/%2e%2e/%2e%2e/x",
            "/Users/a%5Cb", "/../../etc/passwd", "/Users/%3Cscript%3E", "/Users/does-not-exist", "/Nothing",
            "/Users/LONG"})
    void hostilePathsGetScimErrors(String suffix) throws Exception {
        String path = base.getPath() + suffix.replace("LONG", "x".repeat(20_000));
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + RunningServer.TOKEN + "\r\nConnection: close\r\n\r\n");
        assertThat(response).matches("(?s)HTTP/1\\.1 (400|404|414) .*");
        assertThat(response).containsIgnoringCase("Content-Type: application/scim+json");
        assertThat(response).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response).doesNotContain("<html").doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Issue 13 finding 8: a 60 KB invalid filter once came back as a 60 KB error body. */
    @Test
    void anErrorDetailEchoesOnlyABoundedPartOfAHugeFilter() throws Exception {
        String filter = "userName eq \"" + "x".repeat(60_000) + "\" and";

        RunningServer.Answer answer = server.post("/Users/.search", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"" + filter.replace("\"", "\\\"")
                + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(answer.raw().body().length()).as("error body size").isLessThan(1_500);
        assertThat(answer.body().path("detail").asText()).contains("characters left out")
                .endsWith("longer than the limit of 16384 characters");
    }

    /** Issue 13, finding 7: with two Authorization headers the first one won. */
    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        String response = raw("GET " + base.getPath() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + RunningServer.TOKEN + "\r\nAuthorization: Bearer someone-else\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("urn:ietf:params:scim:api:messages:2.0:Error")
                .contains("one Authorization header").doesNotContain("Resources");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
