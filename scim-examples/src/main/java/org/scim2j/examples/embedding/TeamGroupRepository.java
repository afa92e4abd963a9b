package org.scim2j.examples.embedding;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Meta;
import org.scim2j.filter.And;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.VersionConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /Groups} over a host's {@code teams} and {@code team_members} tables ({@code schema.sql}). It keeps
 * {@code displayName}, {@code externalId} and {@code members}; a member must be a user of
 * {@link AccountUserRepository} (a foreign key), anything else is 400 {@code invalidValue}.
 *
 * <p>PATCH and PUT replace the whole member list through {@link #replace}, which is fine for teams of hundreds. A
 * host with groups of many thousands also implements {@link #supportsMembershipChanges()} and {@link #update}, so
 * that adding one member costs one insert (see the example server's {@code JdbcGroupRepository}).
 */
public final class TeamGroupRepository implements GroupRepository {

    private static final String COLUMNS = "id, name, external_id, version, created_at, updated_at";

    private final DataSource dataSource;

    /** @param dataSource the host's database, holding {@code teams}, {@code team_members} and {@code accounts} */
    public TeamGroupRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public RepositoryCapabilities capabilities() {
        // Entra ID and Okta look groups up by displayName eq "...".
        return new RepositoryCapabilities(FilterSupport.equalityOn("displayName"), false, false);
    }

    @Override
    public Group create(Group group, RequestContext context) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        return Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO teams (" + COLUMNS
                    + ", name_key) VALUES (?, ?, ?, 1, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, group.displayName());
                insert.setString(3, group.externalId());
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setString(6, key(group.displayName()));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw uniqueness(group, e);
            }
            insertMembers(connection, id, group.members());
            return read(connection, id, true).orElseThrow();
        });
    }

    @Override
    public Optional<Group> get(String id, RequestContext context) {
        return Sql.inTransaction(dataSource, connection -> read(connection, id, true));
    }

    @Override
    public Optional<Group> getWithoutMembers(String id, RequestContext context) {
        // The service calls this when the members are not needed (e.g. excludedAttributes=members, as Entra ID
        // reads groups): one row instead of the whole member list.
        return Sql.inTransaction(dataSource, connection -> read(connection, id, false));
    }

    @Override
    public Group replace(String id, Group group, String expectedVersion, RequestContext context) {
        return Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE teams SET name = ?, "
                    + "external_id = ?, name_key = ?, version = version + 1, updated_at = ? WHERE id = ? AND "
                    + "(? IS NULL OR version = ?)")) {
                update.setString(1, group.displayName());
                update.setString(2, group.externalId());
                update.setString(3, key(group.displayName()));
                update.setLong(4, System.currentTimeMillis());
                update.setString(5, id);
                update.setString(6, expectedVersion);
                update.setLong(7, expectedVersion == null ? 0 : parseVersion(expectedVersion));
                if (update.executeUpdate() == 0) {
                    if (read(connection, id, false).isEmpty()) {
                        throw ScimException.notFound("Group", id);
                    }
                    throw new VersionConflictException("Group '" + id + "' was changed meanwhile");
                }
            } catch (SQLException e) {
                throw uniqueness(group, e);
            }
            try (PreparedStatement clear = connection.prepareStatement(
                    "DELETE FROM team_members WHERE team_id = ?")) {
                clear.setString(1, id);
                clear.executeUpdate();
            }
            insertMembers(connection, id, group.members());
            return read(connection, id, true).orElseThrow();
        });
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM teams WHERE id = ? AND (? IS NULL OR version = ?)")) {
                delete.setString(1, id);
                delete.setString(2, expectedVersion);
                delete.setLong(3, expectedVersion == null ? 0 : parseVersion(expectedVersion));
                if (delete.executeUpdate() == 0) {
                    if (read(connection, id, false).isEmpty()) {
                        throw ScimException.notFound("Group", id);
                    }
                    throw new VersionConflictException("Group '" + id + "' was changed meanwhile");
                }
            }
            return null;
        });
    }

    @Override
    public Page<Group> search(SearchRequest request, RequestContext context) {
        List<String> names = new ArrayList<>();
        collectDisplayNames(request.filter(), names);
        String where = names.isEmpty() ? "" : " WHERE " + String.join(" AND ",
                names.stream().map(n -> "name_key = ?").toList());
        // Members are loaded only when the response shows them (not for excludedAttributes=members).
        boolean withMembers = showsMembers(request.attributes());
        return Sql.inTransaction(dataSource, connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM teams" + where)) {
                bindKeys(count, names);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<String> ids = new ArrayList<>();
            if (request.count() > 0 && request.startIndex() <= total) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM teams" + where
                        + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                    int i = bindKeys(select, names);
                    select.setInt(i++, request.startIndex() - 1);
                    select.setInt(i, request.count());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
            }
            List<Group> groups = new ArrayList<>();
            for (String id : ids) {
                read(connection, id, withMembers).ifPresent(groups::add);
            }
            return Page.of(groups, total);
        });
    }

    /**
     * Whether a response with this selection shows members: not when {@code excludedAttributes} names them, nor
     * when {@code attributes} lists others only.
     */
    private static boolean showsMembers(AttributeSelection selection) {
        return selection.includes("members");
    }

    private static void collectDisplayNames(Filter filter, List<String> names) {
        if (filter instanceof Comparison c) {
            names.add(c.value() instanceof FilterValue.StringValue s ? key(s.value()) : null);
        } else if (filter instanceof And and) {
            and.operands().forEach(operand -> collectDisplayNames(operand, names));
        } else if (filter != null) {
            throw new IllegalArgumentException("not declared in capabilities(): " + filter);
        }
    }

    private static int bindKeys(PreparedStatement statement, List<String> keys) throws SQLException {
        int i = 1;
        for (String key : keys) {
            statement.setString(i++, key);
        }
        return i;
    }

    private static void insertMembers(Connection connection, String teamId, List<Member> members)
            throws SQLException {
        Set<String> values = new LinkedHashSet<>();   // a member listed twice is one membership
        members.forEach(m -> values.add(m.value()));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO team_members (team_id, account_id) VALUES (?, ?)")) {
            for (String value : values) {
                insert.setString(1, teamId);
                insert.setString(2, value);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (Sql.isForeignKeyViolation(e) || Sql.isForeignKeyViolation(e.getNextException())) {
                throw ScimException.invalidValue("every member must be a User of this service");
            }
            throw e;
        }
    }

    private static Optional<Group> read(Connection connection, String id, boolean withMembers)
            throws SQLException {
        Group.Builder group;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM teams WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                group = Group.builder().id(rs.getString("id")).displayName(rs.getString("name"))
                        .externalId(rs.getString("external_id"))
                        .meta(new Meta("Group", Sql.time(rs.getLong("created_at")),
                                Sql.time(rs.getLong("updated_at")), null, Long.toString(rs.getLong("version"))));
            }
        }
        if (withMembers) {
            List<Member> members = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.login FROM team_members m "
                    + "JOIN accounts a ON a.id = m.account_id WHERE m.team_id = ? ORDER BY a.id")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        members.add(new Member(rs.getString(1), null, rs.getString(2), "User"));
                    }
                }
            }
            group.members(members);
        }
        return Optional.of(group.build());
    }

    private static RuntimeException uniqueness(Group group, SQLException e) {
        if (Sql.isUniqueViolation(e)) {
            return new UniquenessException("displayName '" + group.displayName() + "' is already taken", e);
        }
        return new IllegalStateException("database failure (SQLState " + e.getSQLState() + ")", e);
    }

    private static String key(String displayName) {
        return displayName.toLowerCase(Locale.ROOT);
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
