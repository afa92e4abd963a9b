package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.VersionConflictException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How a SCIM id reaches its host row: {@code scim_users.user_uuid} → {@code users}, {@code scim_groups.group_uuid}
 * → {@code groups}. The host row carries the version ({@code meta.version}), so locking a resource, and telling a
 * missing resource from a stale version, both go through the link.
 *
 * @param resourceType the SCIM resource type, for errors
 * @param hostTable    the host's table
 * @param linkTable    the table that links a SCIM id ({@code scim_uuid}) to a host row
 * @param hostColumn   the link table's column naming the host row ({@code uuid})
 */
record HostLink(String resourceType, String hostTable, String linkTable, String hostColumn) {

    static final HostLink USERS = new HostLink("User", "users", "scim_users", "user_uuid");
    static final HostLink GROUPS = new HostLink("Group", "groups", "scim_groups", "group_uuid");

    /** A subquery for the host row's uuid, given the SCIM id as its one parameter. */
    String ofScimId() {
        return "(SELECT " + hostColumn + " FROM " + linkTable + " WHERE scim_uuid = ?)";
    }

    /** The host row's uuid behind a SCIM id, or empty. */
    Optional<String> hostUuid(Connection c, String scimId) throws SQLException {
        return Rows.first(c, "SELECT " + hostColumn + " FROM " + linkTable + " WHERE scim_uuid = ?", scimId,
                rs -> rs.getString(1));
    }

    /**
     * Locks the host row until the transaction ends ({@code SELECT ... FOR UPDATE}).
     *
     * @return its version, as {@code meta.version} shows it
     * @throws ScimException 404 when the SCIM id links no row
     */
    String lock(Connection c, String id) throws SQLException {
        return Rows.first(c, "SELECT version FROM " + hostTable + " WHERE uuid = " + ofScimId() + " FOR UPDATE", id,
                        rs -> Long.toString(rs.getLong(1)))
                .orElseThrow(() -> ScimException.notFound(resourceType, id));
    }

    /** Why a write conditioned on {@code expectedVersion} changed no row: the resource is gone, or at another one. */
    RuntimeException missingOrConflict(Connection c, String id, String expectedVersion) throws SQLException {
        Optional<Long> version = Rows.first(c, "SELECT h.version FROM " + linkTable + " l JOIN " + hostTable
                + " h ON h.uuid = l." + hostColumn + " WHERE l.scim_uuid = ?", id, rs -> rs.getLong(1));
        if (version.isEmpty()) {
            return ScimException.notFound(resourceType, id);
        }
        return new VersionConflictException(resourceType + " '" + id + "' is at version " + version.get() + ", not "
                + expectedVersion);
    }

    /** A version this host never wrote matches nothing. */
    static long parseVersion(String version) {
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
