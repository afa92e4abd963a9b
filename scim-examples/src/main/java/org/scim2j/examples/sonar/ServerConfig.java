package org.scim2j.examples.sonar;

import org.scim2j.examples.sonar.store.SearchTimeout;
import org.scim2j.examples.sonar.store.UnmappedAttributes;
import org.scim2j.spi.service.ScimServiceConfig;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the example server runs. {@link #fromEnvironment} reads the documented environment variables; tests build
 * one directly.
 *
 * @param bindAddress  the address to listen on ({@code 127.0.0.1} unless told otherwise)
 * @param port         the port; 0 picks a free one
 * @param adminToken   the admin token in clear, or {@code null} to use (or generate and store) a generated one;
 *                     only its SHA-256 is kept once the server runs
 * @param jdbcUrl      {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param jdbcUser     the database user, or {@code null}
 * @param jdbcPassword the database password, or {@code null}
 * @param enabled      {@code scim.enabled}: when false every SCIM URL answers 404
 * @param stopTimeout  how long a stop waits for requests in flight
 * @param noContentOnPatch resource type names whose PATCH answers 204 without a body
 *                     ({@code ScimServiceConfig.withNoContentOnPatch}); {@link #DEFAULT_NO_CONTENT_ON_PATCH} unless
 *                     told otherwise
 * @param maxConcurrentRequests how many requests that may carry whole groups ({@code /Groups}, the root
 *                     {@code /.search}, {@code /Bulk}) are handled at once; more wait (up to 30 s, then 503). A read of
 *                     a group of 100,000 members holds about 40 MB while it runs, so the default follows the heap:
 *                     {@link #defaultMaxConcurrentRequests()}
 * @param unmappedAttributes whether attributes SonarQube's tables have no column for are kept (in a JSON document
 *                     beside the SCIM link, the default) or dropped ({@code SCIM_UNMAPPED_ATTRIBUTES})
 * @param scimSettings the library's own settings ({@code ScimConfiguration} keys), from {@code SCIM_MAX_PAYLOAD_BYTES}
 *                     ({@code scim.maxPayloadBytes}), {@code SCIM_BASE_URL} ({@code scim.baseUrl}) and
 *                     {@code SCIM_CURSOR_SECRET} ({@code scim.cursor.secret})
 * @param adoptProviders the external identity providers whose users a {@code POST /Users} may adopt
 *                     ({@code SCIM_ADOPT_PROVIDERS}, default {@code saml}; empty: never adopt)
 * @param searchTimeout how long one statement of a search may run before the database cancels it and the client
 *                     gets 400 {@code tooMany} ({@code SCIM_SEARCH_TIMEOUT}, whole seconds, default 10; 0: no limit)
 */
public record ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                           String jdbcPassword, boolean enabled, Duration stopTimeout, Set<String> noContentOnPatch,
                           int maxConcurrentRequests, UnmappedAttributes unmappedAttributes,
                           Map<String, String> scimSettings, Set<String> adoptProviders,
                           SearchTimeout searchTimeout) {

    /** The zero-setup database: an embedded H2 file under {@code ./data}. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/scim";

    /** Groups can be large: by default their PATCH answers 204 instead of the whole member list. */
    public static final Set<String> DEFAULT_NO_CONTENT_ON_PATCH = Set.of("Group");

    /** The users SonarQube adopts: those its SAML logins created (IDP-TRAFFIC §3.4). */
    public static final Set<String> DEFAULT_ADOPT_PROVIDERS = Set.of("saml");

    /** The fewest characters of an operator-chosen admin token. */
    public static final int MIN_TOKEN_LENGTH = 32;
    /** The least estimated entropy of an operator-chosen admin token, in bits. */
    public static final int MIN_TOKEN_BITS = 128;


    /** Checks the parts. */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(unmappedAttributes, "unmappedAttributes");
        Objects.requireNonNull(searchTimeout, "searchTimeout");
        noContentOnPatch = Set.copyOf(noContentOnPatch);
        scimSettings = Map.copyOf(scimSettings);
        adoptProviders = Set.copyOf(adoptProviders);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SCIM_PORT must be 0..65535, not " + port);
        }
        if (adminToken != null && (adminToken.length() < MIN_TOKEN_LENGTH
                || estimatedBits(adminToken) < MIN_TOKEN_BITS)) {
            // never say what the token is, nor how strong it was guessed to be
            throw new IllegalArgumentException("SCIM_ADMIN_TOKEN is too weak: use at least " + MIN_TOKEN_LENGTH
                    + " characters and about " + MIN_TOKEN_BITS + " bits of entropy (estimated from its length and "
                    + "the variety of its characters), e.g. the output of `openssl rand -hex 32`; or leave it unset "
                    + "to have one generated");
        }

        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("SCIM_MAX_CONCURRENT_REQUESTS must be at least 1, not "
                    + maxConcurrentRequests);
        }
    }

    /**
     * One request at a time per 64 MiB of maximum heap, at least 2 and at most 200 (Jetty's default thread pool):
     * 4 at {@code -Xmx256m}. Sixteen concurrent reads of a 100,000-member group ran a 256 MB server out of memory.
     */
    public static int defaultMaxConcurrentRequests() {
        long perRequest = 64L * 1024 * 1024;
        return (int) Math.max(2, Math.min(200, Runtime.getRuntime().maxMemory() / perRequest));
    }

    /** A configuration with the default search timeout ({@link SearchTimeout#DEFAULT}). */
    public ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean enabled, Duration stopTimeout, Set<String> noContentOnPatch,
                        int maxConcurrentRequests, UnmappedAttributes unmappedAttributes,
                        Map<String, String> scimSettings, Set<String> adoptProviders) {
        this(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled, stopTimeout, noContentOnPatch,
                maxConcurrentRequests, unmappedAttributes, scimSettings, adoptProviders, SearchTimeout.DEFAULT);
    }

    /** A configuration with the defaults of every setting not given. */
    public ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean enabled, Duration stopTimeout) {
        this(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled, stopTimeout,
                DEFAULT_NO_CONTENT_ON_PATCH, defaultMaxConcurrentRequests(), UnmappedAttributes.KEEP, Map.of(),
                DEFAULT_ADOPT_PROVIDERS);
    }

    /**
     * A token's entropy as estimated from its length and character variety: each character counts
     * {@code log2} of the size of the character classes the token uses (digits 10, lower and upper case letters 26
     * each, other characters 33), but a token counts as at most four characters per distinct character, so that
     * {@code aaaa...} or {@code abab...} count as the short strings they are.
     */
    static double estimatedBits(String token) {
        int alphabet = 0;
        if (token.chars().anyMatch(Character::isDigit)) {
            alphabet += 10;
        }
        if (token.chars().anyMatch(c -> c >= 'a' && c <= 'z')) {
            alphabet += 26;
        }
        if (token.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) {
            alphabet += 26;
        }
        if (token.chars().anyMatch(c -> !Character.isDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'))) {
            alphabet += 33;
        }
        long distinct = token.chars().distinct().count();
        long counted = Math.min(token.length(), 4 * distinct);
        return counted * (Math.log(Math.max(alphabet, 2)) / Math.log(2));
    }



    /**
     * Reads {@code SCIM_PORT} (8080), {@code SCIM_BIND_ADDRESS} (127.0.0.1), {@code SCIM_ADMIN_TOKEN},
     * {@code SCIM_JDBC_URL} (H2 file under ./data), {@code SCIM_JDBC_USER}, {@code SCIM_JDBC_PASSWORD} and
     * {@code SCIM_ENABLED} (true) and {@code SCIM_PATCH_NO_CONTENT} (comma-separated resource type names whose
     * PATCH answers 204, default {@code Group}; {@code none} for none) and {@code SCIM_MAX_CONCURRENT_REQUESTS}
     * ({@link #defaultMaxConcurrentRequests()}) and {@code SCIM_UNMAPPED_ATTRIBUTES} ({@code keep} or
     * {@code drop}, default {@code keep}), {@code SCIM_MAX_PAYLOAD_BYTES}, {@code SCIM_BASE_URL},
     * {@code SCIM_CURSOR_SECRET}, {@code SCIM_ADOPT_PROVIDERS} and {@code SCIM_SEARCH_TIMEOUT}.
     *
     * @throws IllegalArgumentException naming the variable whose value is malformed
     */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        String url = value(env, "SCIM_JDBC_URL");
        String user = value(env, "SCIM_JDBC_USER");
        String password = env.get("SCIM_JDBC_PASSWORD");
        if (url == null) {
            url = DEFAULT_JDBC_URL;
            user = user == null ? "sa" : user;
            password = password == null ? "" : password;
        }
        String bind = value(env, "SCIM_BIND_ADDRESS");
        return new ServerConfig(bind == null ? "127.0.0.1" : bind, port(value(env, "SCIM_PORT")),
                value(env, "SCIM_ADMIN_TOKEN"), url, user, password, enabled(value(env, "SCIM_ENABLED")),
                Duration.ofSeconds(20), noContentOnPatch(value(env, "SCIM_PATCH_NO_CONTENT")),
                maxConcurrentRequests(value(env, "SCIM_MAX_CONCURRENT_REQUESTS")),
                UnmappedAttributes.parse(value(env, "SCIM_UNMAPPED_ATTRIBUTES")), scimSettings(env),
                adoptProviders(value(env, "SCIM_ADOPT_PROVIDERS")),
                searchTimeout(value(env, "SCIM_SEARCH_TIMEOUT")));
    }

    /** This with another search timeout. */
    public ServerConfig withSearchTimeout(SearchTimeout value) {
        return new ServerConfig(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, unmappedAttributes, scimSettings, adoptProviders,
                value);
    }

    private static SearchTimeout searchTimeout(String value) {
        if (value == null) {
            return SearchTimeout.DEFAULT;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return new SearchTimeout(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // the same message as a negative number
        }
        throw new IllegalArgumentException("SCIM_SEARCH_TIMEOUT must be a whole number of seconds (0: no limit), not "
                + value);
    }

    /** This with another port. */
    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, unmappedAttributes, scimSettings, adoptProviders,
                searchTimeout);
    }

    /** This with attributes without a column kept or dropped. */
    public ServerConfig withUnmappedAttributes(UnmappedAttributes value) {
        return new ServerConfig(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, value, scimSettings, adoptProviders,
                searchTimeout);
    }

    /** This with one more library setting (a {@code ScimConfiguration} key), as the environment would give it. */
    public ServerConfig withScimSetting(String key, String value) {
        Map<String, String> settings = new java.util.HashMap<>(scimSettings);
        settings.put(key, value);
        return new ServerConfig(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, unmappedAttributes, settings, adoptProviders,
                searchTimeout);
    }

    /** This adopting the users of other providers. */
    public ServerConfig withAdoptProviders(Set<String> value) {
        return new ServerConfig(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, unmappedAttributes, scimSettings, value,
                searchTimeout);
    }

    /**
     * The library settings from the environment, checked here so that a bad value names its variable:
     * {@code SCIM_MAX_PAYLOAD_BYTES} (the largest request body; 413 beyond; default 1 MiB, about 21,800 group
     * members in one PUT), {@code SCIM_BASE_URL} (the absolute URL clients reach the SCIM API at, for
     * {@code Location} and {@code meta.location}; default: derived from each request) and
     * {@code SCIM_CURSOR_SECRET} (the key sealing RFC 9865 cursors; default: random per process).
     */
    private static Map<String, String> scimSettings(Map<String, String> env) {
        Map<String, String> settings = new java.util.HashMap<>();
        String payload = value(env, "SCIM_MAX_PAYLOAD_BYTES");
        if (payload != null) {
            try {
                if (Long.parseLong(payload) < 1) {
                    throw new NumberFormatException(payload);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SCIM_MAX_PAYLOAD_BYTES must be a positive number of bytes (e.g. "
                        + "8388608 for 8 MiB), not " + payload, e);
            }
            settings.put("scim.maxPayloadBytes", payload);
        }
        String baseUrl = value(env, "SCIM_BASE_URL");
        if (baseUrl != null) {
            try {
                java.net.URI uri = new java.net.URI(baseUrl);
                if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https")
                        || uri.getScheme().equalsIgnoreCase("http")) || uri.getQuery() != null
                        || uri.getFragment() != null) {
                    throw new java.net.URISyntaxException(baseUrl, "not an absolute http(s) URL");
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("SCIM_BASE_URL must be the absolute http(s) URL of the SCIM API, "
                        + "e.g. https://sonar.example.com/api/scim/v2, not " + baseUrl, e);
            }
            settings.put("scim.baseUrl", baseUrl);
        }
        String secret = value(env, "SCIM_CURSOR_SECRET");
        if (secret != null) {
            if (secret.length() < ScimServiceConfig.MIN_CURSOR_SECRET_LENGTH) {
                throw new IllegalArgumentException("SCIM_CURSOR_SECRET must have at least "
                        + ScimServiceConfig.MIN_CURSOR_SECRET_LENGTH + " characters, e.g. the output of "
                        + "`openssl rand -hex 32`");
            }
            settings.put("scim.cursor.secret", secret);
        }
        return settings;
    }

    private static Set<String> adoptProviders(String value) {
        if (value == null) {
            return DEFAULT_ADOPT_PROVIDERS;
        }
        if (value.equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        for (String name : names) {
            if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
                throw new IllegalArgumentException("SCIM_ADOPT_PROVIDERS must be external identity provider names "
                        + "such as saml,github (or none), not " + value);
            }
        }
        return names;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int port(String value) {
        if (value == null) {
            return 8080;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SCIM_PORT must be a number, not " + value, e);
        }
    }

    private static int maxConcurrentRequests(String value) {
        if (value == null) {
            return defaultMaxConcurrentRequests();
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SCIM_MAX_CONCURRENT_REQUESTS must be a number, not " + value, e);
        }
    }

    private static Set<String> noContentOnPatch(String value) {
        if (value == null) {
            return DEFAULT_NO_CONTENT_ON_PATCH;
        }
        if (value.equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String name : names) {
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("SCIM_PATCH_NO_CONTENT must be resource type names such as "
                        + "Group,User (or none), not " + value);
            }
        }
        return names;
    }

    private static boolean enabled(String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("SCIM_ENABLED must be true or false, not " + value);
        };
    }

    @Override
    public String toString() {
        // Never print the token or the database password.
        return "ServerConfig[bindAddress=" + bindAddress + ", port=" + port + ", adminToken="
                + (adminToken == null ? "generated" : "given") + ", jdbcUrl=" + jdbcUrl.replaceAll("[?;].*", "")
                + ", enabled=" + enabled + ", noContentOnPatch=" + noContentOnPatch + ", maxConcurrentRequests="
                + maxConcurrentRequests + ", unmappedAttributes=" + unmappedAttributes + ", scimSettings="
                + new java.util.TreeMap<>(scimSettings).entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getKey().contains("secret") ? "(set)" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}")) + ", adoptProviders=" + adoptProviders + "]";
    }
}
