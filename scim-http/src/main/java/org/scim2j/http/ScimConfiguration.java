package org.scim2j.http;

import org.scim2j.core.patch.PatchOptions;
import org.scim2j.core.patch.Tolerance;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Configuration from plain key-value pairs (a host's properties file, servlet init parameters, environment).
 * Unknown keys are ignored; a malformed value fails fast with {@link IllegalArgumentException} naming the key.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code scim.enabled}</td><td>{@code true}</td><td>false: every SCIM URL answers 404. Read once, when
 *     {@link #httpSettings()} is called; a host switch that changes at run time is given to
 *     {@link ScimHttpSettings.Builder#enabled} instead, and then this key is not used</td></tr>
 * <tr><td>{@code scim.baseUrl}</td><td>derived</td><td>absolute base URL for Location and meta.location</td></tr>
 * <tr><td>{@code scim.trustForwardedHeaders}</td><td>{@code false}</td><td>derive the base URL from
 *     Forwarded / X-Forwarded-* headers</td></tr>
 * <tr><td>{@code scim.maxPayloadBytes}</td><td>1048576</td><td>largest request body (413 beyond), for the
 *     HTTP entry point and the service's JSON reader alike; a group PUT holds about 48 bytes per member</td></tr>
 * <tr><td>{@code scim.defaultCount}</td><td>100</td><td>page size when a query gives none</td></tr>
 * <tr><td>{@code scim.maxResults}</td><td>1000</td><td>largest page (filter.maxResults)</td></tr>
 * <tr><td>{@code scim.filter.lenient}</td><td>{@code true}</td><td>accept unquoted filter values and Entra ID's
 *     {@code emails[type eq "work"].value eq "x"}; {@code false} parses by RFC 7644's ABNF alone</td></tr>
 * <tr><td>{@code scim.filter.unsupported}</td><td>{@code memory}</td><td>{@code reject} or {@code memory}
 *     (evaluate filters the repository cannot, up to {@code scim.filter.maxScan} resources)</td></tr>
 * <tr><td>{@code scim.filter.maxScan}</td><td>10000</td><td>in-memory evaluation limit</td></tr>
 * <tr><td>{@code scim.patch.profile}</td><td>{@code lenient}</td><td>{@code strict}, {@code okta},
 *     {@code entra} or {@code lenient}</td></tr>
 * <tr><td>{@code scim.patch.tolerance.NAME}</td><td>per profile</td><td>switch one {@link Tolerance} on or
 *     off, e.g. {@code scim.patch.tolerance.EMPTY_OPERATIONS=false}</td></tr>
 * <tr><td>{@code scim.patch.noContent}</td><td>none</td><td>resource types whose PATCH answers 204, e.g.
 *     {@code Group}</td></tr>
 * <tr><td>{@code scim.patch.maxOperations}</td><td>1000</td><td>most operations per PATCH request (400
 *     {@code invalidValue} beyond)</td></tr>
 * <tr><td>{@code scim.patch.maxValuesPerAttribute}</td><td>100000</td><td>most values one PATCH operation gives
 *     one multi-valued attribute (400 {@code invalidValue} beyond)</td></tr>
 * <tr><td>{@code scim.cursor.secret}</td><td>random per process</td><td>the key sealing RFC 9865 cursors, at
 *     least 32 characters; servers behind one load balancer share it (unset: cursors do not survive a restart and
 *     work only on the server that issued them)</td></tr>
 * <tr><td>{@code scim.bulk.maxOperations}</td><td>100</td><td>most operations per bulk request</td></tr>
 * <tr><td>{@code scim.bulk.maxPayloadBytes}</td><td>1048576</td><td>largest bulk request</td></tr>
 * </table>
 */
public final class ScimConfiguration {

    private final Map<String, String> values;

    private ScimConfiguration(Map<String, String> values) {
        this.values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.values.putAll(values);
    }

    /** Reads the keys from a map. */
    public static ScimConfiguration of(Map<String, String> values) {
        return new ScimConfiguration(values);
    }

    /** Reads the keys from {@link Properties}. */
    public static ScimConfiguration of(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return new ScimConfiguration(map);
    }

    /** The HTTP settings these keys describe ({@link ScimHttpHandler}, {@code ScimServlet}). */
    public ScimHttpSettings httpSettings() {
        boolean enabled = bool("scim.enabled", true);
        return ScimHttpSettings.builder()
                .enabled(() -> enabled)
                .maxPayloadBytes(longValue("scim.maxPayloadBytes", ScimHttpSettings.DEFAULT_MAX_PAYLOAD_BYTES))
                .baseUrl(values.get("scim.baseUrl"))
                .trustForwardedHeaders(bool("scim.trustForwardedHeaders", false))
                .build();
    }

    /** The service configuration these keys describe, starting from {@link ScimServiceConfig#defaults()}. */
    public ScimServiceConfig serviceConfig() {
        ScimServiceConfig defaults = ScimServiceConfig.defaults();
        String unsupported = values.getOrDefault("scim.filter.unsupported", "memory").trim().toLowerCase(Locale.ROOT);
        ScimServiceConfig.UnsupportedFilters policy = switch (unsupported) {
            case "reject" -> ScimServiceConfig.UnsupportedFilters.REJECT;
            case "memory" -> ScimServiceConfig.UnsupportedFilters.EVALUATE_IN_MEMORY;
            default -> throw new IllegalArgumentException("scim.filter.unsupported must be reject or memory, not "
                    + unsupported);
        };
        ScimServiceConfig.Builder config = defaults.toBuilder()
                .defaultCount(intValue("scim.defaultCount", defaults.defaultCount()))
                .maxResults(intValue("scim.maxResults", defaults.maxResults()))
                .lenientFilters(bool("scim.filter.lenient", true))
                .unsupportedFilters(policy)
                .maxInMemoryScan(intValue("scim.filter.maxScan", defaults.maxInMemoryScan()))
                .patchOptions(patchOptions())
                .bulkMaxOperations(intValue("scim.bulk.maxOperations", defaults.bulkMaxOperations()))
                .bulkMaxPayloadBytes(intValue("scim.bulk.maxPayloadBytes", defaults.bulkMaxPayloadBytes()))
                // the servlet's body limit (httpSettings) is the limit of the service's JSON reader too
                .json(defaults.json().toBuilder().maxDocumentBytes(longValue("scim.maxPayloadBytes",
                        ScimHttpSettings.DEFAULT_MAX_PAYLOAD_BYTES)).build());
        String noContent = values.get("scim.patch.noContent");
        if (noContent != null && !noContent.isBlank()) {
            config.noContentOnPatch(Arrays.stream(noContent.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
        }
        String secret = values.get("scim.cursor.secret");
        if (secret != null && !secret.isBlank()) {
            if (secret.trim().length() < ScimServiceConfig.MIN_CURSOR_SECRET_LENGTH) {
                throw new IllegalArgumentException("scim.cursor.secret must have at least "
                        + ScimServiceConfig.MIN_CURSOR_SECRET_LENGTH + " characters");
            }
            config.cursorSecret(secret.trim());
        }
        return config.build();
    }

    /** The PATCH profile with its per-tolerance switches. */
    public PatchOptions patchOptions() {
        String profile = values.getOrDefault("scim.patch.profile", "lenient").trim().toLowerCase(Locale.ROOT);
        PatchOptions options = switch (profile) {
            case "strict" -> PatchOptions.strict();
            case "okta" -> PatchOptions.okta();
            case "entra" -> PatchOptions.entra();
            case "lenient" -> PatchOptions.lenient();
            default -> throw new IllegalArgumentException("scim.patch.profile must be strict, okta, entra or "
                    + "lenient, not " + profile);
        };
        for (Tolerance tolerance : Tolerance.values()) {
            String key = "scim.patch.tolerance." + tolerance.name();
            if (values.containsKey(key)) {
                options = options.with(tolerance, bool(key, false));
            }
        }
        return options.withMaxOperations(positive("scim.patch.maxOperations", options.maxOperations()))
                .withMaxValuesPerAttribute(positive("scim.patch.maxValuesPerAttribute",
                        options.maxValuesPerAttribute()));
    }

    /** The keys present, for diagnostics. */
    public Set<String> keys() {
        return values.keySet();
    }

    private boolean bool(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not " + v);
        };
    }

    private int positive(String key, int fallback) {
        int v = intValue(key, fallback);
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + v);
        }
        return v;
    }

    private int intValue(String key, int fallback) {
        long v = longValue(key, fallback);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is too large: " + v);
        }
        return (int) v;
    }

    private long longValue(String key, long fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(v.trim());
            if (parsed < 0) {
                throw new IllegalArgumentException(key + " must not be negative: " + v);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + v, e);
        }
    }
}
