package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.sql.SqlCondition;
import org.scim2j.spi.sql.ResourceDocument;
import org.scim2j.spi.sql.SqlFilterTranslator;
import org.scim2j.spi.VersionConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /Users} over SonarQube-shaped tables: {@code users} holds the host's accounts, {@code scim_users} links a
 * SCIM id to one of them. Plain JDBC; every method is one transaction.
 *
 * <p>Mapping (see the module README):
 * <ul>
 *   <li>{@code userName} ↔ {@code login}, kept with the client's case and unique ignoring case;</li>
 *   <li>{@code name.formatted}, else {@code name.givenName + " " + name.familyName}, else {@code displayName}
 *       → {@code name} (SonarQube's display name);</li>
 *   <li>the primary (else the first) email's value → {@code email};</li>
 *   <li>{@code active} ↔ {@code active}; {@code externalId} ↔ {@code external_id};</li>
 *   <li>{@code groups} (read-only) from {@code groups_users} of groups that SCIM manages;</li>
 *   <li>with {@link UnmappedAttributes#KEEP} (the default) everything else of the user — the name's parts, every
 *       email, phone numbers, addresses, title, the Enterprise User extension, ... — in the JSON document
 *       {@code scim_users.attributes} ({@link ResourceDocument}), written in the same transaction as the row, so
 *       that the user reads back as written. {@code name} and {@code email} are derived columns: SonarQube's own
 *       changes to them (a SAML login updates both) show in {@code name.formatted} and the primary email. With
 *       {@link UnmappedAttributes#DROP} the rest is dropped, the name reads back as {@code name.formatted} and the
 *       email as one primary work email.</li>
 * </ul>
 *
 * <p>SonarQube semantics:
 * <ul>
 *   <li>{@code active=false} deactivates; the user stays readable with {@code active: false}.</li>
 *   <li>DELETE unlinks the SCIM id (its {@code scim_users} row goes, later reads are 404), deactivates the host
 *       user and removes it from its groups; the {@code users} row stays.</li>
 *   <li>Create with the {@code userName} of a host user that has no SCIM link and that {@link Adoption} allows
 *       (by default: created by a SAML login, or unlinked by an earlier DELETE; never a local account) adopts that
 *       user: it gets a new SCIM id, the given attributes and {@code active} (true unless the request says
 *       otherwise). A {@code userName} linked to another SCIM id, or held by a host user that may not be adopted,
 *       is a {@link UniquenessException} (409).</li>
 *   <li>A PUT or PATCH result without {@code active} keeps the stored value: an account is never switched off by
 *       an attribute that is merely missing.</li>
 * </ul>
 * Results come ordered by SCIM id ({@code scim_users.scim_uuid}, its primary key), so index paging is stable and
 * a page's position is an index position: which users are SCIM users and where a page starts live in one index.
 * (Ordered by {@code LOWER(login)}, a deep {@code OFFSET} has to join every skipped row to find out whether it is
 * linked: 1.3 s to 3.7 s at {@code startIndex} 500,000–900,000 of 1,000,000 users on PostgreSQL, against 30–60 ms
 * in id order; see BENCHMARKS.md.)
 *
 * <p>An index page without a filter reads its ids from that index alone ({@code OFFSET} on an index-only scan of
 * {@code scim_users}) and joins {@code users} for those ids only. A filtered page joins every row it skips, so a
 * deep filtered page costs more; identity providers filter for one user.
 *
 * <p>Index paging in the default order, as Okta imports ({@code startIndex=1&count=100}, then {@code 101}, …), is
 * not read with {@code OFFSET}, whose cost grows with {@code startIndex}, when it need not be: a served page
 * remembers its last SCIM id and total, and a request for the {@code startIndex} right after it reads
 * {@code scim_uuid > ?} in index order instead, and repeats the total, as long as this repository has finished
 * no write since (every create, replace and delete starts a new generation). Such a page is the page
 * {@code OFFSET} would read, provided this repository is the only writer of the SCIM users; a change made around
 * it (by the host, or another server on the same database) shows as if it had been made after that page. Any
 * other request, or one after a write, uses {@code OFFSET} and counts.
 *
 * <p>RFC 9865 cursor paging is keyset paging on the SCIM id: a cursor names the last id of its page, and the next
 * page is {@code scim_uuid > ?} in index order, so every page costs the same however deep it is. Users created or
 * deleted during a walk are seen or not by their id's place, never twice. {@code totalResults} is counted on the
 * first page and carried in the cursor: later pages report that count instead of counting the whole table again.
 * Cursor pages cannot be sorted otherwise.
 */
public final class JdbcUserRepository implements UserRepository {

    static final int LOGIN_LENGTH = 255;
    static final int NAME_LENGTH = 200;
    static final int EMAIL_LENGTH = 100;
    static final int EXTERNAL_ID_LENGTH = 255;

    private static final String COLUMNS = "s.scim_uuid, u.uuid, u.login, u.name, u.email, u.active, u.external_id, "
            + "u.version, u.created_at, u.updated_at, s.attributes";
    private static final String FROM = " FROM scim_users s JOIN users u ON u.uuid = s.user_uuid";
    private static final String ORDER = " ORDER BY s.scim_uuid";
    private static final String NO_FILTER = "1=1";
    private static final String USER_OF_SCIM_ID = "(SELECT user_uuid FROM scim_users WHERE scim_uuid = ?)";

    private static final int MAX_CONTINUATIONS = 256;
    /** The most matches a filtered page on PostgreSQL reads whole before cutting the page ({@link #pageSql}). */
    static final int FILTER_FIRST_MAX = 1_000;
    /** The values function of migration V6 ({@code JsonbIndexes#valuesFunction}). */
    static final String VALUES_FUNCTION = "scim_values";
    /** A reference to the {@code users} alias in translated SQL (values are bound, never in the text). */
    private static final Pattern USERS_ALIAS = Pattern.compile("\\bu\\.");

    /**
     * What the {@code users} columns do not hold, kept in {@code scim_users.attributes}: {@code name} and
     * {@code email} are derived from the name and the primary email, which the document keeps whole.
     */
    static final ResourceDocument<User> DOCUMENTS = ResourceDocument.builder(SchemaRegistry.standard(),
                    Schemas.USER_RESOURCE_TYPE, User.class)
            .column("userName").column("externalId").column("active")
            .computed("groups")
            .derivedColumn("name", "name.formatted")
            .derivedPrimaryValue("email", "emails")
            .build();

    private final Database database;
    private final Clock clock;
    private final UnmappedAttributes mode;
    /** Every filter and sort in SQL that the database can run; the rest is the service's (in memory or 400). */
    private final SqlFilterTranslator filters;
    private final Adoption adoption;
    private final SearchTimeout searchTimeout;
    /** Counts finished writes; a continuation is used only in the generation it was recorded in. */
    private final AtomicLong writes = new AtomicLong();
    private final Map<Continuation, Resume> continuations = new ConcurrentHashMap<>();
    /** @param database the migrated database */
    public JdbcUserRepository(Database database) {
        this(database, Clock.systemUTC(), UnmappedAttributes.KEEP);
    }

    /**
     * @param database the migrated database
     * @param clock    the clock for {@code created_at} / {@code updated_at}
     * @param mode     whether attributes without a column are kept in the document or dropped
     */
    public JdbcUserRepository(Database database, Clock clock, UnmappedAttributes mode) {
        this(database, clock, mode, Adoption.SAML);
    }

    /**
     * @param database the migrated database
     * @param clock    the clock for {@code created_at} / {@code updated_at}
     * @param mode     whether attributes without a column are kept in the document or dropped
     * @param adoption which host users a create may adopt
     */
    public JdbcUserRepository(Database database, Clock clock, UnmappedAttributes mode, Adoption adoption) {
        this(database, clock, mode, adoption, SearchTimeout.DEFAULT);
    }

    /**
     * @param database      the migrated database
     * @param clock         the clock for {@code created_at} / {@code updated_at}
     * @param mode          whether attributes without a column are kept in the document or dropped
     * @param adoption      which host users a create may adopt
     * @param searchTimeout how long each statement of a search may run before it is cancelled (400 {@code tooMany})
     */
    public JdbcUserRepository(Database database, Clock clock, UnmappedAttributes mode, Adoption adoption,
                              SearchTimeout searchTimeout) {
        this.searchTimeout = Objects.requireNonNull(searchTimeout, "searchTimeout");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.filters = filters(mode, database.vendor());
        this.adoption = Objects.requireNonNull(adoption, "adoption");
    }

    /**
     * The SQL mapping: the columns, the groups a user is in, {@code meta} times; with a kept document on
     * PostgreSQL every other attribute too ({@code jsonb}). On H2, which has no JSON path operators, filters on
     * document attributes are evaluated by the service in memory. Dropping, the one name and email columns are
     * exactly what is shown.
     */
    static SqlFilterTranslator filters(UnmappedAttributes mode, Database.Vendor vendor) {
        SchemaRegistry registry = HostSchemas.of(mode);
        SqlFilterTranslator.Builder sql = SqlFilterTranslator.builder(registry,
                        registry.resourceType("User").orElseThrow())
                .column("id", "s.scim_uuid")
                .column("userName", "u.login")
                .column("externalId", "u.external_id")
                .column("active", "u.active")
                .epochMillisColumn("meta.created", "u.created_at")
                .epochMillisColumn("meta.lastModified", "GREATEST(u.created_at, u.updated_at)")
                .multiValued("groups", "SELECT 1 FROM groups_users gu JOIN scim_groups sg ON sg.group_uuid ="
                        + " gu.group_uuid JOIN groups g ON g.uuid = gu.group_uuid WHERE gu.user_uuid = u.uuid",
                        Map.of("value", "sg.scim_uuid", "display", "g.name", "type", "'direct'"));
        boolean h2 = vendor == Database.Vendor.H2;
        if (h2) {
            // H2 has no expression indexes: its migrations keep LOWER(...) in generated columns, indexed (V2, V6)
            sql.loweredColumn("userName", "u.login_lower");
        }
        if (mode == UnmappedAttributes.DROP) {
            sql.column("emails.value", "u.email").column("name.formatted", "u.name");
            if (h2) {
                sql.loweredColumn("emails.value", "u.email_lower").loweredColumn("name.formatted", "u.name_lower");
            }
        } else if (vendor == Database.Vendor.POSTGRESQL) {
            // the GIN index of migration V6 serves every emails.value eq (Entra ID's work-email match)
            sql.document("s.attributes", DOCUMENTS).valuesIndex("emails.value", VALUES_FUNCTION);
        }
        return sql.build();
    }

    /**
     * What runs in SQL (see {@link #filters}); RFC 9865 cursors are keyset pages on the SCIM id.
     */
    @Override
    public RepositoryCapabilities capabilities() {
        return new RepositoryCapabilities(filters.filterSupport(), filters.sortSupport(), true);
    }

    @Override
    public User create(User resource, RequestContext context) {
        Columns values = Columns.of(resource, null);
        boolean active = resource.active() == null || resource.active();
        try {
            return write(c -> {
                long now = clock.millis();
                String userUuid = null;
                try (PreparedStatement s = c.prepareStatement("SELECT u.uuid, s.scim_uuid, u.user_local,"
                        + " u.external_identity_provider FROM users u LEFT JOIN scim_users s ON s.user_uuid = u.uuid"
                        + " WHERE LOWER(u.login) = LOWER(?)")) {
                    s.setString(1, values.login);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            if (rs.getString(2) != null || !adoption.allows(rs.getBoolean(3), rs.getString(4))) {
                                throw taken(values.login, null);
                            }
                            userUuid = rs.getString(1);
                        }
                    }
                }
                if (userUuid == null) {
                    userUuid = Rows.newUuid();
                    Rows.update(c, "INSERT INTO users (uuid, login, name, email, active, external_id, external_login,"
                                    + " external_identity_provider, version, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'saml', 1, ?, ?)",
                            userUuid, values.login, values.name, values.email, active, values.externalId,
                            values.login, now, now);
                } else {
                    // Adopt the host user: a SAML-created account, or one unlinked by an earlier DELETE.
                    Rows.update(c, "UPDATE users SET login = ?, name = ?, email = ?, active = ?, external_id = ?,"
                                    + " external_login = ?, version = version + 1, updated_at = ? WHERE uuid = ?",
                            values.login, values.name, values.email, active, values.externalId, values.login, now,
                            userUuid);
                }
                String scimId = Rows.newUuid();
                Rows.update(c, "INSERT INTO scim_users (scim_uuid, user_uuid, attributes) VALUES (?, ?, "
                        + database.documentParameter() + ")", scimId, userUuid, document(resource, values));
                return read(c, scimId).orElseThrow();
            });
        } catch (Database.StoreException e) {
            if (Rows.isUniqueViolation(e)) {
                throw taken(values.login, e);
            }
            throw e;
        }
    }

    /**
     * A write: one transaction, after which (committed or not) index pages are no longer continued from where
     * earlier pages ended, as positions may have changed.
     */
    private <T> T write(Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } finally {
            writes.incrementAndGet();
        }
    }

    @Override
    public Optional<User> get(String id, RequestContext context) {
        if (Rows.hasNul(id)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> read(c, id));
    }

    @Override
    public User replace(String id, User resource, String expectedVersion, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("User", id);
        }
        Columns.of(resource, null); // a userName that is missing or too long is the client's error, before any SQL
        return write(c -> replaceIn(c, id, resource, expectedVersion, null));
    }

    /** Writes are serialised on the user's row lock ({@link #modify}), on every node sharing the database. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    /**
     * One transaction that reads the user and applies {@code change}; only when the change writes something does it
     * lock the user's {@code users} row ({@code SELECT ... FOR UPDATE}), then, if another writer committed in
     * between, reads and applies the change again under the lock before writing: concurrent writers of one user, on
     * any node, run one after the other instead of failing on a version conflict. A change that writes nothing
     * (Okta's AIW push of an unchanged user) stays a read-only transaction: a row lock is itself a write on
     * PostgreSQL, and its commit would wait for the log to be flushed.
     */
    @Override
    public User modify(String id, UnaryOperator<User> change, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("User", id);
        }
        return write(c -> {
            User current = read(c, id).orElseThrow(() -> ScimException.notFound("User", id));
            User next = change.apply(current);
            if (next == current) {
                return current;
            }
            if (!lock(c, id).equals(current.meta().version())) {
                current = read(c, id).orElseThrow(() -> ScimException.notFound("User", id));
                next = change.apply(current);
                if (next == current) {
                    return current;
                }
            }
            return replaceIn(c, id, next, null, current); // read in this transaction, at the version now locked
        });
    }

    /** Locks the user's row until the transaction ends; its version, as {@code meta.version} shows it. */
    private static String lock(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM users WHERE uuid = "
                + USER_OF_SCIM_ID + " FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ScimException.notFound("User", id);
                }
                return Long.toString(rs.getLong(1));
            }
        }
    }

    /**
     * {@link #replace} inside a transaction that is already open (and may hold the user's lock); {@code stored} is the
     * user as this transaction read it, or null to read it here.
     */
    private User replaceIn(Connection c, String id, User resource, String expectedVersion, User stored)
            throws SQLException {
        User previous = stored != null ? stored
                : read(c, id, false).orElseThrow(() -> ScimException.notFound("User", id));
        Columns values = Columns.of(resource, previous);
        String document = document(resource, values);
        if (UnchangedUser.in(c, id, expectedVersion, values.login(), values.name(), values.email(),
                resource.active(), values.externalId(), document)) {
            return read(c, id).orElseThrow(); // nothing to write: version and updated_at stay
        }
        String sql = "UPDATE users SET login = ?, name = ?, email = ?, active = COALESCE(?, active),"
                + " external_id = ?, external_login = ?, version = version + 1, updated_at = ?"
                + " WHERE uuid = " + USER_OF_SCIM_ID + (expectedVersion == null ? "" : " AND version = ?");
        List<Object> parameters = new ArrayList<>(List.of(values.login));
        parameters.add(values.name);
        parameters.add(values.email);
        parameters.add(Rows.booleanOrNull(resource.active()));
        parameters.add(values.externalId);
        parameters.add(values.login);
        parameters.add(clock.millis());
        parameters.add(id);
        if (expectedVersion != null) {
            parameters.add(parseVersion(expectedVersion));
        }
        int updated;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Rows.bind(s, parameters);
            updated = s.executeUpdate();
        } catch (SQLException e) {
            if (Rows.isUniqueViolation(e)) {
                throw taken(values.login, e);
            }
            throw e;
        }
        if (updated == 0) {
            throw missingOrConflict(c, id, expectedVersion);
        }
        Rows.update(c, "UPDATE scim_users SET attributes = " + database.documentParameter()
                + " WHERE scim_uuid = ?", document, id);
        return read(c, id).orElseThrow();
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("User", id);
        }
        write(c -> {
            long now = clock.millis();
            String sql = "UPDATE users SET active = FALSE, version = version + 1, updated_at = ? WHERE uuid = "
                    + USER_OF_SCIM_ID + (expectedVersion == null ? "" : " AND version = ?");
            int updated = expectedVersion == null ? Rows.update(c, sql, now, id)
                    : Rows.update(c, sql, now, id, parseVersion(expectedVersion));
            if (updated == 0) {
                throw missingOrConflict(c, id, expectedVersion);
            }
            String userUuid = userUuid(c, id).orElseThrow(() -> ScimException.notFound("User", id));
            // The id goes, so no group may list it: memberships end with the link (SonarQube's deactivation also
            // removes them). Lock order, as every group write's: the groups first, then the link. A group write
            // that adds this user locks the link too (JdbcGroupRepository#resolve), so it either commits first
            // (and its row is deleted below) or finds the link gone (400); it cannot leave a membership behind.
            Rows.update(c, "UPDATE groups SET version = version + 1, updated_at = ? WHERE uuid IN"
                    + " (SELECT group_uuid FROM groups_users WHERE user_uuid = ?)", now, userUuid);
            if (Rows.update(c, "DELETE FROM scim_users WHERE scim_uuid = ?", id) == 0) {
                // A concurrent DELETE of the same id won.
                throw ScimException.notFound("User", id);
            }
            Rows.update(c, "DELETE FROM groups_users WHERE user_uuid = ?", userUuid);
            return null;
        });
    }

    @Override
    public Page<User> search(SearchRequest request, RequestContext context) {
        SqlCondition where = request.filter() == null ? new SqlCondition(NO_FILTER, List.of())
                : filters.translate(request.filter());
        Rows.requireNoNul(where.parameters());
        String order = request.sortBy() == null ? ORDER
                : " ORDER BY " + filters.orderBy(request.sortBy(), request.sortOrder()).sql();
        boolean withGroups = wantsGroups(request);
        if (request.usesCursor()) {
            return cursorPage(request, where, withGroups);
        }
        // Index pages in the default order continue from where the page before ended, if nothing was written since.
        long generation = writes.get();
        Continuation continuation = request.sortBy() == null
                ? new Continuation(where.sql(), where.parameters(), request.startIndex(), generation) : null;
        Resume resume = continuation == null ? null : continuations.get(continuation);
        SearchTimeout.Budget budget = searchTimeout.start();
        return searching(c -> {
            int total = resume != null ? resume.total() : count(c, where, budget);
            if (request.count() == 0 || request.startIndex() > total) {
                return Page.of(List.of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            String sql;
            if (resume != null) {
                parameters.add(resume.lastId());
                parameters.add(request.count());
                sql = "SELECT " + COLUMNS + FROM + " WHERE (" + where.sql() + ")"
                        + " AND s.scim_uuid > ?" + ORDER + " FETCH FIRST ? ROWS ONLY";
            } else if (request.sortBy() == null && isNoFilter(where)) {
                // The page's ids from the index of scim_users alone, then their rows (a "deferred join").
                parameters.add(request.startIndex() - 1);
                parameters.add(request.count());
                sql = "SELECT " + COLUMNS + " FROM (SELECT scim_uuid FROM scim_users ORDER BY scim_uuid"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) k JOIN scim_users s ON s.scim_uuid = k.scim_uuid"
                        + " JOIN users u ON u.uuid = s.user_uuid" + ORDER;
            } else {
                parameters.add(request.startIndex() - 1);
                parameters.add(request.count());
                sql = pageSql(where, request.sortBy() == null ? null : order,
                        database.vendor() == Database.Vendor.POSTGRESQL && total <= FILTER_FIRST_MAX);
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                budget.bound(s);
                Rows.bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Row.of(rs));
                    }
                }
            }
            if (continuation != null && !rows.isEmpty()) {
                remember(new Continuation(where.sql(), where.parameters(), request.startIndex() + rows.size(),
                        generation), new Resume(rows.get(rows.size() - 1).scimId(), total));
            }
            Map<String, List<GroupMembership>> groups = withGroups
                    ? groupsOf(c, rows.stream().map(Row::userUuid).toList()) : Map.of();
            List<User> users = rows.stream().map(r -> user(r, groups.getOrDefault(r.userUuid, List.of())))
                    .toList();
            return Page.of(users, Math.max(total, users.size()));
        });
    }

    /** A search's transaction; a statement the database cancelled on {@link #searchTimeout} is a SCIM error. */
    private <T> T searching(Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (Database.StoreException e) {
            throw searchTimeout.translate(e);
        }
    }

    /**
     * Where the next index page of a query starts: a query (filter SQL and parameters), the {@code startIndex}
     * after a page that was served, and the write generation it was served in.
     */
    private record Continuation(String where, List<Object> parameters, int startIndex, long generation) {
    }

    /** The SCIM id that ended the page before, and the total it was served with. */
    private record Resume(String lastId, int total) {
    }

    private void remember(Continuation next, Resume resume) {
        if (continuations.size() >= MAX_CONTINUATIONS) {
            continuations.clear();
        }
        continuations.put(next, resume);
    }

    /** RFC 9865: the users after the cursor's SCIM id, in id order (see the class comment). */
    private Page<User> cursorPage(SearchRequest request, SqlCondition where, boolean withGroups) {
        if (request.sortBy() != null) {
            throw ScimException.invalidValue("sortBy cannot be combined with cursor paging on /Users: cursor pages "
                    + "come ordered by id");
        }
        Cursor after = Cursor.decode(request.cursor());
        SearchTimeout.Budget budget = searchTimeout.start();
        return searching(c -> {
            int total = after == null ? count(c, where, budget) : after.total();
            if (request.count() == 0) {
                return Page.of(List.<User>of(), total);
            }
            List<Object> parameters = new ArrayList<>(where.parameters());
            if (after != null) {
                parameters.add(after.lastId());
            }
            parameters.add(request.count() + 1);
            List<Row> rows = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE (" + where.sql() + ")" + (after == null ? "" : " AND s.scim_uuid > ?")
                    + ORDER + " FETCH FIRST ? ROWS ONLY")) {
                budget.bound(s);
                Rows.bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    // One row more than the page says there is a next page.
                    while (rs.next()) {
                        if (rows.size() == request.count()) {
                            more = true;
                            break;
                        }
                        rows.add(Row.of(rs));
                    }
                }
            }
            String lastId = more ? rows.get(rows.size() - 1).scimId() : null;
            Map<String, List<GroupMembership>> groups = withGroups
                    ? groupsOf(c, rows.stream().map(Row::userUuid).toList()) : Map.of();
            List<User> users = rows.stream().map(r -> user(r, groups.getOrDefault(r.userUuid, List.of())))
                    .toList();
            int seen = Math.max(total, users.size());
            return new Page<>(users, seen, lastId == null ? null : new Cursor(seen, lastId).encode(), null);
        });
    }

    /**
     * An RFC 9865 cursor: the SCIM id of the last user of the page before, and the total counted on the first
     * page; opaque to clients (base64url). ("k1" cursors, keyed on the login, are no longer issued or accepted.)
     */
    private record Cursor(int total, String lastId) {

        private static final String VERSION = "k2";

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + ":" + total + ":" + lastId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** {@code null} for the first page ({@code ""}). */
        static Cursor decode(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                        .split(":", 3);
                // an id with a NUL names no user; PostgreSQL would fail the query on it (see Rows#hasNul)
                if (parts.length == 3 && parts[0].equals(VERSION) && !Rows.hasNul(parts[2])) {
                    int total = Integer.parseInt(parts[1]);
                    if (total >= 0) {
                        return new Cursor(total, parts[2]);
                    }
                }
            } catch (IllegalArgumentException e) {
                // not base64url, or not a number: the same answer as any other foreign cursor
            }
            throw ScimException.badRequest(ScimType.INVALID_CURSOR, "the cursor was not issued by this server");
        }
    }

    /**
     * A filtered or sorted index page: {@code where}'s parameters, then the offset and the count. In the default
     * order ({@code order} {@code null}) by SCIM id.
     *
     * <p>{@code filterFirst} (PostgreSQL, default order, when the count found at most {@link #FILTER_FIRST_MAX}
     * matches): the ids of the matches are selected first, in a materialised CTE, the page is cut from them, and
     * only the page's users are joined. Otherwise PostgreSQL may serve {@code ORDER BY s.scim_uuid ... FETCH NEXT 1}
     * by walking the primary key in order and testing every user's document until enough match, because it expects
     * matches to be near: for a name pair that 410 of 1,000,000 users share, about 2,500 documents read from TOAST
     * per lookup (40-70 ms at p50), where the index finds the 410 in a few ms. With few matches the walk cannot be
     * cheaper than reading them; with many, it is. The page is cut before the join with {@code users} because the
     * planner's estimate of the matches can be far off (5,740 for one e-mail value: it then merge-joined the whole
     * primary key, 2 s).
     */
    static String pageSql(SqlCondition where, String order, boolean filterFirst) {
        String orderBy = order == null ? ORDER : order;
        if (!filterFirst || order != null) {
            return "SELECT " + COLUMNS + FROM + " WHERE " + where.sql() + orderBy
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        }
        String matches = USERS_ALIAS.matcher(where.sql()).find() ? FROM : " FROM scim_users s";
        return "WITH m AS MATERIALIZED (SELECT s.scim_uuid" + matches + " WHERE " + where.sql() + ") SELECT "
                + COLUMNS + " FROM (SELECT scim_uuid FROM m ORDER BY scim_uuid OFFSET ? ROWS FETCH NEXT ? ROWS ONLY) k"
                + " JOIN scim_users s ON s.scim_uuid = k.scim_uuid JOIN users u ON u.uuid = s.user_uuid" + ORDER;
    }

    /**
     * How many SCIM users match. Every {@code scim_users} row has its {@code users} row (a foreign key), so a
     * filter that names no {@code users} column needs no join: without a filter the count is an index-only scan
     * of {@code scim_users} (on PostgreSQL with 1,000,000 users about a sixth of the join's time), and a filter on
     * the document alone is counted on {@code scim_users} (50,000 matches of {@code title eq}: 369 ms instead of
     * 1,751 ms with one {@code pk_users} probe per match; BENCHMARKS.md, issue 12).
     */
    static String countSql(SqlCondition where) {
        if (isNoFilter(where)) {
            return "SELECT COUNT(*) FROM scim_users";
        }
        return USERS_ALIAS.matcher(where.sql()).find() ? "SELECT COUNT(*)" + FROM + " WHERE " + where.sql()
                : "SELECT COUNT(*) FROM scim_users s WHERE " + where.sql();
    }

    private static int count(Connection c, SqlCondition where, SearchTimeout.Budget budget) throws SQLException {
        String sql = countSql(where);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            budget.bound(s);
            Rows.bind(s, where.parameters());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean isNoFilter(SqlCondition where) {
        return where.parameters().isEmpty() && where.sql().equals(NO_FILTER);
    }

    /** The host user behind a SCIM id (for the group repository and tests), or empty. */
    Optional<String> hostUuid(String scimId) {
        if (Rows.hasNul(scimId)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> userUuid(c, scimId));
    }

    private static boolean wantsGroups(SearchRequest request) {
        return request.attributes().includes("groups");
    }

    private static Optional<String> userUuid(Connection c, String scimId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT user_uuid FROM scim_users WHERE scim_uuid = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<User> read(Connection c, String scimId) throws SQLException {
        return read(c, scimId, true);
    }

    /** A stored user, with its groups or without (then {@code groups} is empty). */
    private Optional<User> read(Connection c, String scimId, boolean withGroups) throws SQLException {
        Row row;
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE s.scim_uuid = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = Row.of(rs);
            }
        }
        return Optional.of(user(row, withGroups
                ? groupsOf(c, List.of(row.userUuid)).getOrDefault(row.userUuid, List.of()) : List.of()));
    }

    /** A stored user: the host's view of the row, merged with the kept document. */
    private User user(Row row, List<GroupMembership> groups) {
        User view = row.toUser(groups);
        return mode == UnmappedAttributes.KEEP ? DOCUMENTS.read(view, row.document(), derived(row.name, row.email))
                : view;
    }

    /** The document to write with these column values; dropping, none (an earlier one goes too). */
    private String document(User resource, Columns values) {
        return mode == UnmappedAttributes.KEEP ? DOCUMENTS.write(resource, derived(values.name, values.email)) : null;
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
        Map<String, List<GroupMembership>> groups = new HashMap<>();
        if (userUuids.isEmpty()) {
            return groups;
        }
        String marks = userUuids.stream().map(u -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("SELECT gu.user_uuid, sg.scim_uuid, g.name"
                + " FROM groups_users gu JOIN scim_groups sg ON sg.group_uuid = gu.group_uuid"
                + " JOIN groups g ON g.uuid = gu.group_uuid WHERE gu.user_uuid IN (" + marks + ")"
                + " ORDER BY sg.scim_uuid")) {
            Rows.bind(s, List.copyOf(userUuids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new GroupMembership(rs.getString(2), null, rs.getString(3), "direct"));
                }
            }
        }
        return groups;
    }

    private static RuntimeException missingOrConflict(Connection c, String id, String expectedVersion)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT u.version" + FROM + " WHERE s.scim_uuid = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return ScimException.notFound("User", id);
                }
                return new VersionConflictException("User '" + id + "' is at version " + rs.getLong(1) + ", not "
                        + expectedVersion);
            }
        }
    }

    /** A version this repository never wrote matches nothing. */
    static long parseVersion(String version) {
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UniquenessException taken(String login, Throwable cause) {
        String detail = "userName '" + login + "' is already taken";
        return cause == null ? new UniquenessException(detail) : new UniquenessException(detail, cause);
    }

    /** The column values of a SCIM user. */
    private record Columns(String login, String name, String email, String externalId) {

        /**
         * @param previous the stored user when replacing (PUT, or the result of a PATCH), else {@code null}
         */
        static Columns of(User user, User previous) {
            String login = user.userName();
            if (login == null || login.isBlank()) {
                throw ScimException.invalidValue("userName is required");
            }
            return new Columns(Rows.fit(login, LOGIN_LENGTH, "userName"),
                    Rows.fit(nameOf(user, previous == null ? null : previous.name()), NAME_LENGTH, "name"),
                    Rows.fit(emailOf(user), EMAIL_LENGTH, "emails.value"),
                    Rows.fit(user.externalId(), EXTERNAL_ID_LENGTH, "externalId"));
        }

        /**
         * The one name column (SonarQube's display name): {@code name.formatted}, else given and family name, else
         * {@code displayName}. A PATCH of {@code name.givenName} / {@code name.familyName} (Entra ID, P9 and P15)
         * leaves {@code formatted} as it was: when the parts changed and {@code formatted} did not, the parts win,
         * and a part not given is taken from the previous name (split at its first space when the previous name
         * was only a formatted one, as when dropping unmapped attributes).
         *
         * @param before the stored name when replacing, else {@code null}
         */
        private static String nameOf(User user, Name before) {
            Name name = user.name();
            String formatted = name == null ? null : name.formatted();
            String given = name == null ? null : name.givenName();
            String family = name == null ? null : name.familyName();
            boolean parts = notBlank(given) || notBlank(family);
            boolean partsChanged = before != null && parts && (!Objects.equals(given, before.givenName())
                    || !Objects.equals(family, before.familyName()));
            if (notBlank(formatted) && !(partsChanged && formatted.equals(before.formatted()))) {
                return formatted;
            }
            if (parts) {
                String g = given;
                String f = family;
                if (before != null && before.givenName() == null && before.familyName() == null
                        && before.formatted() != null) {
                    String[] stored = before.formatted().split(" ", 2);
                    g = notBlank(g) ? g : stored[0];
                    f = notBlank(f) ? f : stored.length > 1 ? stored[1] : null;
                }
                return java.util.stream.Stream.of(g, f).filter(Columns::notBlank).collect(Collectors.joining(" "));
            }
            return notBlank(user.displayName()) ? user.displayName() : null;
        }

        private static String emailOf(User user) {
            List<Email> emails = user.emails().stream().filter(e -> notBlank(e.value())).toList();
            return emails.stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                    .or(() -> emails.stream().findFirst()).map(Email::value).orElse(null);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    /** One row of {@link #COLUMNS}. */
    private record Row(String scimId, String userUuid, String login, String name, String email, boolean active,
                       String externalId, long version, long createdAt, long updatedAt, String document) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBoolean(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                    rs.getString(11));
        }

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
                    .meta(new Meta("User", Rows.time(createdAt), Rows.time(Math.max(createdAt, updatedAt)), null,
                            Long.toString(version)))
                    .build();
        }
    }
}
