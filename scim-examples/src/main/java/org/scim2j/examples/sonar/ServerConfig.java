package org.scim2j.examples.sonar;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
 */
public record ServerConfig(String bindAddress, int port, String adminToken, String jdbcUrl, String jdbcUser,
                           String jdbcPassword, boolean enabled, Duration stopTimeout) {

    /** The zero-setup database: an embedded H2 file under {@code ./data}. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/scim";

    /** Checks the parts. */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SCIM_PORT must be 0..65535, not " + port);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("SCIM_ADMIN_TOKEN must not be blank");
        }
    }

    /**
     * Reads {@code SCIM_PORT} (8080), {@code SCIM_BIND_ADDRESS} (127.0.0.1), {@code SCIM_ADMIN_TOKEN},
     * {@code SCIM_JDBC_URL} (H2 file under ./data), {@code SCIM_JDBC_USER}, {@code SCIM_JDBC_PASSWORD} and
     * {@code SCIM_ENABLED} (true).
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
                Duration.ofSeconds(20));
    }

    /** This with another port. */
    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, adminToken, jdbcUrl, jdbcUser, jdbcPassword, enabled,
                stopTimeout);
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
                + ", enabled=" + enabled + "]";
    }
}
