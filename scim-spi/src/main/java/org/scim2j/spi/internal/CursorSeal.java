package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * RFC 9865 cursors as clients see them: the repository's own cursor, sealed with an HMAC-SHA256 over the query it
 * belongs to (resource type, filter, {@code sortBy}, {@code sortOrder}) and the cursor itself. A client can neither
 * forge a cursor (a repository cursor such as {@code k2:<total>:<lastId>} would otherwise let it set
 * {@code totalResults} or smuggle a NUL to the database) nor carry one over to another query (and get that query's
 * count). Every repository gets this, whatever its own cursors look like; a cursor that does not verify is 400
 * {@code invalidCursor} (RFC 9865 §2.1) before the repository sees it.
 *
 * <p>Wire form: base64url (no padding) of the first 16 bytes of the MAC, then base64url of the repository's cursor
 * in UTF-8. The key is the configured secret, or one random key per process. Thread-safe.
 */
final class CursorSeal {

    private static final int MAC_BYTES = 16;
    /** base64url of {@link #MAC_BYTES} bytes, without padding. */
    private static final int MAC_CHARS = 22;
    private static final byte[] PROCESS_KEY = randomKey();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** An initialised MAC, cloned per use: {@link Mac} is not thread-safe, and initialising costs more than a clone. */
    private final Mac prototype;

    /** @param secret the configured secret, or {@code null} for the process's random key */
    CursorSeal(String secret) {
        byte[] key = secret == null ? PROCESS_KEY : secret.getBytes(StandardCharsets.UTF_8);
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** The query a cursor belongs to, in the form the MAC covers. */
    static String query(String resourceType, Filter filter, AttributePath sortBy, SortOrder sortOrder) {
        return resourceType.toLowerCase(Locale.ROOT) + '\n' + (filter == null ? "" : filter.toString()) + '\n'
                + (sortBy == null ? "" : sortBy.toString().toLowerCase(Locale.ROOT)) + '\n'
                + (sortBy == null ? "" : sortOrder.name());
    }

    /** The client's form of a repository cursor; {@code null} stays {@code null}. */
    String seal(String repositoryCursor, String query) {
        if (repositoryCursor == null) {
            return null;
        }
        byte[] raw = repositoryCursor.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(mac(query, raw)) + ENCODER.encodeToString(raw);
    }

    /**
     * The repository's cursor inside a client's one; {@code ""} (the first page) stays {@code ""}.
     *
     * @throws ScimException 400 {@code invalidCursor} if this server did not issue it for this query
     */
    String unseal(String clientCursor, String query) {
        if (clientCursor.isEmpty()) {
            return clientCursor;
        }
        if (clientCursor.length() > MAC_CHARS) {
            try {
                byte[] raw = DECODER.decode(clientCursor.substring(MAC_CHARS));
                // one spelling per cursor: base64 decoders ignore the unused bits of a last character
                String expected = seal(new String(raw, StandardCharsets.UTF_8), query);
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        clientCursor.getBytes(StandardCharsets.US_ASCII))) {
                    return new String(raw, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException notBase64) {
                // answered below, as any other cursor that does not verify
            }
        }
        throw ScimException.badRequest(ScimType.INVALID_CURSOR, "the cursor was not issued by this service provider "
                + "for this query (same filter, sortBy and sortOrder); start again with cursor= (RFC 9865 §2.1)");
    }

    private byte[] mac(String query, byte[] raw) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone", e);
        }
        mac.update(query.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Arrays.copyOf(mac.doFinal(raw), MAC_BYTES);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
