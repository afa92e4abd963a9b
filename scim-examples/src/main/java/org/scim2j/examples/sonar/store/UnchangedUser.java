package org.scim2j.examples.sonar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Whether a replace would leave every column of a SCIM user, and its kept document of the attributes without a
 * column, as they are. Okta's app-integration-wizard apps PUT the whole user on every sync, and when this host drops
 * what it has no column for ({@code name.givenName}, {@code locale}), the service cannot tell such a PUT from a
 * change; the store can, and then writes nothing: the version and {@code updated_at} stay, and the user's ETag still
 * matches.
 */
final class UnchangedUser {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private UnchangedUser() {
    }

    /**
     * @param active          the new {@code active}, or {@code null} to keep it
     * @param document        the document that would be written ({@code scim_users.attributes}), or {@code null}
     * @param expectedVersion as for a replace: a stale one is not "unchanged" (the replace then reports the
     *                        conflict)
     */
    static boolean in(Connection c, String scimId, String expectedVersion, String login, String name, String email,
                      Boolean active, String externalId, String document) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT u.login, u.name, u.email, u.active, u.external_id,"
                + " u.external_login, u.version, su.attributes FROM scim_users su JOIN users u"
                + " ON u.uuid = su.user_uuid WHERE su.scim_uuid = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && login.equals(rs.getString(1)) && Objects.equals(name, rs.getString(2))
                        && Objects.equals(email, rs.getString(3)) && (active == null || active == rs.getBoolean(4))
                        && Objects.equals(externalId, rs.getString(5)) && login.equals(rs.getString(6))
                        && (expectedVersion == null
                        || HostLink.parseVersion(expectedVersion) == rs.getLong(7))
                        && sameJson(document, rs.getString(8));
            }
        }
    }

    /** Two documents with the same content (PostgreSQL's jsonb gives it back in its own key order and spacing). */
    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false; // not comparable: write it
        }
    }
}
