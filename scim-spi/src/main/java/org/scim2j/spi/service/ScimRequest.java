package org.scim2j.spi.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SCIM request, independent of any transport: what the servlet (or a test) hands to {@link ScimService}.
 *
 * @param method    the HTTP method, upper case ({@code GET}, {@code POST}, {@code PUT}, {@code PATCH},
 *                  {@code DELETE})
 * @param path      the path under the SCIM base, decoded, starting with {@code /} ({@code /Users/2819c223})
 * @param query     the decoded query parameters
 * @param headers   the request headers that matter ({@code If-Match}, {@code If-None-Match}, ...); names are
 *                  matched ignoring case
 * @param body      the request body, empty when there is none
 * @param principal the authenticated subject's name, or {@code null}
 * @param baseUrl   the absolute SCIM base URL without trailing slash, for {@code meta.location} and
 *                  {@code Location} ({@code https://example.com/api/scim/v2})
 * @param requestId  an id for log correlation
 * @param attributes what the authenticator attached to the principal (tenant, roles; see
 *                   {@link org.scim2j.spi.RequestContext#attributes()}), empty when nothing
 */
public record ScimRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          byte[] body, String principal, String baseUrl, String requestId,
                          Map<String, Object> attributes) {

    /** Copies the collections and normalises the method and header names. */
    public ScimRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path");
        Map<String, List<String>> q = new LinkedHashMap<>();
        Objects.requireNonNull(query, "query").forEach((k, v) -> q.put(k, List.copyOf(v)));
        query = Collections.unmodifiableMap(q);
        Map<String, String> h = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
        baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        requestId = requestId == null ? "-" : requestId;
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A request whose principal carries no attributes. */
    public ScimRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                       byte[] body, String principal, String baseUrl, String requestId) {
        this(method, path, query, headers, body, principal, baseUrl, requestId, Map.of());
    }

    /** A request without body, query, headers or principal, for tests and tools. */
    public static ScimRequest of(String method, String path, String baseUrl) {
        return new ScimRequest(method, path, Map.of(), Map.of(), null, null, baseUrl, null);
    }

    /** The first value of a query parameter, matching the name ignoring case, or {@code null}. */
    public String queryParameter(String name) {
        List<String> exact = query.get(name);
        if (exact != null && !exact.isEmpty()) {
            return exact.get(0);
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** A header value, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the request has a non-empty body. */
    public boolean hasBody() {
        return body.length > 0;
    }

    /** This request with another method and path, body and query (used by bulk and {@code /.search}). */
    public ScimRequest derive(String newMethod, String newPath, Map<String, List<String>> newQuery,
                              Map<String, String> newHeaders, byte[] newBody) {
        return new ScimRequest(newMethod, newPath, newQuery, newHeaders, newBody, principal, baseUrl, requestId,
                attributes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScimRequest r && method.equals(r.method) && path.equals(r.path) && query.equals(r.query)
                && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body)
                && Objects.equals(principal, r.principal) && baseUrl.equals(r.baseUrl)
                && requestId.equals(r.requestId) && attributes.equals(r.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, java.util.Arrays.hashCode(body), principal, baseUrl);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " [" + body.length + " bytes]";
    }
}
