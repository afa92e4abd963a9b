package org.scim2j.examples.sonar.store;

import org.scim2j.http.TokenVerifier;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SCIM admin token of the example host. A token given by the operator is hashed and kept in memory only; a
 * generated one is shown once and its SHA-256 stored in {@code internal_properties}, so that it survives restarts.
 * The clear token is never stored.
 */
public final class AdminTokens {

    /** The {@code internal_properties} key of the generated token's hash. */
    static final String KEY = "scim.adminToken.sha256";

    /**
     * The hash to verify against, and the clear token if it was generated just now (to show once).
     *
     * @param sha256    the lower-case hex SHA-256 of the token
     * @param generated the clear token when this call generated it, else empty
     */
    public record Resolved(String sha256, Optional<String> generated) {
    }

    private AdminTokens() {
    }

    /**
     * The token to use.
     *
     * @param given the operator's token, or {@code null}
     */
    public static Resolved resolve(Database database, String given) {
        if (given != null) {
            return new Resolved(TokenVerifier.hash(given), Optional.empty());
        }
        Optional<String> stored = stored(database);
        if (stored.isPresent()) {
            return new Resolved(stored.get(), Optional.empty());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = "scim_" + HexFormat.of().formatHex(random);
        String hash = TokenVerifier.hash(token);
        try {
            database.inTransaction(c -> Rows.update(c, "INSERT INTO internal_properties (kee, text_value, created_at)"
                    + " VALUES (?, ?, ?)", KEY, hash, System.currentTimeMillis()));
        } catch (Database.StoreException e) {
            if (Rows.isUniqueViolation(e)) {
                // Another instance on the same database generated one first: use that.
                return new Resolved(stored(database).orElseThrow(), Optional.empty());
            }
            throw e;
        }
        return new Resolved(hash, Optional.of(token));
    }

    private static Optional<String> stored(Database database) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT text_value FROM internal_properties WHERE kee = ?")) {
                s.setString(1, KEY);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
