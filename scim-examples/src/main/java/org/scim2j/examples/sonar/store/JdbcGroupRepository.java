package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Group;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.sql.ResourceDocument;
import org.scim2j.spi.sql.SqlCondition;
import org.scim2j.spi.sql.SqlFilterTranslator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.scim2j.examples.sonar.store.GroupRow.COLUMNS;
import static org.scim2j.examples.sonar.store.GroupRow.FROM;

/**
 * {@code /Groups} over SonarQube-shaped tables: {@code groups}, {@code scim_groups} (SCIM id → group) and
 * {@code groups_users}. {@code displayName} ↔ {@code name} (unique ignoring case), {@code externalId} ↔
 * {@code scim_groups.external_id}; members are SCIM users, shown with their {@code userName} as {@code display}.
 *
 * <p>Membership changes are native ({@link #supportsMembershipChanges()}): a PATCH or PUT reaches the store as
 * INSERTs and DELETEs of {@code groups_users} rows, and the group's members are never loaded to apply them. A
 * member that is not a SCIM user of this host is 400 {@code invalidValue} (SonarQube has no nested groups).
 * Memberships of host users that SCIM does not manage are neither shown nor touched.
 *
 * <p>With {@link UnmappedAttributes#KEEP} (the default) every other attribute of the group (custom extensions, for
 * example) is kept in the JSON document {@code scim_groups.attributes} and read back as written.
 */
public final class JdbcGroupRepository implements GroupRepository {

    static final int NAME_LENGTH = 500;
    static final int EXTERNAL_ID_LENGTH = 255;

    private static final String ORDER = " ORDER BY LOWER(g.name), sg.scim_uuid";
    private static final HostLink LINK = HostLink.GROUPS;

    /** What the group columns and membership rows do not hold, kept in {@code scim_groups.attributes}. */
    static final ResourceDocument<Group> DOCUMENTS = ResourceDocument.builder(SchemaRegistry.standard(),
                    Schemas.GROUP_RESOURCE_TYPE, Group.class)
            .column("displayName").column("externalId")
            .computed("members")
            .build();

    private final Database database;
    private final Clock clock;
    private final StoredGroups stored;
    /** Every filter and sort in SQL that the database can run; the rest is the service's (in memory or 400). */
    private final SqlFilterTranslator filters;
    private final SearchTimeout searchTimeout;

    /** @param database the migrated database */
    public JdbcGroupRepository(Database database) {
        this(database, Clock.systemUTC(), UnmappedAttributes.KEEP);
    }

    /**
     * @param database the migrated database
     * @param clock    the clock for {@code created_at} / {@code updated_at}
     * @param mode     whether attributes without a column are kept in the document or dropped
     */
    public JdbcGroupRepository(Database database, Clock clock, UnmappedAttributes mode) {
        this(database, clock, mode, SearchTimeout.DEFAULT);
    }

    /**
     * @param database      the migrated database
     * @param clock         the clock for {@code created_at} / {@code updated_at}
     * @param mode          whether attributes without a column are kept in the document or dropped
     * @param searchTimeout how long each statement of a search may run before it is cancelled (400 {@code tooMany})
     */
    public JdbcGroupRepository(Database database, Clock clock, UnmappedAttributes mode, SearchTimeout searchTimeout) {
        this.searchTimeout = Objects.requireNonNull(searchTimeout, "searchTimeout");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stored = new StoredGroups(Objects.requireNonNull(mode, "mode"));
        SchemaRegistry registry = HostSchemas.of(mode);
        SqlFilterTranslator.Builder sql = SqlFilterTranslator.builder(registry,
                        registry.resourceType("Group").orElseThrow())
                .column("id", "sg.scim_uuid")
                .column("displayName", "g.name")
                .column("externalId", "sg.external_id")
                .epochMillisColumn("meta.created", "g.created_at")
                .epochMillisColumn("meta.lastModified", "GREATEST(g.created_at, g.updated_at)")
                .multiValued("members", "SELECT 1 FROM groups_users gu JOIN scim_users su ON su.user_uuid ="
                        + " gu.user_uuid JOIN users mu ON mu.uuid = gu.user_uuid WHERE gu.group_uuid = g.uuid",
                        Map.of("value", "su.scim_uuid", "display", "mu.login", "type", "'User'"));
        if (mode == UnmappedAttributes.KEEP && database.vendor() == Database.Vendor.POSTGRESQL) {
            sql.document("sg.attributes", DOCUMENTS);
        }
        if (database.vendor() == Database.Vendor.H2) {
            // H2 has no expression indexes: LOWER(name) is a generated column, indexed (migration V2)
            sql.loweredColumn("displayName", "g.name_lower");
        }
        this.filters = sql.build();
    }

    /** The filter translator, for tests of the SQL it writes and the indexes that serve it. */
    SqlFilterTranslator translator() {
        return filters;
    }

    /**
     * Filters and sorting on id, displayName, externalId, members and meta times run in SQL, and on PostgreSQL on
     * every attribute of the document.
     */
    @Override
    public RepositoryCapabilities capabilities() {
        return new RepositoryCapabilities(filters.filterSupport(), filters.sortSupport(), false);
    }

    @Override
    public boolean supportsMembershipChanges() {
        return true;
    }

    @Override
    public Group create(Group resource, RequestContext context) {
        String name = nameOf(resource);
        String externalId = Rows.fit(resource.externalId(), EXTERNAL_ID_LENGTH, "externalId");
        try {
            return database.inTransaction(c -> {
                long now = clock.millis();
                String groupUuid = Rows.newUuid();
                Rows.update(c, "INSERT INTO groups (uuid, name, version, created_at, updated_at)"
                        + " VALUES (?, ?, 1, ?, ?)", groupUuid, name, now, now);
                String scimId = Rows.newUuid();
                Rows.update(c, "INSERT INTO scim_groups (scim_uuid, group_uuid, external_id, attributes)"
                        + " VALUES (?, ?, ?, " + database.documentParameter() + ")", scimId, groupUuid, externalId,
                        stored.document(resource));
                GroupMembers.add(c, groupUuid, resource.members());
                return stored.read(c, scimId, true).orElseThrow();
            });
        } catch (Database.StoreException e) {
            throw uniqueOr(e, name);
        }
    }

    @Override
    public Optional<Group> get(String id, RequestContext context) {
        if (Rows.hasNul(id)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> stored.read(c, id, true));
    }

    @Override
    public Optional<Group> getWithoutMembers(String id, RequestContext context) {
        if (Rows.hasNul(id)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> stored.read(c, id, false));
    }

    @Override
    public Group replace(String id, Group resource, String expectedVersion, RequestContext context) {
        return write(id, resource, null, expectedVersion, true);
    }

    @Override
    public Group update(String id, Group attributes, MembershipChange members, String expectedVersion,
                        RequestContext context) {
        return write(id, attributes, members, expectedVersion, false);
    }

    /**
     * One write: the group row first (which locks it, so membership changes of one group are serialised), then
     * the membership rows. A membership delta alone that changes no row (adding a member who is already there,
     * removing one who is not: identity providers re-send memberships) keeps the group's version and
     * {@code lastModified}, so its entity tag still matches.
     *
     * @param members     the delta, or {@code null} to make the members those of {@code attributes} (PUT)
     * @param withMembers whether the result carries the members
     */
    private Group write(String id, Group attributes, MembershipChange members, String expectedVersion,
                        boolean withMembers) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        return database.inTransaction(c -> writeIn(c, id, attributes, members, expectedVersion, withMembers));
    }

    /** {@link #write} inside a transaction that is already open (and may hold the group's lock). */
    private Group writeIn(Connection c, String id, Group attributes, MembershipChange members, String expectedVersion,
                          boolean withMembers) throws SQLException {
        String name = attributes == null ? null : nameOf(attributes);
        String externalId = attributes == null ? null
                : Rows.fit(attributes.externalId(), EXTERNAL_ID_LENGTH, "externalId");
        long now = clock.millis();
        boolean deltaOnly = attributes == null && members != null;
        List<Object> parameters = new ArrayList<>();
        // A delta alone locks the row without changing it, and bumps the version below if it changed rows.
        StringBuilder sql = new StringBuilder(deltaOnly ? "UPDATE groups SET version = version"
                : "UPDATE groups SET version = version + 1, updated_at = ?");
        if (!deltaOnly) {
            parameters.add(now);
        }
        if (name != null) {
            sql.append(", name = ?");
            parameters.add(name);
        }
        sql.append(" WHERE uuid = ").append(LINK.ofScimId());
        parameters.add(id);
        if (expectedVersion != null) {
            sql.append(" AND version = ?");
            parameters.add(HostLink.parseVersion(expectedVersion));
        }
        int updated;
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Rows.bind(s, parameters);
            updated = s.executeUpdate();
        } catch (SQLException e) {
            if (Rows.isUniqueViolation(e)) {
                throw taken(name, e);
            }
            throw e;
        }
        if (updated == 0) {
            throw LINK.missingOrConflict(c, id, expectedVersion);
        }
        String groupUuid = LINK.hostUuid(c, id).orElseThrow(() -> ScimException.notFound("Group", id));
        if (attributes != null) {
            Rows.update(c, "UPDATE scim_groups SET external_id = ?, attributes = " + database.documentParameter()
                    + " WHERE scim_uuid = ?", externalId, stored.document(attributes), id);
        }
        if (members == null) {
            GroupMembers.set(c, groupUuid, attributes.members());
        } else if (GroupMembers.apply(c, groupUuid, members) > 0 && deltaOnly) {
            Rows.update(c, "UPDATE groups SET version = version + 1, updated_at = ? WHERE uuid = ?", now,
                    groupUuid);
        }
        return stored.read(c, id, withMembers).orElseThrow();
    }

    /** Writes are serialised on the group's row lock ({@link #locked}), on every node sharing the database. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    /**
     * Reads the group and applies {@code change}, locking the group's row only when the change writes something
     * ({@code AtomicModify}), so that a PUT of an unchanged group (Okta's AIW push) stays a read-only transaction.
     */
    @Override
    public Group modify(String id, UnaryOperator<Group> change, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        return database.inTransaction(c -> AtomicModify.apply(c, LINK, id, (conn, i) -> stored.read(conn, i, true),
                g -> g.meta().version(), change, (conn, next, current) -> writeIn(conn, id, next, null, null, true)));
    }

    @Override
    public Group modify(String id, UnaryOperator<Group> attributes, MembershipChange members,
                        RequestContext context) {
        return locked(id, false, (c, current) -> {
            Group next = attributes.apply(current);
            return writeIn(c, id, next == current ? null : next, members, null, false);
        });
    }

    /** Work on a group whose row this transaction has locked. */
    @FunctionalInterface
    private interface LockedWork {
        Group run(Connection c, Group current) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction that first locks the group's row ({@code SELECT ... FOR UPDATE}), so
     * that concurrent writers of one group, on any node, run one after the other. Lock order as every group
     * write's: the group first, then the SCIM links of members it adds.
     */
    private Group locked(String id, boolean withMembers, LockedWork work) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        return database.inTransaction(c -> {
            LINK.lock(c, id);
            Group current = stored.read(c, id, withMembers).orElseThrow(() -> ScimException.notFound("Group", id));
            return work.run(c, current);
        });
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        database.inTransaction(c -> {
            String sql = "UPDATE groups SET version = version + 1 WHERE uuid = " + LINK.ofScimId()
                    + (expectedVersion == null ? "" : " AND version = ?");
            int locked = expectedVersion == null ? Rows.update(c, sql, id)
                    : Rows.update(c, sql, id, HostLink.parseVersion(expectedVersion));
            if (locked == 0) {
                throw LINK.missingOrConflict(c, id, expectedVersion);
            }
            String groupUuid = LINK.hostUuid(c, id).orElseThrow(() -> ScimException.notFound("Group", id));
            Rows.update(c, "DELETE FROM groups_users WHERE group_uuid = ?", groupUuid);
            if (Rows.update(c, "DELETE FROM scim_groups WHERE scim_uuid = ?", id) == 0) {
                throw ScimException.notFound("Group", id);
            }
            Rows.update(c, "DELETE FROM groups WHERE uuid = ?", groupUuid);
            return null;
        });
    }

    @Override
    public Page<Group> search(SearchRequest request, RequestContext context) {
        SqlCondition where = request.filter() == null ? new SqlCondition("1=1", List.of())
                : filters.translate(request);
        Rows.requireNoNul(where.parameters());
        String order = request.sortBy() == null ? ORDER
                : " ORDER BY " + filters.orderBy(request).sql();
        boolean withMembers = wantsMembers(request);
        return BoundedSearch.run(database, searchTimeout, search -> {
            int total = search.count(countSql(where), where.parameters());
            if (request.count() == 0 || request.startIndex() > total) {
                return Page.of(List.of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            parameters.add(request.startIndex() - 1);
            parameters.add(request.count());
            List<Group> groups = stored.groups(search.connection(),
                    search.rows(pageSql(where, order), parameters, GroupRow::of), withMembers);
            return Page.of(groups, Math.max(total, groups.size()));
        });
    }

    /** How many groups match {@code where}. */
    static String countSql(SqlCondition where) {
        return "SELECT COUNT(*)" + FROM + " WHERE " + where.sql();
    }

    /** A page: {@code where}'s parameters, then the offset and the count; {@code order} {@code null} by name. */
    static String pageSql(SqlCondition where, String order) {
        return "SELECT " + COLUMNS + FROM + " WHERE " + where.sql() + (order == null ? ORDER : order)
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }

    private static boolean wantsMembers(SearchRequest request) {
        return request.attributes().includes("members");
    }

    private static String nameOf(Group group) {
        String name = group.displayName();
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("displayName is required");
        }
        return Rows.fit(name, NAME_LENGTH, "displayName");
    }

    private static RuntimeException uniqueOr(Database.StoreException e, String name) {
        return Rows.isUniqueViolation(e) ? taken(name, e) : e;
    }

    private static UniquenessException taken(String name, Throwable cause) {
        return new UniquenessException("displayName '" + name + "' is already taken", cause);
    }
}
