package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Meta;
import org.scim2j.spi.GroupRepository;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.sql.SqlCondition;
import org.scim2j.spi.sql.ResourceDocument;
import org.scim2j.spi.sql.SqlFilterTranslator;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.VersionConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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

    private static final String COLUMNS = "sg.scim_uuid, g.uuid, g.name, g.version, g.created_at, g.updated_at,"
            + " sg.external_id, sg.attributes";
    private static final String FROM = " FROM scim_groups sg JOIN groups g ON g.uuid = sg.group_uuid";
    private static final String ORDER = " ORDER BY LOWER(g.name), sg.scim_uuid";
    private static final Comparator<Member> BY_ID = Comparator.comparing(Member::value);
    private static final String GROUP_OF_SCIM_ID = "(SELECT group_uuid FROM scim_groups WHERE scim_uuid = ?)";
    private static final String SCIM_MANAGED_USERS = "(SELECT user_uuid FROM scim_users)";

    /** What the group columns and membership rows do not hold, kept in {@code scim_groups.attributes}. */
    static final ResourceDocument<Group> DOCUMENTS = ResourceDocument.builder(SchemaRegistry.standard(),
                    Schemas.GROUP_RESOURCE_TYPE, Group.class)
            .column("displayName").column("externalId")
            .computed("members")
            .build();

    private final Database database;
    private final Clock clock;
    private final UnmappedAttributes mode;
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
        this.mode = Objects.requireNonNull(mode, "mode");
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
                        document(resource));
                addMembers(c, groupUuid, resource.members());
                return read(c, scimId, true).orElseThrow();
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
        return database.inTransaction(c -> read(c, id, true));
    }

    @Override
    public Optional<Group> getWithoutMembers(String id, RequestContext context) {
        if (Rows.hasNul(id)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> read(c, id, false));
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
        sql.append(" WHERE uuid = ").append(GROUP_OF_SCIM_ID);
        parameters.add(id);
        if (expectedVersion != null) {
            sql.append(" AND version = ?");
            parameters.add(JdbcUserRepository.parseVersion(expectedVersion));
        }
        int updated;
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Rows.bind(s, parameters);
            updated = s.executeUpdate();
        } catch (SQLException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new UniquenessException("displayName '" + name + "' is already taken", e);
            }
            throw e;
        }
        if (updated == 0) {
            throw missingOrConflict(c, id, expectedVersion);
        }
        String groupUuid = groupUuid(c, id).orElseThrow(() -> ScimException.notFound("Group", id));
        if (attributes != null) {
            Rows.update(c, "UPDATE scim_groups SET external_id = ?, attributes = " + database.documentParameter()
                    + " WHERE scim_uuid = ?", externalId, document(attributes), id);
        }
        if (members == null) {
            setMembers(c, groupUuid, attributes.members());
        } else if (apply(c, groupUuid, members) > 0 && deltaOnly) {
            Rows.update(c, "UPDATE groups SET version = version + 1, updated_at = ? WHERE uuid = ?", now,
                    groupUuid);
        }
        return read(c, id, withMembers).orElseThrow();
    }

    /** Writes are serialised on the group's row lock ({@link #locked}), on every node sharing the database. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    /**
     * Reads the group and applies {@code change}; only a change that writes something locks the group's row (and,
     * if another writer committed in between, is applied again to what the lock protects), so that a PUT of an
     * unchanged group (Okta's AIW push) stays a read-only transaction: on PostgreSQL a row lock is itself a write.
     */
    @Override
    public Group modify(String id, UnaryOperator<Group> change, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        return database.inTransaction(c -> {
            Group current = read(c, id, true).orElseThrow(() -> ScimException.notFound("Group", id));
            Group next = change.apply(current);
            if (next == current) {
                return current;
            }
            if (!lock(c, id).equals(current.meta().version())) {
                current = read(c, id, true).orElseThrow(() -> ScimException.notFound("Group", id));
                next = change.apply(current);
                if (next == current) {
                    return current;
                }
            }
            return writeIn(c, id, next, null, null, true);
        });
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
            lock(c, id);
            Group current = read(c, id, withMembers).orElseThrow(() -> ScimException.notFound("Group", id));
            return work.run(c, current);
        });
    }

    /** Locks the group's row until the transaction ends; its version, as {@code meta.version} shows it. */
    private static String lock(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM groups WHERE uuid = "
                + GROUP_OF_SCIM_ID + " FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ScimException.notFound("Group", id);
                }
                return Long.toString(rs.getLong(1));
            }
        }
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("Group", id);
        }
        database.inTransaction(c -> {
            String sql = "UPDATE groups SET version = version + 1 WHERE uuid = " + GROUP_OF_SCIM_ID
                    + (expectedVersion == null ? "" : " AND version = ?");
            int locked = expectedVersion == null ? Rows.update(c, sql, id)
                    : Rows.update(c, sql, id, JdbcUserRepository.parseVersion(expectedVersion));
            if (locked == 0) {
                throw missingOrConflict(c, id, expectedVersion);
            }
            String groupUuid = groupUuid(c, id).orElseThrow(() -> ScimException.notFound("Group", id));
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
                : filters.translate(request.filter());
        Rows.requireNoNul(where.parameters());
        String order = request.sortBy() == null ? ORDER
                : " ORDER BY " + filters.orderBy(request.sortBy(), request.sortOrder()).sql();
        boolean withMembers = wantsMembers(request);
        try {
            return search(request, where, order, withMembers);
        } catch (Database.StoreException e) {
            throw searchTimeout.translate(e);
        }
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

    private Page<Group> search(SearchRequest request, SqlCondition where, String order, boolean withMembers) {
        SearchTimeout.Budget budget = searchTimeout.start();
        return database.inTransaction(c -> {
            int total;
            try (PreparedStatement s = c.prepareStatement(countSql(where))) {
                budget.bound(s);
                Rows.bind(s, where.parameters());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            if (request.count() == 0 || request.startIndex() > total) {
                return Page.of(List.of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            parameters.add(request.startIndex() - 1);
            parameters.add(request.count());
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(pageSql(where, order))) {
                budget.bound(s);
                Rows.bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Row.of(rs));
                    }
                }
            }
            Map<String, List<Member>> members = withMembers
                    ? membersOf(c, rows.stream().map(Row::groupUuid).toList()) : Map.of();
            List<Group> groups = rows.stream()
                    .map(r -> group(r, members.getOrDefault(r.groupUuid, List.of()))).toList();
            return Page.of(groups, Math.max(total, groups.size()));
        });
    }

    // --- membership -----------------------------------------------------------------------------------------

    /** Applies a membership delta; returns how many membership rows it inserted or deleted. */
    private int apply(Connection c, String groupUuid, MembershipChange change) throws SQLException {
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
        return changed + addMembers(c, groupUuid, change.added());
    }

    /** PUT: the SCIM-visible members become exactly these; only the difference is written. */
    private void setMembers(Connection c, String groupUuid, List<Member> next) throws SQLException {
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
                insertMember(c, groupUuid, userUuid);
            }
        }
    }

    /** Adds members who are not there yet; returns how many rows it inserted. */
    private int addMembers(Connection c, String groupUuid, List<Member> added) throws SQLException {
        int inserted = 0;
        for (String userUuid : resolve(c, added).values()) {
            inserted += insertMember(c, groupUuid, userUuid);
        }
        return inserted;
    }

    private static int insertMember(Connection c, String groupUuid, String userUuid) throws SQLException {
        // The group row is locked by this transaction, so no concurrent change can insert the same pair.
        return Rows.update(c, "INSERT INTO groups_users (group_uuid, user_uuid) SELECT ?, ? FROM (VALUES (1)) AS one (x)"
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
            try (PreparedStatement s = c.prepareStatement("SELECT user_uuid FROM scim_users WHERE scim_uuid = ?"
                    + " FOR UPDATE")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ScimException.invalidValue("member '" + id + "' is not a User of this service "
                                + "provider (groups hold users only)");
                    }
                    locked.put(id, rs.getString(1));
                }
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        ids.forEach(id -> resolved.put(id, locked.get(id)));
        return resolved;
    }

    // --- reading --------------------------------------------------------------------------------------------

    private Optional<Group> read(Connection c, String scimId, boolean withMembers) throws SQLException {
        Row row;
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE sg.scim_uuid = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = Row.of(rs);
            }
        }
        List<Member> members = withMembers
                ? membersOf(c, List.of(row.groupUuid)).getOrDefault(row.groupUuid, List.of()) : List.of();
        return Optional.of(group(row, members));
    }

    /** A stored group: the host's view of the row, merged with the kept document. */
    private Group group(Row row, List<Member> members) {
        Group view = row.toGroup(members);
        return mode == UnmappedAttributes.KEEP ? DOCUMENTS.read(view, row.document(), Map.of()) : view;
    }

    /** The document to write for a group's attributes; dropping, none. */
    private String document(Group attributes) {
        return mode == UnmappedAttributes.KEEP ? DOCUMENTS.write(attributes, Map.of()) : null;
    }

    /**
     * The SCIM-managed members of these groups, by group uuid, ordered by SCIM id. They are sorted here: on
     * PostgreSQL the database's sort of 100,000 members spilled to disk with the default {@code work_mem}. The rows
     * are not fetched in batches: PostgreSQL runs a query fetched in batches without parallel workers, which made
     * reading 100,000 members 0.85 s instead of 0.5 s.
     */
    private static Map<String, List<Member>> membersOf(Connection c, Collection<String> groupUuids)
            throws SQLException {
        Map<String, List<Member>> members = new HashMap<>();
        if (groupUuids.isEmpty()) {
            return members;
        }
        String marks = groupUuids.stream().map(u -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("SELECT gu.group_uuid, su.scim_uuid, u.login"
                + " FROM groups_users gu JOIN scim_users su ON su.user_uuid = gu.user_uuid"
                + " JOIN users u ON u.uuid = gu.user_uuid WHERE gu.group_uuid IN (" + marks + ")")) {
            Rows.bind(s, List.copyOf(groupUuids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Member(rs.getString(2), null, rs.getString(3), "User"));
                }
            }
        }
        members.values().forEach(list -> list.sort(BY_ID));
        return members;
    }

    private static boolean wantsMembers(SearchRequest request) {
        return request.attributes().includes("members");
    }

    private static Optional<String> groupUuid(Connection c, String scimId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT group_uuid FROM scim_groups WHERE scim_uuid = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static RuntimeException missingOrConflict(Connection c, String id, String expectedVersion)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT g.version" + FROM + " WHERE sg.scim_uuid = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return ScimException.notFound("Group", id);
                }
                return new VersionConflictException("Group '" + id + "' is at version " + rs.getLong(1) + ", not "
                        + expectedVersion);
            }
        }
    }

    private static String nameOf(Group group) {
        String name = group.displayName();
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("displayName is required");
        }
        return Rows.fit(name, NAME_LENGTH, "displayName");
    }

    private static RuntimeException uniqueOr(Database.StoreException e, String name) {
        if (Rows.isUniqueViolation(e)) {
            return new UniquenessException("displayName '" + name + "' is already taken", e);
        }
        return e;
    }

    /** One row of {@link #COLUMNS}. */
    private record Row(String scimId, String groupUuid, String name, long version, long createdAt, long updatedAt,
                       String externalId, String document) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getString(7), rs.getString(8));
        }

        Group toGroup(List<Member> members) {
            return Group.builder()
                    .id(scimId)
                    .externalId(externalId)
                    .displayName(name)
                    .members(members)
                    .meta(new Meta("Group", Rows.time(createdAt), Rows.time(Math.max(createdAt, updatedAt)), null,
                            Long.toString(version)))
                    .build();
        }
    }
}
