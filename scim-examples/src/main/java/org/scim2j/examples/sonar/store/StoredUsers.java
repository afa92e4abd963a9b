package org.scim2j.examples.sonar.store;

import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.User;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users as stored: the host's row ({@link UserRow}) merged with the document of what it has no column for
 * ({@link JdbcUserRepository#DOCUMENTS}, kept with {@link UnmappedAttributes#KEEP}), with the SCIM-managed groups the
 * user is in; and the document a write keeps beside the row.
 */
final class StoredUsers {

    private final UnmappedAttributes mode;

    StoredUsers(UnmappedAttributes mode) {
        this.mode = mode;
    }

    /** A stored user, with its groups or without (then {@code groups} is empty). */
    Optional<User> read(Connection c, String scimId, boolean withGroups) throws SQLException {
        Optional<UserRow> row = Rows.first(c, "SELECT " + UserRow.COLUMNS + UserRow.FROM + " WHERE s.scim_uuid = ?",
                scimId, UserRow::of);
        return row.isEmpty() ? Optional.empty() : Optional.of(users(c, List.of(row.get()), withGroups).get(0));
    }

    /** The users of these rows, in their order, each with its groups or without. */
    List<User> users(Connection c, List<UserRow> rows, boolean withGroups) throws SQLException {
        Map<String, List<GroupMembership>> groups = withGroups
                ? groupsOf(c, rows.stream().map(UserRow::userUuid).toList()) : Map.of();
        return rows.stream().map(r -> user(r, groups.getOrDefault(r.userUuid(), List.of()))).toList();
    }

    /** The document to write with these column values; dropping, none (an earlier one goes too). */
    String document(User resource, UserColumns values) {
        return mode == UnmappedAttributes.KEEP
                ? JdbcUserRepository.DOCUMENTS.write(resource, derived(values.name(), values.email())) : null;
    }

    /** A stored user: the host's view of the row, merged with the kept document. */
    private User user(UserRow row, List<GroupMembership> groups) {
        User view = row.toUser(groups);
        return mode == UnmappedAttributes.KEEP
                ? JdbcUserRepository.DOCUMENTS.read(view, row.document(), derived(row.name(), row.email())) : view;
    }

    /** The derived columns' values, by column name. */
    private static Map<String, Object> derived(String name, String email) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", name);
        columns.put("email", email);
        return columns;
    }

    /** The SCIM-managed groups of these host users, by host user uuid. */
    private static Map<String, List<GroupMembership>> groupsOf(Connection c, Collection<String> userUuids)
            throws SQLException {
        return Rows.byKey(c, userUuids, marks -> "SELECT gu.user_uuid, sg.scim_uuid, g.name"
                        + " FROM groups_users gu JOIN scim_groups sg ON sg.group_uuid = gu.group_uuid"
                        + " JOIN groups g ON g.uuid = gu.group_uuid WHERE gu.user_uuid IN (" + marks + ")"
                        + " ORDER BY sg.scim_uuid",
                rs -> new GroupMembership(rs.getString(2), null, rs.getString(3), "direct"));
    }
}
