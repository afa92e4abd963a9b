package org.scim2j.examples.sonar.store;

import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** One row of {@link #COLUMNS}: a SCIM group's link, its host group's columns and its kept document. */
record GroupRow(String scimId, String groupUuid, String name, long version, long createdAt, long updatedAt,
                String externalId, String document) {

    /** What every read of a group selects, {@link #FROM} the link joined with its host group. */
    static final String COLUMNS = "sg.scim_uuid, g.uuid, g.name, g.version, g.created_at, g.updated_at,"
            + " sg.external_id, sg.attributes";
    static final String FROM = " FROM scim_groups sg JOIN groups g ON g.uuid = sg.group_uuid";

    static GroupRow of(ResultSet rs) throws SQLException {
        return new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getString(7), rs.getString(8));
    }

    /** The host's view of the group: its columns only, without the kept document. */
    Group toGroup(List<Member> members) {
        return Group.builder()
                .id(scimId)
                .externalId(externalId)
                .displayName(name)
                .members(members)
                .meta(Rows.meta("Group", createdAt, updatedAt, version))
                .build();
    }
}
