package org.scim2j.spi.service;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SCIM response, independent of any transport.
 *
 * @param status  the HTTP status
 * @param headers the response headers ({@code Content-Type}, {@code Location}, {@code ETag}, {@code Allow})
 * @param body    the body, empty for 204 and 304
 */
public record ScimResponse(int status, Map<String, String> headers, byte[] body) {

    /** The media type of every SCIM body (RFC 7644 §3.1). */
    public static final String CONTENT_TYPE = "application/scim+json; charset=utf-8";

    /** Copies the headers. */
    public ScimResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        body = body == null ? new byte[0] : body;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header value (names ignoring case), or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScimResponse r && status == r.status && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + bodyText();
    }
}
