package org.scim2j.examples.sonar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar of README's quick start ({@code java -jar scim-examples/target/scim-example-server.jar}) as a host
 * runs it: it migrates an H2 file database, serves SCIM as Okta calls it, answers a container-level error as a
 * SCIM error, and stops gracefully on SIGTERM. Failsafe runs it after {@code package} with
 * {@code -Dscim.test.serverJar} naming the jar just built, so a shading mistake (a lost service file, a missing
 * class) fails the build instead of the first user.
 */
class ShadedJarIT {

    private static final String TOKEN = "shaded-jar-it-token-4b8e2f6a1c9d3075e2a4c6b8d0f1e3a5";

    @Test
    void theShadedJarServesOktaAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        assertThat(System.getProperty(ServerProcess.JAR_PROPERTY)).as("failsafe names the jar under test")
                .isNotBlank();
        try (TestDatabase database = TestDatabase.h2File(dir);
             ServerProcess server = ServerProcess.start(database, TOKEN, dir)) {
            ScimHttp scim = server.client();

            ScimHttp.Answer created = scim.post("/Users", ScimHttp.user("Jane.Doe@example.com"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // Okta's lookup, with the token as HTTP Basic user name (IDP-TRAFFIC.md, SonarQube)
            String basic = "Basic " + Base64.getEncoder().encodeToString((TOKEN + ":")
                    .getBytes(StandardCharsets.UTF_8));
            ScimHttp.Answer found = scim.withToken(null).send("GET", "/Users?filter="
                    + ScimHttp.encode("userName eq \"jane.doe@EXAMPLE.com\""), null, "Authorization", basic);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            JsonNode resources = found.json().path("Resources");
            assertThat(resources).hasSize(1);
            assertThat(resources.get(0).path("id").asText()).isEqualTo(created.id());
            assertThat(scim.get("/ServiceProviderConfig").json().path("patch").path("supported").asBoolean())
                    .isTrue();
            // a path Jetty refuses itself is still answered as a SCIM error (ScimErrorHandler)
            ScimHttp.Answer refused = scim.get("/Users/..%2F..%2Fetc%2Fpasswd");
            assertThat(refused.status()).isIn(400, 404);
            assertThat(refused.json().path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

            server.terminate();
            // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran; "stopped" is the last of them
            assertThat(server.awaitExit()).as(server.output()).isEqualTo(143);
            assertThat(server.output()).contains("SonarScimServer - stopped").doesNotContain(TOKEN);
        }
    }
}
