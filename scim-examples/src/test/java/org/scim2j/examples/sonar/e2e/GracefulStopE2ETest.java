package org.scim2j.examples.sonar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Stopping while requests are in flight loses nothing that was acknowledged (an H2 file database, restarted). */
@Tag("e2e")
class GracefulStopE2ETest {

    @Test
    void everyAcknowledgedCreateSurvivesAStopDuringTraffic(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("scim").toAbsolutePath();
        List<String> acknowledged = new ArrayList<>();
        RunningServer first = new RunningServer(url);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<RunningServer.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u" + i
                        + "\",\"active\":true}";
                sent.add(clients.submit(() -> first.post("/Users", body)));
                if (i == 20) {
                    clients.submit(first::close);
                }
            }
            for (Future<RunningServer.Answer> future : sent) {
                try {
                    RunningServer.Answer answer = future.get(1, TimeUnit.MINUTES);
                    if (answer.status() == 201) {
                        acknowledged.add(answer.body().path("id").asText());
                    }
                } catch (java.util.concurrent.ExecutionException refused) {
                    // A request sent after the stop began is refused or finds no listener: not acknowledged.
                }
            }
        } finally {
            // Let the stop task finish its graceful drain; interrupting it would cut the drain short.
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("clients and the stop finished").isTrue();
            first.close();
        }
        assertThat(acknowledged).as("some creates were acknowledged before the stop").isNotEmpty();

        try (RunningServer second = new RunningServer(url)) {
            for (String id : acknowledged) {
                assertThat(second.get("/Users/" + id).status()).as("acknowledged user %s", id).isEqualTo(200);
            }
        }
    }
}
