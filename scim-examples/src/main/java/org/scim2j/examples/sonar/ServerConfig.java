package org.scim2j.examples.sonar;

import org.scim2j.examples.sonar.store.UnmappedAttributes;

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
 */
public record ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                           String jdbcPassword, boolean enabled, Duration stopTimeout, Set<String> noContentOnPatch,
                           int maxConcurrentRequests, UnmappedAttributes unmappedAttributes) {

    /** The zero-setup database: an embedded H2 file under {@code ./data}. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/scim";

    /** Groups can be large: by default their PATCH answers 204 instead of the whole member list. */
    public static final Set<String> DEFAULT_NO_CONTENT_ON_PATCH = Set.of("Group");

    /** Checks the parts. */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(unmappedAttributes, "unmappedAttributes");
        noContentOnPatch = Set.copyOf(noContentOnPatch);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SCIM_PORT must be 0..65535, not " + port);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("SCIM_ADMIN_TOKEN must not be blank");
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

    /** A configuration with the default {@link #DEFAULT_NO_CONTENT_ON_PATCH}. */
    public ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean enabled, Duration stopTimeout) {
        this(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled, stopTimeout,
                DEFAULT_NO_CONTENT_ON_PATCH, defaultMaxConcurrentRequests(), UnmappedAttributes.KEEP);
    }

    /**
     * Reads {@code SCIM_PORT} (8080), {@code SCIM_BIND_ADDRESS} (127.0.0.1), {@code SCIM_ADMIN_TOKEN},
     * {@code SCIM_JDBC_URL} (H2 file under ./data), {@code SCIM_JDBC_USER}, {@code SCIM_JDBC_PASSWORD} and
     * {@code SCIM_ENABLED} (true) and {@code SCIM_PATCH_NO_CONTENT} (comma-separated resource type names whose
     * PATCH answers 204, default {@code Group}; {@code none} for none) and {@code SCIM_MAX_CONCURRENT_REQUESTS}
     * ({@link #defaultMaxConcurrentRequests()}) and {@code SCIM_UNMAPPED_ATTRIBUTES} ({@code keep} or
     * {@code drop}, default {@code keep}).
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
                UnmappedAttributes.parse(value(env, "SCIM_UNMAPPED_ATTRIBUTES")));
    }

    /** This with another port. */
    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, unmappedAttributes);
    }

    /** This with attributes without a column kept or dropped. */
    public ServerConfig withUnmappedAttributes(UnmappedAttributes value) {
        return new ServerConfig(bindAddress, port, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout, noContentOnPatch, maxConcurrentRequests, value);
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
                + maxConcurrentRequests + ", unmappedAttributes=" + unmappedAttributes + "]";
    }
}
