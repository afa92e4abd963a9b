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
 * How a {@link ScimService} behaves. Immutable; {@link #defaults()} suits Okta and Entra ID out of the box.
 *
 * @param defaultCount          the page size when a query gives no {@code count}
 * @param maxResults            the largest page returned; a larger {@code count} is capped (RFC 7644 §3.4.2.4),
 *                              advertised as {@code filter.maxResults}
 * @param lenientFilters        whether filters are parsed leniently (unquoted values)
 * @param unsupportedFilters    what happens to a filter the repository cannot evaluate
 * @param maxInMemoryScan       the most resources read to evaluate a filter in memory; more gives 400
 *                              {@code tooMany}
 * @param patchOptions          the PATCH compatibility profile
 * @param noContentOnPatch      resource type names whose PATCH answers 204 instead of 200 with the resource
 *                              (hosts with large groups set {@code Group})
 * @param unknownAttributes     what happens to unknown attributes in POST/PUT bodies
 * @param bulkMaxOperations     the most operations in one bulk request
 * @param bulkMaxPayloadBytes   the largest bulk request body
 * @param maxConflictRetries    how often a PATCH without If-Match is retried after a concurrent change
 * @param authenticationSchemes the schemes advertised in {@code /ServiceProviderConfig}
 * @param documentationUri      the host's documentation, or {@code null}
 * @param json                  JSON reading limits and tolerances
 */
public record ScimServiceConfig(int defaultCount, int maxResults, boolean lenientFilters,
                                UnsupportedFilters unsupportedFilters, int maxInMemoryScan, PatchOptions patchOptions,
                                Set<String> noContentOnPatch, ResourceNormalizer.UnknownAttributes unknownAttributes,
                                int bulkMaxOperations, int bulkMaxPayloadBytes, int maxConflictRetries,
                                List<AuthenticationScheme> authenticationSchemes, String documentationUri,
                                ScimJson json) {

    /** What the service does with a filter the repository does not evaluate itself. */
    public enum UnsupportedFilters {
        /** 400 {@code invalidFilter}, naming what the repository supports. */
        REJECT,
        /** Read up to {@code maxInMemoryScan} resources and filter, sort and page them in memory. */
        EVALUATE_IN_MEMORY
    }

    /** Checks ranges and copies collections. */
    public ScimServiceConfig {
        if (defaultCount < 0 || maxResults < 1 || defaultCount > maxResults) {
            throw new IllegalArgumentException("need 0 <= defaultCount <= maxResults, maxResults >= 1");
        }
        if (maxInMemoryScan < 0 || bulkMaxOperations < 0 || bulkMaxPayloadBytes < 0 || maxConflictRetries < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        Objects.requireNonNull(unsupportedFilters, "unsupportedFilters");
        Objects.requireNonNull(patchOptions, "patchOptions");
        Objects.requireNonNull(unknownAttributes, "unknownAttributes");
        Objects.requireNonNull(json, "json");
        noContentOnPatch = noContentOnPatch.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        authenticationSchemes = List.copyOf(authenticationSchemes);
    }

    /**
     * Page size 100, at most 1000 per page, lenient filters (what Microsoft Entra ID and its validator send:
     * unquoted values, {@code emails[type eq "work"].value eq "x"}), in-memory evaluation of what the repository cannot
     * filter (up to 10 000 resources), the lenient PATCH profile, unknown attributes ignored, bulk of up to 100
     * operations and 1 MiB, 3 retries, bearer token and HTTP Basic advertised.
     */
    public static ScimServiceConfig defaults() {
        return new ScimServiceConfig(100, 1000, true, UnsupportedFilters.EVALUATE_IN_MEMORY, 10_000,
                PatchOptions.lenient(), Set.of(), ResourceNormalizer.UnknownAttributes.IGNORE, 100, 1024 * 1024, 3,
                List.of(AuthenticationScheme.bearerToken(true), AuthenticationScheme.httpBasic(false)), null,
                ScimJson.defaults());
    }

    /** Whether PATCH on this resource type answers 204. */
    public boolean noContentOnPatch(String resourceTypeName) {
        return noContentOnPatch.contains(resourceTypeName.toLowerCase(Locale.ROOT));
    }

    /** This with another page size and cap. */
    public ScimServiceConfig withPaging(int newDefaultCount, int newMaxResults) {
        return new ScimServiceConfig(newDefaultCount, newMaxResults, lenientFilters, unsupportedFilters,
                maxInMemoryScan, patchOptions, noContentOnPatch, unknownAttributes, bulkMaxOperations,
                bulkMaxPayloadBytes, maxConflictRetries, authenticationSchemes, documentationUri, json);
    }

    /** This with another filter policy. */
    public ScimServiceConfig withFilters(boolean lenient, UnsupportedFilters policy, int scanLimit) {
        return new ScimServiceConfig(defaultCount, maxResults, lenient, policy, scanLimit, patchOptions,
                noContentOnPatch, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes, maxConflictRetries,
                authenticationSchemes, documentationUri, json);
    }

    /** This with another PATCH profile. */
    public ScimServiceConfig withPatchOptions(PatchOptions options) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                options, noContentOnPatch, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes,
                maxConflictRetries, authenticationSchemes, documentationUri, json);
    }

    /** This with PATCH answering 204 for these resource types. */
    public ScimServiceConfig withNoContentOnPatch(Set<String> resourceTypeNames) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, resourceTypeNames, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes,
                maxConflictRetries, authenticationSchemes, documentationUri, json);
    }

    /** This with another unknown-attribute policy. */
    public ScimServiceConfig withUnknownAttributes(ResourceNormalizer.UnknownAttributes policy) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, noContentOnPatch, policy, bulkMaxOperations, bulkMaxPayloadBytes, maxConflictRetries,
                authenticationSchemes, documentationUri, json);
    }

    /** This with other bulk limits. */
    public ScimServiceConfig withBulkLimits(int maxOperations, int maxPayloadBytes) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, noContentOnPatch, unknownAttributes, maxOperations, maxPayloadBytes, maxConflictRetries,
                authenticationSchemes, documentationUri, json);
    }

    /** This with other advertised authentication schemes. */
    public ScimServiceConfig withAuthenticationSchemes(List<AuthenticationScheme> schemes, String docs) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, noContentOnPatch, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes,
                maxConflictRetries, schemes, docs, json);
    }

    /** This with other JSON limits. */
    public ScimServiceConfig withJson(ScimJson newJson) {
        return new ScimServiceConfig(defaultCount, maxResults, lenientFilters, unsupportedFilters, maxInMemoryScan,
                patchOptions, noContentOnPatch, unknownAttributes, bulkMaxOperations, bulkMaxPayloadBytes,
                maxConflictRetries, authenticationSchemes, documentationUri, newJson);
    }
}
