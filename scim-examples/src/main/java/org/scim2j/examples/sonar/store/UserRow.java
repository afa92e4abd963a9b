package org.scim2j.examples.sonar.store;

import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** One row of {@link #COLUMNS}: a SCIM user's link, its host user's columns and its kept document. */
record UserRow(String scimId, String userUuid, String login, String name, String email, boolean active,
               String externalId, long version, long createdAt, long updatedAt, String document) {

    /** What every read of a user selects, {@link #FROM} the link joined with its host user. */
    static final String COLUMNS = "s.scim_uuid, u.uuid, u.login, u.name, u.email, u.active, u.external_id, "
            + "u.version, u.created_at, u.updated_at, s.attributes";
    static final String FROM = " FROM scim_users s JOIN users u ON u.uuid = s.user_uuid";

    static UserRow of(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getString(11));
    }

    /** The host's view of the user: its columns only, without the kept document. */
    User toUser(List<GroupMembership> groups) {
        return User.builder()
                .id(scimId)
                .externalId(externalId)
                .userName(login)
                .name(name == null ? null : new Name(name, null, null, null, null, null))
                .active(active)
                // The one email column is presented as the primary work email, so that the filtered paths of
                // identity providers (emails[type eq "work"].value) address it.
                .emails(email == null ? List.of() : List.of(new Email(email, null, "work", true)))
                .groups(groups)
                .meta(Rows.meta("User", createdAt, updatedAt, version))
                .build();
    }
}
