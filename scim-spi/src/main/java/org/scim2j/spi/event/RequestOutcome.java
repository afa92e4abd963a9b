package org.scim2j.spi.event;

import org.scim2j.spi.RequestContext;

import java.time.Duration;
import java.util.Objects;

/**
 * How one request ended.
 *
 * @param method       the HTTP method ({@code GET}, {@code POST}, ...)
 * @param resourceType what the request addressed: a resource type's name ({@code User}, {@code Group}),
 *                     {@code Bulk}, {@code ServiceProviderConfig}, {@code ResourceType} or {@code Schema}
 *                     (RFC 7643 §5-§7); {@code null} when unknown (an unknown path, a request refused before it
 *                     was routed, a search across resource types)
 * @param status       the HTTP status sent
 * @param scimType     the error's {@code scimType} (RFC 7644 §3.12), or {@code null} for a success or an error
 *                     without one
 * @param duration     the time from the request's arrival in scim2j to its response, the body not yet written
 * @param context      who asked, with the request id, tenant and operation
 */
public record RequestOutcome(String method, String resourceType, int status, String scimType, Duration duration,
                             RequestContext context) {

    /** Requires the method, duration and context. */
    public RequestOutcome {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(context, "context");
    }
}
