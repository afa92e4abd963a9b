package org.scim2j.http;

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
     * A verifier for one token stored as the hex SHA-256 of its UTF-8 bytes. Every presented token is hashed and
     * the two 32-byte digests are compared with {@link MessageDigest#isEqual}, which takes the same time wherever
     * they differ.
     *
     * @param hexSha256 the stored hash: 64 hex digits
     * @param principal the name of the token's owner
     * @throws IllegalArgumentException if {@code hexSha256} is not 64 hex digits (a truncated or mistyped hash
     *                                  would otherwise refuse every token without saying why)
     */
    static TokenVerifier sha256(String hexSha256, String principal) {
        String hex = Objects.requireNonNull(hexSha256).trim();
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 token hash is 64 hex digits, not " + hex.length()
                    + " characters");
        }
        byte[] expected = HexFormat.of().parseHex(hex);
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
