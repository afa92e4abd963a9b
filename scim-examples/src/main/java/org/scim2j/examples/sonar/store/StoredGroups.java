package org.scim2j.examples.sonar.store;

import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups as stored: the host's row ({@link GroupRow}) merged with the document of what it has no column for
 * ({@link JdbcGroupRepository#DOCUMENTS}, kept with {@link UnmappedAttributes#KEEP}), with the SCIM-managed members
 * ({@link GroupMembers#of}); and the document a write keeps beside the row.
 */
final class StoredGroups {

    private final UnmappedAttributes mode;

    StoredGroups(UnmappedAttributes mode) {
        this.mode = mode;
    }

    /** A stored group, with its members or without (then {@code members} is empty). */
    Optional<Group> read(Connection c, String scimId, boolean withMembers) throws SQLException {
        Optional<GroupRow> row = Rows.first(c, "SELECT " + GroupRow.COLUMNS + GroupRow.FROM
                + " WHERE sg.scim_uuid = ?", scimId, GroupRow::of);
        return row.isEmpty() ? Optional.empty() : Optional.of(groups(c, List.of(row.get()), withMembers).get(0));
    }

    /** The groups of these rows, in their order, each with its members or without. */
    List<Group> groups(Connection c, List<GroupRow> rows, boolean withMembers) throws SQLException {
        Map<String, List<Member>> members = withMembers
                ? GroupMembers.of(c, rows.stream().map(GroupRow::groupUuid).toList()) : Map.of();
        return rows.stream().map(r -> group(r, members.getOrDefault(r.groupUuid(), List.of()))).toList();
    }

    /** The document to write for a group's attributes; dropping, none. */
    String document(Group attributes) {
        return mode == UnmappedAttributes.KEEP ? JdbcGroupRepository.DOCUMENTS.write(attributes, Map.of()) : null;
    }

    /** A stored group: the host's view of the row, merged with the kept document. */
    private Group group(GroupRow row, List<Member> members) {
        Group view = row.toGroup(members);
        return mode == UnmappedAttributes.KEEP ? JdbcGroupRepository.DOCUMENTS.read(view, row.document(), Map.of())
                : view;
    }
}
