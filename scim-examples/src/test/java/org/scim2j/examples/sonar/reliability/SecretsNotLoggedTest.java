package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * What the server process logs (slf4j-simple on stderr, at its default INFO level, as a host runs it) never
 * contains the admin token, a guessed token, a request body or a query string, also when guesses are refused
 * again and again. Every secret below carries the marker {@code S3CRET}, and the whole output is searched for it.
 */
class SecretsNotLoggedTest {

    private static final String MARKER = "S3CRET";

    @TempDir
    Path dir;

    @Test
    void tokensBodiesAndQueriesNeverReachTheLog() throws Exception {
        String token = "scim_" + MARKER + "_token_0123456789abcdef";
        String output;
        try (ServerProcess server = ServerProcess.start(TestDatabase.h2File(dir), token, dir)) {
            ScimHttp scim = server.client();
            // Repeated wrong guesses, in both header forms.
            for (int i = 0; i < 5; i++) {
                assertThat(scim.withToken("guess_" + MARKER + "_" + i).get("/Users").status()).isEqualTo(401);
                assertThat(scim.withToken(null).send("GET", "/Users", null, "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(("basic_" + MARKER + "_" + i + ":")
                        .getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
            }
            assertThat(scim.withToken(null).send("GET", "/Users", null, "Authorization", "Token " + MARKER)
                    .status()).isEqualTo(401);
            // Accepted requests whose bodies and queries carry the marker; a malformed body; a failed uniqueness.
            String body = "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"body-" + MARKER
                    + "@example.com\",\"externalId\":\"" + MARKER + "-external\",\"password\":\"" + MARKER
                    + "-password\",\"active\":true}";
            ScimHttp.Answer created = scim.post("/Users", body);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(scim.post("/Users", body).status()).isEqualTo(409);
            assertThat(scim.post("/Users", "{\"" + MARKER + "\": [").status()).isEqualTo(400);
            assertThat(scim.get("/Users?filter=" + ScimHttp.encode("userName eq \"query-" + MARKER + "\"")).status())
                    .isEqualTo(200);
            assertThat(scim.get("/Users?filter=" + ScimHttp.encode("userName eq \"" + MARKER)).status())
                    .isEqualTo(400);
            assertThat(scim.patch("/Users/" + created.id(), "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],"
                    + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + MARKER + "\"}]}")
                    .status()).isEqualTo(200);
            server.terminate();
            server.awaitExit();
            output = server.output();
        }
        // The capture works: the request lines are there (401s included) ...
        assertThat(output).contains("SCIM POST /Users 201").contains("SCIM GET /Users 401")
                .contains("SCIM POST /Users 409").contains("SCIM PATCH /Users/");
        assertThat(output.lines().filter(l -> l.contains("SCIM GET /Users 401")).count()).isEqualTo(11);
        // ... and no secret, in any case or encoding.
        assertThat(output.toUpperCase(Locale.ROOT)).doesNotContain(MARKER);
        assertThat(output).doesNotContain(Base64.getEncoder().encodeToString(("basic_" + MARKER)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 12));
        assertThat(output).doesNotContain("0123456789abcdef");
    }
}
