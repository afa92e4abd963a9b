package org.scim2j.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * HTTP-level settings of a {@link ScimHttpHandler}, and so of every binding on it ({@code ScimServlet}, ...).
 * Immutable; {@link #defaults()}, {@link #builder()} or {@link ScimConfiguration#httpSettings()} make one:
 *
 * <pre>{@code
 *   ScimHttpSettings settings = ScimHttpSettings.builder()
 *           .enabled(() -> hostSettings.scimEnabled())   // read on every request
 *           .baseUrl("https://sonar.example.com/api/scim/v2")
 *           .build();
 * }</pre>
 *
 * <p>A class with a builder, not a record: a setting added later is one more builder method, not a new
 * constructor parameter that breaks every caller.
 */
public final class ScimHttpSettings {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    private static final ScimHttpSettings DEFAULTS = new Builder().build();

    private final BooleanSupplier enabled;
    private final long maxPayloadBytes;
    private final String baseUrl;
    private final boolean trustForwardedHeaders;

    private ScimHttpSettings(Builder b) {
        this.enabled = Objects.requireNonNull(b.enabled, "enabled");
        if (b.maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
        this.maxPayloadBytes = b.maxPayloadBytes;
        String url = b.baseUrl;
        if (url != null) {
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
        }
        this.baseUrl = url;
        this.trustForwardedHeaders = b.trustForwardedHeaders;
    }

    /** Enabled, 1 MiB bodies, base URL derived from the request, proxy headers ignored. */
    public static ScimHttpSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The enable switch, read on every request; when false every SCIM URL answers 404 and nothing else runs (like
     * SonarQube's {@code sonar.scim.enabled}).
     */
    public BooleanSupplier enabled() {
        return enabled;
    }

    /**
     * The largest request body; a larger one gets 413 without being buffered. The service parses bodies up to its
     * own {@code ScimJson.maxDocumentBytes()} (1 MiB by default): raise both, as {@link ScimConfiguration} does from
     * {@code scim.maxPayloadBytes}.
     */
    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** The absolute SCIM base URL without a trailing {@code /}, or {@code null} to derive it from each request. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Whether {@code Forwarded} / {@code X-Forwarded-*} headers from a reverse proxy are used to derive the base
     * URL (only behind a proxy that sets them).
     */
    public boolean trustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    /** This with another enable switch. */
    public ScimHttpSettings withEnabled(BooleanSupplier value) {
        return toBuilder().enabled(value).build();
    }

    /** This with another body limit. */
    public ScimHttpSettings withMaxPayloadBytes(long value) {
        return toBuilder().maxPayloadBytes(value).build();
    }

    /** This with a fixed base URL. */
    public ScimHttpSettings withBaseUrl(String value) {
        return toBuilder().baseUrl(value).build();
    }

    /** This trusting (or not) proxy headers. */
    public ScimHttpSettings withTrustForwardedHeaders(boolean value) {
        return toBuilder().trustForwardedHeaders(value).build();
    }

    @Override
    public boolean equals(Object o) {
        // The switch compares by identity: two suppliers cannot be compared by what they would return.
        return o instanceof ScimHttpSettings s && enabled == s.enabled && maxPayloadBytes == s.maxPayloadBytes
                && Objects.equals(baseUrl, s.baseUrl) && trustForwardedHeaders == s.trustForwardedHeaders;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(enabled), maxPayloadBytes, baseUrl, trustForwardedHeaders);
    }

    @Override
    public String toString() {
        return "ScimHttpSettings[maxPayloadBytes=" + maxPayloadBytes + ", baseUrl=" + baseUrl
                + ", trustForwardedHeaders=" + trustForwardedHeaders + "]";
    }

    /** Builds {@link ScimHttpSettings}; every setting starts at its {@link #defaults() default}. */
    public static final class Builder {

        private BooleanSupplier enabled = () -> true;
        private long maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private String baseUrl;
        private boolean trustForwardedHeaders;

        private Builder() {
        }

        private Builder(ScimHttpSettings s) {
            enabled = s.enabled;
            maxPayloadBytes = s.maxPayloadBytes;
            baseUrl = s.baseUrl;
            trustForwardedHeaders = s.trustForwardedHeaders;
        }

        /**
         * See {@link ScimHttpSettings#enabled()}. Default: always enabled. A host's switch that can change at
         * run time goes here; it replaces the {@code scim.enabled} key of {@link ScimConfiguration}.
         */
        public Builder enabled(BooleanSupplier value) {
            enabled = value;
            return this;
        }

        /** See {@link ScimHttpSettings#maxPayloadBytes()}. Default {@link #DEFAULT_MAX_PAYLOAD_BYTES}. */
        public Builder maxPayloadBytes(long value) {
            maxPayloadBytes = value;
            return this;
        }

        /** See {@link ScimHttpSettings#baseUrl()}; a trailing {@code /} is dropped. Default: derived. */
        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        /** See {@link ScimHttpSettings#trustForwardedHeaders()}. Default false. */
        public Builder trustForwardedHeaders(boolean value) {
            trustForwardedHeaders = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException if {@code maxPayloadBytes} is not positive
         * @throws NullPointerException     if {@code enabled} is null
         */
        public ScimHttpSettings build() {
            return new ScimHttpSettings(this);
        }
    }
}
