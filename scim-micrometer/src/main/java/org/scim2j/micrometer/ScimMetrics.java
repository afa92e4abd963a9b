package org.scim2j.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.event.WriteEvent;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Records what a {@link org.scim2j.spi.service.ScimService} does in a Micrometer {@link MeterRegistry}:
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter</th><th>tags</th></tr>
 * <tr><td>timer {@value #REQUESTS}: every request, with its duration</td><td>{@code method} ({@code GET},
 *     {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, else {@code OTHER}), {@code resourceType}
 *     ({@code User}, {@code Group}, {@code Bulk}, {@code Schema}, ..., {@code none} when unknown), {@code status}
 *     ({@code 200}, {@code 404}, ...), {@code scimType} (RFC 7644 §3.12, e.g. {@code uniqueness}; {@code none}),
 *     {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, ...)</td></tr>
 * <tr><td>counter {@value #WRITES}: every write that changed something</td><td>{@code kind} ({@code CREATED},
 *     {@code REPLACED}, {@code PATCHED}, {@code DELETED}), {@code resourceType}</td></tr>
 * </table>
 *
 * <pre>{@code
 *   ScimService scim = ScimService.builder().users(users).groups(groups)
 *       .observer(new ScimMetrics(meterRegistry))
 *       .build();
 * }</pre>
 *
 * <p>Every tag value comes from a closed set, whatever a client sends (an unknown HTTP method is {@code OTHER}), so
 * the number of time series stays bounded. The Spring Boot starter registers one when the application has a
 * {@link MeterRegistry} bean. Thread-safe.
 */
public final class ScimMetrics implements ScimObserver {

    /** The timer of requests. */
    public static final String REQUESTS = "scim.requests";

    /** The counter of writes. */
    public static final String WRITES = "scim.writes";

    private static final String NONE = "none";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final MeterRegistry registry;

    /** Records into {@code registry}. */
    public ScimMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onOutcome(RequestOutcome outcome) {
        Timer.builder(REQUESTS)
                .description("SCIM requests, by method, resource type and status")
                .tag("method", method(outcome.method()))
                .tag("resourceType", orNone(outcome.resourceType()))
                .tag("status", Integer.toString(outcome.status()))
                .tag("scimType", orNone(outcome.scimType()))
                .tag("outcome", outcome(outcome.status()))
                .register(registry)
                .record(outcome.duration());
    }

    @Override
    public void onWrite(WriteEvent event) {
        Counter.builder(WRITES)
                .description("SCIM writes that changed a resource, by kind and resource type")
                .tag("kind", event.kind().name())
                .tag("resourceType", event.resourceType())
                .register(registry)
                .increment();
    }

    private static String method(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return METHODS.contains(upper) ? upper : "OTHER";
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    /** The status class, named as Spring's and Micrometer's HTTP metrics name it. */
    private static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300 && status >= 200) {
            return "SUCCESS";
        } else if (status >= 300 && status < 400) {
            return "REDIRECTION";
        } else if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        } else if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }
}
