package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Member;
import org.scim2j.spi.MembershipChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group's SCIM-visible members as {@code groups_users} rows: reading them, and writing a membership delta or a
 * whole new member list as INSERTs and DELETEs of rows, without loading the group's members. Only memberships of
 * SCIM-managed users are shown or touched; a member that is not a SCIM user of this host is 400
 * {@code invalidValue} (SonarQube has no nested groups). The caller holds the group's row lock.
 */
final class GroupMembers {

    private static final Comparator<Member> BY_ID = Comparator.comparing(Member::value);
    private static final String SCIM_MANAGED_USERS = "(SELECT user_uuid FROM scim_users)";

    private GroupMembers() {
    }

    /**
     * The SCIM-managed members of these groups, by group uuid, ordered by SCIM id. They are sorted here: on
     * PostgreSQL the database's sort of 100,000 members spilled to disk with the default {@code work_mem}. The rows
     * are not fetched in batches: PostgreSQL runs a query fetched in batches without parallel workers, which made
     * reading 100,000 members 0.85 s instead of 0.5 s.
     */
    static Map<String, List<Member>> of(Connection c, Collection<String> groupUuids) throws SQLException {
        Map<String, List<Member>> members = Rows.byKey(c, groupUuids, marks -> "SELECT gu.group_uuid, su.scim_uuid,"
                        + " u.login FROM groups_users gu JOIN scim_users su ON su.user_uuid = gu.user_uuid"
                        + " JOIN users u ON u.uuid = gu.user_uuid WHERE gu.group_uuid IN (" + marks + ")",
                rs -> new Member(rs.getString(2), null, rs.getString(3), "User"));
        members.values().forEach(list -> list.sort(BY_ID));
        return members;
    }

    /** Applies a membership delta; returns how many membership rows it inserted or deleted. */
    static int apply(Connection c, String groupUuid, MembershipChange change) throws SQLException {
        int changed = 0;
        if (change.removeAll()) {
            changed += Rows.update(c, "DELETE FROM groups_users WHERE group_uuid = ? AND user_uuid IN "
                    + SCIM_MANAGED_USERS, groupUuid);
        }
        for (String removed : change.removed()) {
            if (Rows.hasNul(removed)) {
                continue; // names no user, so no member
            }
            changed += Rows.update(c, "DELETE FROM groups_users WHERE group_uuid = ? AND user_uuid IN"
                    + " (SELECT user_uuid FROM scim_users WHERE scim_uuid = ?)", groupUuid, removed);
        }
        return changed + add(c, groupUuid, change.added());
    }

    /** PUT: the SCIM-visible members become exactly these; only the difference is written. */
    static void set(Connection c, String groupUuid, List<Member> next) throws SQLException {
        Map<String, String> wanted = resolve(c, next);
        Set<String> wantedUsers = new HashSet<>(wanted.values()); // sets: a diff of 50,000 members took 15 s with lists
        Set<String> current = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT user_uuid FROM groups_users WHERE group_uuid = ?"
                + " AND user_uuid IN " + SCIM_MANAGED_USERS)) {
            s.setString(1, groupUuid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    current.add(rs.getString(1));
                }
            }
        }
        for (String userUuid : current) {
            if (!wantedUsers.contains(userUuid)) {
                Rows.update(c, "DELETE FROM groups_users WHERE group_uuid = ? AND user_uuid = ?", groupUuid,
                        userUuid);
            }
        }
        for (String userUuid : wanted.values()) {
            if (!current.contains(userUuid)) {
                insert(c, groupUuid, userUuid);
            }
        }
    }

    /** Adds members who are not there yet; returns how many rows it inserted. */
    static int add(Connection c, String groupUuid, List<Member> added) throws SQLException {
        int inserted = 0;
        for (String userUuid : resolve(c, added).values()) {
            inserted += insert(c, groupUuid, userUuid);
        }
        return inserted;
    }

    private static int insert(Connection c, String groupUuid, String userUuid) throws SQLException {
        // The group row is locked by this transaction, so no concurrent change can insert the same pair.
        return Rows.update(c, "INSERT INTO groups_users (group_uuid, user_uuid)"
                + " SELECT ?, ? FROM (VALUES (1)) AS one (x)"
                + " WHERE NOT EXISTS (SELECT 1 FROM groups_users WHERE group_uuid = ? AND user_uuid = ?)",
                groupUuid, userUuid, groupUuid, userUuid);
    }

    /**
     * The host users behind member ids (SCIM user ids), in order, without duplicates.
     *
     * @throws ScimException 400 {@code invalidValue} for an id that is not a SCIM user of this host
     */
    private static Map<String, String> resolve(Connection c, List<Member> members) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (Member member : members) {
            String id = member.value();
            if (id == null || ids.contains(id)) {
                continue;
            }
            if (Rows.hasNul(id)) {
                throw ScimException.invalidValue("member value must not contain the NUL character (U+0000)");
            }
            if (member.type() != null && member.type().toLowerCase(Locale.ROOT).equals("group")) {
                throw ScimException.invalidValue("member '" + id + "' is a Group; this service provider has no "
                        + "nested groups");
            }
            ids.add(id);
        }
        // Each member's SCIM link is locked until the membership is written, so that a concurrent DELETE of the
        // user (which removes its link and memberships) cannot commit in between and leave a membership of an
        // unlinked user behind. Links are locked in id order, so two group writes never wait for each other's.
        Map<String, String> locked = new HashMap<>();
        for (String id : new TreeSet<>(ids)) {
            String userUuid = Rows.first(c, "SELECT user_uuid FROM scim_users WHERE scim_uuid = ? FOR UPDATE", id,
                    rs -> rs.getString(1)).orElseThrow(() -> ScimException.invalidValue("member '" + id
                    + "' is not a User of this service provider (groups hold users only)"));
            locked.put(id, userUuid);
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        ids.forEach(id -> resolved.put(id, locked.get(id)));
        return resolved;
    }
}
