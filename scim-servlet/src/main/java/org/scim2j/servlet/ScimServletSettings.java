package org.scim2j.servlet;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * HTTP-level settings of a {@link ScimServlet}. Immutable.
 *
 * @param enabled               read on every request; when false every SCIM URL answers 404 and nothing else runs
 *                              (like SonarQube's {@code sonar.scim.enabled})
 * @param maxPayloadBytes       the largest request body; a larger one gets 413 without being buffered. The
 *                              service parses bodies up to its own {@code ScimJson.maxDocumentBytes()} (1 MiB by
 *                              default): raise both, as {@code ScimConfiguration} does from
 *                              {@code scim.maxPayloadBytes}
 * @param baseUrl               the absolute SCIM base URL, or {@code null} to derive it from each request
 * @param trustForwardedHeaders whether {@code Forwarded} / {@code X-Forwarded-*} headers from a reverse proxy are
 *                              used to derive the base URL (only behind a proxy that sets them)
 */
public record ScimServletSettings(BooleanSupplier enabled, long maxPayloadBytes, String baseUrl,
                                  boolean trustForwardedHeaders) {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    /** Checks the parts. */
    public ScimServletSettings {
        Objects.requireNonNull(enabled, "enabled");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
        if (baseUrl != null) {
            while (baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
        }
    }

    /** Enabled, 1 MiB bodies, base URL derived from the request, proxy headers ignored. */
    public static ScimServletSettings defaults() {
        return new ScimServletSettings(() -> true, DEFAULT_MAX_PAYLOAD_BYTES, null, false);
    }

    /** This with another enable switch. */
    public ScimServletSettings withEnabled(BooleanSupplier value) {
        return new ScimServletSettings(value, maxPayloadBytes, baseUrl, trustForwardedHeaders);
    }

    /** This with another body limit. */
    public ScimServletSettings withMaxPayloadBytes(long value) {
        return new ScimServletSettings(enabled, value, baseUrl, trustForwardedHeaders);
    }

    /** This with a fixed base URL. */
    public ScimServletSettings withBaseUrl(String value) {
        return new ScimServletSettings(enabled, maxPayloadBytes, value, trustForwardedHeaders);
    }

    /** This trusting (or not) proxy headers. */
    public ScimServletSettings withTrustForwardedHeaders(boolean value) {
        return new ScimServletSettings(enabled, maxPayloadBytes, baseUrl, value);
    }
}
