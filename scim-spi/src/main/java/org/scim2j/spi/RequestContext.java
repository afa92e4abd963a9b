package org.scim2j.spi;

import java.util.Objects;

/**
 * Who is asking and which request this is, passed to every repository call so that a host can audit and
 * authorise. Immutable.
 *
 * @param principal the authenticated subject's name (never a token), or {@code null} when unauthenticated
 * @param requestId an id for log correlation
 */
public record RequestContext(String principal, String requestId) {

    /** Requires a request id. */
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
    }

    /** A context for calls made outside any HTTP request (tests, jobs). */
    public static RequestContext system() {
        return new RequestContext("system", "system");
    }
}
