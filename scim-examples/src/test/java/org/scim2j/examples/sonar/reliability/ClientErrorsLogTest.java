package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Issue 13, finding 11: a client could flood the server's log with ERROR lines and stack traces, 35 lines per
 * {@code GET /Me} (which this host does not implement, 501) and one "failure" with a 500 per request body it cut
 * short. ERROR is for the server's own failures: these leave an INFO request line each, and no stack trace.
 */
class ClientErrorsLogTest {

    @TempDir
    Path dir;

    @Test
    void whatAClientCausesIsNeitherAnErrorNorAStackTraceInTheLog() throws Exception {
        String output;
        try (ServerProcess server = ServerProcess.start(TestDatabase.h2File(dir), "scim_log_token_0123456789abcdefABCDEF",
                dir)) {
            ScimHttp scim = server.client();
            for (int i = 0; i < 3; i++) {
                ScimHttp.Answer me = scim.get("/Me");
                assertThat(me.status()).as("%s", me).isEqualTo(501);
                assertThat(me.header("X-Request-Id")).as("the request id is echoed").isNotBlank();
            }
            URI base = URI.create(scim.baseUrl);
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout(20_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + base.getPath() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                            + "Bearer scim_log_token_0123456789abcdefABCDEF\r\nContent-Type: application/scim+json\r\n"
                            + "Content-Length: 4000\r\nX-Request-Id: cut-short-" + i + "\r\n\r\n{\"schemas\":[")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    socket.shutdownOutput();
                    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response).startsWith("HTTP/1.1 400");
                }
            }
            server.terminate();
            server.awaitExit();
            output = server.output();
        }
        assertThat(output).contains("SCIM GET /Me 501").contains("SCIM POST /Users 400")
                .contains("id=cut-short-2");
        assertThat(output).doesNotContain(" ERROR ").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
