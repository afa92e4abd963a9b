package org.scim2j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimService;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The meters a real {@link ScimService} with {@link ScimMetrics} produces, read from a SimpleMeterRegistry. */
class ScimMetricsTest {

    private static final String BASE = "https://example.com/scim/v2";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScimService scim = ScimService.builder()
            .users(new InMemoryUserRepository())
            .groups(new InMemoryGroupRepository())
            .observer(new ScimMetrics(registry))
            .build();

    private int send(String method, String path, String body) {
        ScimRequest request = new ScimRequest(method, path, Map.of(),
                Map.of("Content-Type", "application/scim+json"),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "okta", BASE, "r-1");
        return scim.handle(request).status();
    }

    private Timer timer(String method, String resourceType, String status, String scimType, String outcome) {
        return registry.find(ScimMetrics.REQUESTS).tags("method", method, "resourceType", resourceType,
                "status", status, "scimType", scimType, "outcome", outcome).timer();
    }

    private static final String BJENSEN =
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bjensen\"}";

    @Test
    void everyRequestIsTimedByMethodResourceTypeStatusAndScimType() {
        send("POST", "/Users", BJENSEN);
        send("POST", "/Users", BJENSEN);
        send("GET", "/Users", null);
        send("GET", "/Users", null);

        Timer created = timer("POST", "User", "201", "none", "SUCCESS");
        Timer conflict = timer("POST", "User", "409", "uniqueness", "CLIENT_ERROR");
        Timer listed = timer("GET", "User", "200", "none", "SUCCESS");
        assertThat(created).isNotNull();
        assertThat(created.count()).isEqualTo(1);
        assertThat(created.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(conflict).isNotNull();
        assertThat(conflict.count()).isEqualTo(1);
        assertThat(listed.count()).isEqualTo(2);
    }

    @Test
    void everyWriteThatChangedSomethingIsCountedByKindAndResourceType() {
        send("POST", "/Users", BJENSEN);
        send("POST", "/Users", BJENSEN);   // 409: no write
        send("POST", "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"admins\"}");

        assertThat(registry.find(ScimMetrics.WRITES).tags("kind", "CREATED", "resourceType", "User").counter()
                .count()).isEqualTo(1.0);
        assertThat(registry.find(ScimMetrics.WRITES).tags("kind", "CREATED", "resourceType", "Group").counter()
                .count()).isEqualTo(1.0);
    }

    @Test
    void tagValuesComeFromClosedSetsWhateverTheClientSends() {
        send("BREW", "/Users", null);
        send("brew2", "/Users", null);
        send("GET", "/NoSuchEndpoint/" + "x".repeat(200), null);

        assertThat(registry.find(ScimMetrics.REQUESTS).tag("method", "OTHER").timers())
                .as("unknown methods share one value").isNotEmpty();
        assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags())
                .extracting(t -> t.getValue()).noneMatch(v -> v.contains("brew") || v.contains("BREW")
                        || v.contains("NoSuchEndpoint"));
        assertThat(registry.find(ScimMetrics.REQUESTS).tag("resourceType", "none").meters())
                .extracting(Meter::getId).isNotEmpty();
    }
}
