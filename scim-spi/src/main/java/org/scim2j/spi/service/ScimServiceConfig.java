package org.scim2j.spi.service;

import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.patch.PatchOptions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link ScimService} behaves. Immutable; {@link #defaults()} suits Okta and Entra ID out of the box, and
 * {@link #builder()} (or {@link #toBuilder()}) changes what a host needs:
 *
 * <pre>{@code
 *   ScimServiceConfig config = ScimServiceConfig.builder()
 *           .noContentOnPatch(Set.of("Group"))     // large groups: PATCH answers 204
 *           .maxResults(500)
 *           .build();
 * }</pre>
 *
 * <p>A class with a builder, not a record: a setting added later is one more builder method, not a new
 * constructor parameter that breaks every caller.
 *
 * <p>Why it is long (over 400 lines): each of its 15 settings has an accessor, a builder setter and a documented
 * default, and equals/hashCode cover them all; a settings class that is split is harder to read than a long one.
 */
public final class ScimServiceConfig {

    /** What the service does with a filter the repository does not evaluate itself. */
    public enum UnsupportedFilters {
        /** 400 {@code invalidFilter}, naming what the repository supports. */
        REJECT,
        /** Read up to {@code maxInMemoryScan} resources and filter, sort and page them in memory. */
        EVALUATE_IN_MEMORY
    }

    /** The shortest {@link #cursorSecret()} accepted. */
    public static final int MIN_CURSOR_SECRET_LENGTH = 32;

    private static final ScimServiceConfig DEFAULTS = new Builder().build();

    private final int defaultCount;
    private final int maxResults;
    private final boolean lenientFilters;
    private final UnsupportedFilters unsupportedFilters;
    private final int maxInMemoryScan;
    private final PatchOptions patchOptions;
    private final Set<String> noContentOnPatch;
    private final ResourceNormalizer.UnknownAttributes unknownAttributes;
    private final int bulkMaxOperations;
    private final int bulkMaxPayloadBytes;
    private final int maxConflictRetries;
    private final List<AuthenticationScheme> authenticationSchemes;
    private final String documentationUri;
    private final ScimJson json;
    private final String cursorSecret;

    private ScimServiceConfig(Builder b) {
        if (b.defaultCount < 0 || b.maxResults < 1 || b.defaultCount > b.maxResults) {
            throw new IllegalArgumentException("need 0 <= defaultCount <= maxResults, maxResults >= 1");
        }
        if (b.maxInMemoryScan < 0 || b.bulkMaxOperations < 0 || b.bulkMaxPayloadBytes < 0
                || b.maxConflictRetries < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        this.defaultCount = b.defaultCount;
        this.maxResults = b.maxResults;
        this.lenientFilters = b.lenientFilters;
        this.unsupportedFilters = Objects.requireNonNull(b.unsupportedFilters, "unsupportedFilters");
        this.maxInMemoryScan = b.maxInMemoryScan;
        this.patchOptions = Objects.requireNonNull(b.patchOptions, "patchOptions");
        this.noContentOnPatch = b.noContentOnPatch.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.unknownAttributes = Objects.requireNonNull(b.unknownAttributes, "unknownAttributes");
        this.bulkMaxOperations = b.bulkMaxOperations;
        this.bulkMaxPayloadBytes = b.bulkMaxPayloadBytes;
        this.maxConflictRetries = b.maxConflictRetries;
        this.authenticationSchemes = List.copyOf(b.authenticationSchemes);
        this.documentationUri = b.documentationUri;
        this.json = Objects.requireNonNull(b.json, "json");
        if (b.cursorSecret != null && b.cursorSecret.length() < MIN_CURSOR_SECRET_LENGTH) {
            throw new IllegalArgumentException("the cursor secret must have at least " + MIN_CURSOR_SECRET_LENGTH
                    + " characters (e.g. 32 random bytes in hex)");
        }
        this.cursorSecret = b.cursorSecret;
    }

    /**
     * Page size 100, at most 1000 per page, lenient filters (what Microsoft Entra ID and its validator send:
     * unquoted values, {@code emails[type eq "work"].value eq "x"}), in-memory evaluation of what the repository cannot
     * filter (up to 10 000 resources), the lenient PATCH profile, unknown attributes ignored, bulk of up to 100
     * operations and 1 MiB, 8 retries, bearer token and HTTP Basic advertised.
     */
    public static ScimServiceConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The page size when a query gives no {@code count}. */
    public int defaultCount() {
        return defaultCount;
    }

    /**
     * The largest page returned; a larger {@code count} is capped (RFC 7644 §3.4.2.4), advertised as
     * {@code filter.maxResults}.
     */
    public int maxResults() {
        return maxResults;
    }

    /** Whether filters are parsed leniently: unquoted values, Entra ID's {@code emails[type eq "work"].value eq "x"}. */
    public boolean lenientFilters() {
        return lenientFilters;
    }

    /** What happens to a filter the repository cannot evaluate. */
    public UnsupportedFilters unsupportedFilters() {
        return unsupportedFilters;
    }

    /** The most resources read to evaluate a filter in memory; more gives 400 {@code tooMany}. */
    public int maxInMemoryScan() {
        return maxInMemoryScan;
    }

    /** The PATCH compatibility profile. */
    public PatchOptions patchOptions() {
        return patchOptions;
    }

    /**
     * Resource type names (lower case) whose PATCH answers 204 instead of 200 with the resource (hosts with large
     * groups set {@code Group}).
     */
    public Set<String> noContentOnPatch() {
        return noContentOnPatch;
    }

    /** Whether PATCH on this resource type answers 204. */
    public boolean noContentOnPatch(String resourceTypeName) {
        return noContentOnPatch.contains(resourceTypeName.toLowerCase(Locale.ROOT));
    }

    /** What happens to unknown attributes in POST/PUT bodies. */
    public ResourceNormalizer.UnknownAttributes unknownAttributes() {
        return unknownAttributes;
    }

    /** The most operations in one bulk request. */
    public int bulkMaxOperations() {
        return bulkMaxOperations;
    }

    /** The largest bulk request body. */
    public int bulkMaxPayloadBytes() {
        return bulkMaxPayloadBytes;
    }

    /**
     * How often a PUT or PATCH without {@code If-Match} is tried again after a concurrent change, on a repository
     * without atomic modify (after a random pause that grows with each attempt); then the answer is 409.
     */
    public int maxConflictRetries() {
        return maxConflictRetries;
    }

    /** The schemes advertised in {@code /ServiceProviderConfig}. */
    public List<AuthenticationScheme> authenticationSchemes() {
        return authenticationSchemes;
    }

    /** The host's documentation, or {@code null}. */
    public String documentationUri() {
        return documentationUri;
    }

    /** JSON reading limits and tolerances. */
    public ScimJson json() {
        return json;
    }

    /**
     * The key that seals RFC 9865 cursors (at least 32 characters), or {@code null} for a random one per process:
     * then a cursor is honoured only by the process that issued it, and not after a restart. Servers behind one
     * load balancer share one secret.
     */
    public String cursorSecret() {
        return cursorSecret;
    }

    /** This with another page size and cap. */
    public ScimServiceConfig withPaging(int newDefaultCount, int newMaxResults) {
        return toBuilder().defaultCount(newDefaultCount).maxResults(newMaxResults).build();
    }

    /** This with another filter policy. */
    public ScimServiceConfig withFilters(boolean lenient, UnsupportedFilters policy, int scanLimit) {
        return toBuilder().lenientFilters(lenient).unsupportedFilters(policy).maxInMemoryScan(scanLimit).build();
    }

    /** This with another PATCH profile. */
    public ScimServiceConfig withPatchOptions(PatchOptions options) {
        return toBuilder().patchOptions(options).build();
    }

    /** This with PATCH answering 204 for these resource types. */
    public ScimServiceConfig withNoContentOnPatch(Set<String> resourceTypeNames) {
        return toBuilder().noContentOnPatch(resourceTypeNames).build();
    }

    /** This with another unknown-attribute policy. */
    public ScimServiceConfig withUnknownAttributes(ResourceNormalizer.UnknownAttributes policy) {
        return toBuilder().unknownAttributes(policy).build();
    }

    /** This with other bulk limits. */
    public ScimServiceConfig withBulkLimits(int maxOperations, int maxPayloadBytes) {
        return toBuilder().bulkMaxOperations(maxOperations).bulkMaxPayloadBytes(maxPayloadBytes).build();
    }

    /** This with other advertised authentication schemes. */
    public ScimServiceConfig withAuthenticationSchemes(List<AuthenticationScheme> schemes, String docs) {
        return toBuilder().authenticationSchemes(schemes).documentationUri(docs).build();
    }

    /** This with other JSON limits. */
    public ScimServiceConfig withJson(ScimJson newJson) {
        return toBuilder().json(newJson).build();
    }

    /** This with a cursor secret shared by every server of one deployment ({@code null}: random per process). */
    public ScimServiceConfig withCursorSecret(String secret) {
        return toBuilder().cursorSecret(secret).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScimServiceConfig c && defaultCount == c.defaultCount && maxResults == c.maxResults
                && lenientFilters == c.lenientFilters && unsupportedFilters == c.unsupportedFilters
                && maxInMemoryScan == c.maxInMemoryScan && patchOptions.equals(c.patchOptions)
                && noContentOnPatch.equals(c.noContentOnPatch) && unknownAttributes == c.unknownAttributes
                && bulkMaxOperations == c.bulkMaxOperations && bulkMaxPayloadBytes == c.bulkMaxPayloadBytes
                && maxConflictRetries == c.maxConflictRetries
                && authenticationSchemes.equals(c.authenticationSchemes)
                && Objects.equals(documentationUri, c.documentationUri) && json.equals(c.json)
                && Objects.equals(cursorSecret, c.cursorSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, noContentOnPatch, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes,
                maxConflictRetries, authenticationSchemes, documentationUri, json, cursorSecret);
    }

    @Override
    public String toString() {
        return "ScimServiceConfig[defaultCount=" + defaultCount + ", maxResults=" + maxResults
                + ", lenientFilters=" + lenientFilters + ", unsupportedFilters=" + unsupportedFilters
                + ", maxInMemoryScan=" + maxInMemoryScan + ", patchOptions=" + patchOptions
                + ", noContentOnPatch=" + noContentOnPatch + ", unknownAttributes=" + unknownAttributes
                + ", bulkMaxOperations=" + bulkMaxOperations + ", bulkMaxPayloadBytes=" + bulkMaxPayloadBytes
                + ", maxConflictRetries=" + maxConflictRetries + ", authenticationSchemes=" + authenticationSchemes
                + ", documentationUri=" + documentationUri + ", json=" + json + ", cursorSecret="
                + (cursorSecret == null ? "random per process" : "set") + "]";
    }

    /**
     * Builds a {@link ScimServiceConfig}; every setting starts at its {@link #defaults() default}. Ranges are
     * checked by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {

        private int defaultCount = 100;
        private int maxResults = 1000;
        private boolean lenientFilters = true;
        private UnsupportedFilters unsupportedFilters = UnsupportedFilters.EVALUATE_IN_MEMORY;
        private int maxInMemoryScan = 10_000;
        private PatchOptions patchOptions = PatchOptions.lenient();
        private Set<String> noContentOnPatch = Set.of();
        private ResourceNormalizer.UnknownAttributes unknownAttributes = ResourceNormalizer.UnknownAttributes.IGNORE;
        private int bulkMaxOperations = 100;
        private int bulkMaxPayloadBytes = 1024 * 1024;
        private int maxConflictRetries = 8;
        private List<AuthenticationScheme> authenticationSchemes =
                List.of(AuthenticationScheme.bearerToken(true), AuthenticationScheme.httpBasic(false));
        private String documentationUri;
        private ScimJson json = ScimJson.defaults();
        private String cursorSecret;

        private Builder() {
        }

        private Builder(ScimServiceConfig c) {
            defaultCount = c.defaultCount;
            maxResults = c.maxResults;
            lenientFilters = c.lenientFilters;
            unsupportedFilters = c.unsupportedFilters;
            maxInMemoryScan = c.maxInMemoryScan;
            patchOptions = c.patchOptions;
            noContentOnPatch = c.noContentOnPatch;
            unknownAttributes = c.unknownAttributes;
            bulkMaxOperations = c.bulkMaxOperations;
            bulkMaxPayloadBytes = c.bulkMaxPayloadBytes;
            maxConflictRetries = c.maxConflictRetries;
            authenticationSchemes = c.authenticationSchemes;
            documentationUri = c.documentationUri;
            json = c.json;
            cursorSecret = c.cursorSecret;
        }

        /** See {@link ScimServiceConfig#defaultCount()}. Default 100. */
        public Builder defaultCount(int value) {
            defaultCount = value;
            return this;
        }

        /** See {@link ScimServiceConfig#maxResults()}. Default 1000. */
        public Builder maxResults(int value) {
            maxResults = value;
            return this;
        }

        /** See {@link ScimServiceConfig#lenientFilters()}. Default false. */
        public Builder lenientFilters(boolean value) {
            lenientFilters = value;
            return this;
        }

        /** See {@link ScimServiceConfig#unsupportedFilters()}. Default {@code EVALUATE_IN_MEMORY}. */
        public Builder unsupportedFilters(UnsupportedFilters value) {
            unsupportedFilters = value;
            return this;
        }

        /** See {@link ScimServiceConfig#maxInMemoryScan()}. Default 10 000. */
        public Builder maxInMemoryScan(int value) {
            maxInMemoryScan = value;
            return this;
        }

        /** See {@link ScimServiceConfig#patchOptions()}. Default {@link PatchOptions#lenient()}. */
        public Builder patchOptions(PatchOptions value) {
            patchOptions = value;
            return this;
        }

        /** See {@link ScimServiceConfig#noContentOnPatch()}; names compare ignoring case. Default none. */
        public Builder noContentOnPatch(Set<String> resourceTypeNames) {
            noContentOnPatch = Set.copyOf(resourceTypeNames);
            return this;
        }

        /** See {@link ScimServiceConfig#unknownAttributes()}. Default {@code IGNORE}. */
        public Builder unknownAttributes(ResourceNormalizer.UnknownAttributes value) {
            unknownAttributes = value;
            return this;
        }

        /** See {@link ScimServiceConfig#bulkMaxOperations()}. Default 100. */
        public Builder bulkMaxOperations(int value) {
            bulkMaxOperations = value;
            return this;
        }

        /** See {@link ScimServiceConfig#bulkMaxPayloadBytes()}. Default 1 MiB. */
        public Builder bulkMaxPayloadBytes(int value) {
            bulkMaxPayloadBytes = value;
            return this;
        }

        /** See {@link ScimServiceConfig#maxConflictRetries()}. Default 8. */
        public Builder maxConflictRetries(int value) {
            maxConflictRetries = value;
            return this;
        }

        /** See {@link ScimServiceConfig#authenticationSchemes()}. Default: bearer token (primary), HTTP Basic. */
        public Builder authenticationSchemes(List<AuthenticationScheme> value) {
            authenticationSchemes = List.copyOf(value);
            return this;
        }

        /** See {@link ScimServiceConfig#documentationUri()}. Default none. */
        public Builder documentationUri(String value) {
            documentationUri = value;
            return this;
        }

        /** See {@link ScimServiceConfig#json()}. Default {@link ScimJson#defaults()}. */
        public Builder json(ScimJson value) {
            json = value;
            return this;
        }

        /** See {@link ScimServiceConfig#cursorSecret()}. Default none: a random key per process. */
        public Builder cursorSecret(String value) {
            cursorSecret = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if {@code defaultCount > maxResults}, {@code maxResults < 1}, a limit
         *                                  is negative or the cursor secret is shorter than 32 characters
         */
        public ScimServiceConfig build() {
            return new ScimServiceConfig(this);
        }
    }
}
