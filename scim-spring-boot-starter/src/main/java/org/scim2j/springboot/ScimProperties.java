package org.scim2j.springboot;

import org.scim2j.core.patch.Tolerance;
import org.scim2j.http.ScimConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scim.*} properties of a Spring Boot application: where the SCIM servlet is mapped, which token it
 * accepts, and every key of {@link ScimConfiguration} (same names, same defaults; Spring's relaxed binding also
 * accepts {@code scim.base-url} for {@code scim.baseUrl}). A property left unset keeps {@link ScimConfiguration}'s
 * default, which its table documents.
 *
 * <pre>
 *   scim.path=/scim/v2
 *   scim.token.sha256=3b1f...   # sha256sum of the token an identity provider sends
 *   scim.patch.no-content=Group
 * </pre>
 */
@ConfigurationProperties("scim")
public class ScimProperties {

    /** Servlet path the SCIM base URL is mapped at; the servlet serves it and everything below it. */
    private String path = "/scim/v2";

    /** False: every SCIM URL answers 404 (default true). */
    private Boolean enabled;

    /** Absolute base URL for Location and meta.location (default: derived from each request). */
    private String baseUrl;

    /** Derive the base URL from Forwarded / X-Forwarded-* headers, only behind a proxy that sets them (default false). */
    private Boolean trustForwardedHeaders;

    /** Largest request body in bytes, 413 beyond (default 1048576). */
    private Long maxPayloadBytes;

    /** Page size when a query gives none (default 100). */
    private Integer defaultCount;

    /** Largest page, advertised as filter.maxResults (default 1000). */
    private Integer maxResults;

    private final Token token = new Token();
    private final Filter filter = new Filter();
    private final Patch patch = new Patch();
    private final Cursor cursor = new Cursor();
    private final Bulk bulk = new Bulk();

    /** The keys {@link ScimConfiguration#of(Map)} reads, for the properties that are set. */
    public Map<String, String> toConfigurationKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        put(keys, "scim.enabled", enabled);
        put(keys, "scim.baseUrl", baseUrl);
        put(keys, "scim.trustForwardedHeaders", trustForwardedHeaders);
        put(keys, "scim.maxPayloadBytes", maxPayloadBytes);
        put(keys, "scim.defaultCount", defaultCount);
        put(keys, "scim.maxResults", maxResults);
        put(keys, "scim.filter.lenient", filter.lenient);
        put(keys, "scim.filter.unsupported", filter.unsupported);
        put(keys, "scim.filter.maxScan", filter.maxScan);
        put(keys, "scim.patch.profile", patch.profile);
        patch.tolerance.forEach((name, on) -> put(keys, "scim.patch.tolerance." + tolerance(name).name(), on));
        if (!patch.noContent.isEmpty()) {
            keys.put("scim.patch.noContent", String.join(",", patch.noContent));
        }
        put(keys, "scim.patch.maxOperations", patch.maxOperations);
        put(keys, "scim.patch.maxValuesPerAttribute", patch.maxValuesPerAttribute);
        put(keys, "scim.cursor.secret", cursor.secret);
        put(keys, "scim.bulk.maxOperations", bulk.maxOperations);
        put(keys, "scim.bulk.maxPayloadBytes", bulk.maxPayloadBytes);
        return keys;
    }

    /**
     * A tolerance by its name in any of the forms Spring's binding leaves of a map key: {@code EMPTY_OPERATIONS},
     * {@code empty-operations}, or {@code emptyoperations} (a key outside {@code [...]} loses its underscores).
     */
    private static Tolerance tolerance(String name) {
        String wanted = name.replace("_", "").replace("-", "");
        for (Tolerance tolerance : Tolerance.values()) {
            if (tolerance.name().replace("_", "").equalsIgnoreCase(wanted)) {
                return tolerance;
            }
        }
        throw new IllegalArgumentException("scim.patch.tolerance." + name + ": no such tolerance; the names are "
                + Arrays.toString(Tolerance.values()));
    }

    private static void put(Map<String, String> keys, String key, Object value) {
        if (value != null) {
            keys.put(key, value.toString());
        }
    }

    /** See {@link #setPath}. */
    public String getPath() {
        return path;
    }

    /** The servlet path of the SCIM base URL, e.g. {@code /scim/v2}; it must start with {@code /}. */
    public void setPath(String path) {
        this.path = path;
    }

    /** See {@link #setEnabled}. */
    public Boolean getEnabled() {
        return enabled;
    }

    /** {@code scim.enabled}. */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** See {@link #setBaseUrl}. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** {@code scim.baseUrl}. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** See {@link #setTrustForwardedHeaders}. */
    public Boolean getTrustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    /** {@code scim.trustForwardedHeaders}. */
    public void setTrustForwardedHeaders(Boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /** See {@link #setMaxPayloadBytes}. */
    public Long getMaxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** {@code scim.maxPayloadBytes}. */
    public void setMaxPayloadBytes(Long maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** See {@link #setDefaultCount}. */
    public Integer getDefaultCount() {
        return defaultCount;
    }

    /** {@code scim.defaultCount}. */
    public void setDefaultCount(Integer defaultCount) {
        this.defaultCount = defaultCount;
    }

    /** See {@link #setMaxResults}. */
    public Integer getMaxResults() {
        return maxResults;
    }

    /** {@code scim.maxResults}. */
    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    /** {@code scim.token.*}. */
    public Token getToken() {
        return token;
    }

    /** {@code scim.filter.*}. */
    public Filter getFilter() {
        return filter;
    }

    /** {@code scim.patch.*}. */
    public Patch getPatch() {
        return patch;
    }

    /** {@code scim.cursor.*}. */
    public Cursor getCursor() {
        return cursor;
    }

    /** {@code scim.bulk.*}. */
    public Bulk getBulk() {
        return bulk;
    }

    /** The one token identity providers send (Bearer, or Basic with the token as user name), stored hashed. */
    public static class Token {

        /** Hex SHA-256 of the token's UTF-8 bytes (64 hex digits), e.g. from `printf %s "$TOKEN" | sha256sum`. */
        private String sha256;

        /** Principal name the token authenticates as, seen by repositories in RequestContext. */
        private String principal = "scim";

        /** See {@link #setSha256}. */
        public String getSha256() {
            return sha256;
        }

        /** The token's hex SHA-256; without it (and without an {@code Authenticator} bean) the start fails. */
        public void setSha256(String sha256) {
            this.sha256 = sha256;
        }

        /** See {@link #setPrincipal}. */
        public String getPrincipal() {
            return principal;
        }

        /** The principal name of the token (default {@code scim}). */
        public void setPrincipal(String principal) {
            this.principal = principal;
        }
    }

    /** {@code scim.filter.*}. */
    public static class Filter {

        /** Accept unquoted filter values and Entra ID's emails[type eq "work"].value eq "x" (default true). */
        private Boolean lenient;

        /** Filters the repository cannot run: "reject" or "memory" (evaluate in memory; the default). */
        private String unsupported;

        /** Most resources an in-memory filter evaluation reads (default 10000). */
        private Integer maxScan;

        /** See {@link #setLenient}. */
        public Boolean getLenient() {
            return lenient;
        }

        /** {@code scim.filter.lenient}. */
        public void setLenient(Boolean lenient) {
            this.lenient = lenient;
        }

        /** See {@link #setUnsupported}. */
        public String getUnsupported() {
            return unsupported;
        }

        /** {@code scim.filter.unsupported}. */
        public void setUnsupported(String unsupported) {
            this.unsupported = unsupported;
        }

        /** See {@link #setMaxScan}. */
        public Integer getMaxScan() {
            return maxScan;
        }

        /** {@code scim.filter.maxScan}. */
        public void setMaxScan(Integer maxScan) {
            this.maxScan = maxScan;
        }
    }

    /** {@code scim.patch.*}. */
    public static class Patch {

        /** PATCH profile: strict, okta, entra or lenient (the default). */
        private String profile;

        /** Switches one tolerance of the profile on or off, by name, e.g. empty-operations=false. */
        private Map<String, Boolean> tolerance = new LinkedHashMap<>();

        /** Resource types whose PATCH answers 204 No Content, e.g. Group. */
        private List<String> noContent = new ArrayList<>();

        /** Most operations per PATCH request (default 1000). */
        private Integer maxOperations;

        /** Most values one PATCH operation gives one multi-valued attribute (default 100000). */
        private Integer maxValuesPerAttribute;

        /** See {@link #setProfile}. */
        public String getProfile() {
            return profile;
        }

        /** {@code scim.patch.profile}. */
        public void setProfile(String profile) {
            this.profile = profile;
        }

        /** See {@link #setTolerance}. */
        public Map<String, Boolean> getTolerance() {
            return tolerance;
        }

        /** {@code scim.patch.tolerance.NAME}. */
        public void setTolerance(Map<String, Boolean> tolerance) {
            this.tolerance = tolerance;
        }

        /** See {@link #setNoContent}. */
        public List<String> getNoContent() {
            return noContent;
        }

        /** {@code scim.patch.noContent}. */
        public void setNoContent(List<String> noContent) {
            this.noContent = noContent;
        }

        /** See {@link #setMaxOperations}. */
        public Integer getMaxOperations() {
            return maxOperations;
        }

        /** {@code scim.patch.maxOperations}. */
        public void setMaxOperations(Integer maxOperations) {
            this.maxOperations = maxOperations;
        }

        /** See {@link #setMaxValuesPerAttribute}. */
        public Integer getMaxValuesPerAttribute() {
            return maxValuesPerAttribute;
        }

        /** {@code scim.patch.maxValuesPerAttribute}. */
        public void setMaxValuesPerAttribute(Integer maxValuesPerAttribute) {
            this.maxValuesPerAttribute = maxValuesPerAttribute;
        }
    }

    /** {@code scim.cursor.*}. */
    public static class Cursor {

        /** Key sealing RFC 9865 cursors, at least 32 characters, shared by servers behind one load balancer. */
        private String secret;

        /** See {@link #setSecret}. */
        public String getSecret() {
            return secret;
        }

        /** {@code scim.cursor.secret}. */
        public void setSecret(String secret) {
            this.secret = secret;
        }
    }

    /** {@code scim.bulk.*}. */
    public static class Bulk {

        /** Most operations per bulk request (default 100). */
        private Integer maxOperations;

        /** Largest bulk request in bytes (default 1048576). */
        private Integer maxPayloadBytes;

        /** See {@link #setMaxOperations}. */
        public Integer getMaxOperations() {
            return maxOperations;
        }

        /** {@code scim.bulk.maxOperations}. */
        public void setMaxOperations(Integer maxOperations) {
            this.maxOperations = maxOperations;
        }

        /** See {@link #setMaxPayloadBytes}. */
        public Integer getMaxPayloadBytes() {
            return maxPayloadBytes;
        }

        /** {@code scim.bulk.maxPayloadBytes}. */
        public void setMaxPayloadBytes(Integer maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
        }
    }
}
