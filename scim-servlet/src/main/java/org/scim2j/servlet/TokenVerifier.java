package org.scim2j.servlet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a presented token and names its principal. Hosts store tokens hashed; {@link #sha256} compares in
 * constant time, so response timing says nothing about how much of a guess was right.
 */
@FunctionalInterface
public interface TokenVerifier {

    /** The principal the token belongs to, or empty if it is not valid. */
    Optional<String> verify(String token);

    /**
     * A verifier for one token stored as the lower-case hex SHA-256 of its UTF-8 bytes.
     *
     * @param hexSha256 the stored hash
     * @param principal the name of the token's owner
     */
    static TokenVerifier sha256(String hexSha256, String principal) {
        byte[] expected = HexFormat.of().parseHex(Objects.requireNonNull(hexSha256).trim().toLowerCase());
        Objects.requireNonNull(principal);
        return token -> MessageDigest.isEqual(expected, sha256(token)) ? Optional.of(principal) : Optional.empty();
    }

    /** The SHA-256 of a token's UTF-8 bytes, as {@link #sha256(String, String)} expects it (hex). */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
