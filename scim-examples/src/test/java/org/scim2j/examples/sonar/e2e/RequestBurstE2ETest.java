package org.scim2j.examples.sonar.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scim2j.examples.sonar.ServerConfig;
import org.scim2j.examples.sonar.store.UnmappedAttributes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst larger than {@code SCIM_MAX_CONCURRENT_REQUESTS} waits for its turn instead of being refused or running
 * the heap out: identity providers send bursts (issue 8), and a read of a large group holds its members in memory.
 */
@Tag("e2e")
class RequestBurstE2ETest {

    @Test
    void aBurstBeyondTheLimitIsServedInTurn() throws Exception {
        ServerConfig oneAtATime = new ServerConfig("127.0.0.1", 0, RunningServer.TOKEN,
                "jdbc:h2:mem:burst-" + UUID.randomUUID(), "sa", "", true, Duration.ofSeconds(5), Set.of("Group"), 1,
                UnmappedAttributes.KEEP, java.util.Map.of(), Set.of("saml"));
        try (RunningServer scim = new RunningServer(oneAtATime)) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                members.add(scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"burst" + i + "@example.com\"}").body().path("id").asText());
            }
            String group = scim.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"burst\",\"members\":[" + String.join(",", members.stream()
                    .map(id -> "{\"value\":\"" + id + "\"}").toList()) + "]}").body().path("id").asText();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Callable<RunningServer.Answer>> burst = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    burst.add(i % 2 == 0 ? () -> scim.get("/Groups/" + group) : () -> scim.get("/Users?count=20"));
                }
                for (Future<RunningServer.Answer> answer : clients.invokeAll(burst)) {
                    assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
                    assertThat(answer.get().body().has("members") ? answer.get().body().path("members")
                            : answer.get().body().path("Resources")).hasSize(20);
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
