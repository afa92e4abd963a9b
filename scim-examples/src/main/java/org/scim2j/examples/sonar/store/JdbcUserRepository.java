package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.sql.ResourceDocument;
import org.scim2j.spi.sql.SqlCondition;
import org.scim2j.spi.sql.SqlFilterTranslator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.scim2j.examples.sonar.store.UserPages.NO_FILTER;
import static org.scim2j.examples.sonar.store.UserPages.ORDER;

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
 * Results come ordered by SCIM id; index pages in that order continue where the page before ended, and RFC 9865
 * cursors are keyset pages on the SCIM id (what a client sees: the module README; how and why:
 * {@code UserPages}).
 */
public final class JdbcUserRepository implements UserRepository {

    /** The values function of migration V6 ({@code JsonbIndexes#valuesFunction}). */
    static final String VALUES_FUNCTION = "scim_values";
    private static final HostLink LINK = HostLink.USERS;

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
    /** Every filter and sort in SQL that the database can run; the rest is the service's (in memory or 400). */
    private final SqlFilterTranslator filters;
    private final Adoption adoption;
    private final StoredUsers stored;
    private final UserPages pages;

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
        Objects.requireNonNull(searchTimeout, "searchTimeout");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.filters = filters(Objects.requireNonNull(mode, "mode"), database.vendor());
        this.adoption = Objects.requireNonNull(adoption, "adoption");
        this.stored = new StoredUsers(mode);
        this.pages = new UserPages(database, searchTimeout, stored);
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
        UserColumns values = UserColumns.of(resource, null);
        boolean active = resource.active() == null || resource.active();
        try {
            return write(c -> {
                long now = clock.millis();
                String userUuid = null;
                try (PreparedStatement s = c.prepareStatement("SELECT u.uuid, s.scim_uuid, u.user_local,"
                        + " u.external_identity_provider FROM users u LEFT JOIN scim_users s ON s.user_uuid = u.uuid"
                        + " WHERE LOWER(u.login) = LOWER(?)")) {
                    s.setString(1, values.login());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            if (rs.getString(2) != null || !adoption.allows(rs.getBoolean(3), rs.getString(4))) {
                                throw taken(values.login(), null);
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
                            userUuid, values.login(), values.name(), values.email(), active, values.externalId(),
                            values.login(), now, now);
                } else {
                    // Adopt the host user: a SAML-created account, or one unlinked by an earlier DELETE.
                    Rows.update(c, "UPDATE users SET login = ?, name = ?, email = ?, active = ?, external_id = ?,"
                                    + " external_login = ?, version = version + 1, updated_at = ? WHERE uuid = ?",
                            values.login(), values.name(), values.email(), active, values.externalId(),
                            values.login(), now, userUuid);
                }
                String scimId = Rows.newUuid();
                Rows.update(c, "INSERT INTO scim_users (scim_uuid, user_uuid, attributes) VALUES (?, ?, "
                        + database.documentParameter() + ")", scimId, userUuid, stored.document(resource, values));
                return read(c, scimId).orElseThrow();
            });
        } catch (Database.StoreException e) {
            if (Rows.isUniqueViolation(e)) {
                throw taken(values.login(), e);
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
            pages.wrote();
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
        UserColumns.of(resource, null); // a userName that is missing or too long is the client's error, before any SQL
        return write(c -> replaceIn(c, id, resource, expectedVersion, null));
    }

    /** Writes are serialised on the user's row lock ({@link #modify}), on every node sharing the database. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    /**
     * One transaction that reads the user and applies {@code change}, locking the user's {@code users} row only
     * when the change writes something ({@code AtomicModify}).
     */
    @Override
    public User modify(String id, UnaryOperator<User> change, RequestContext context) {
        if (Rows.hasNul(id)) {
            throw ScimException.notFound("User", id);
        }
        // written from the user read in this transaction, at the version now locked
        return write(c -> AtomicModify.apply(c, LINK, id, this::read, u -> u.meta().version(), change,
                (conn, next, current) -> replaceIn(conn, id, next, null, current)));
    }

    /**
     * {@link #replace} inside a transaction that is already open (and may hold the user's lock); {@code storedUser}
     * is the user as this transaction read it, or null to read it here.
     */
    private User replaceIn(Connection c, String id, User resource, String expectedVersion, User storedUser)
            throws SQLException {
        User previous = storedUser != null ? storedUser
                : stored.read(c, id, false).orElseThrow(() -> ScimException.notFound("User", id));
        UserColumns values = UserColumns.of(resource, previous);
        String document = stored.document(resource, values);
        if (UnchangedUser.in(c, id, expectedVersion, values.login(), values.name(), values.email(),
                resource.active(), values.externalId(), document)) {
            return read(c, id).orElseThrow(); // nothing to write: version and updated_at stay
        }
        String sql = "UPDATE users SET login = ?, name = ?, email = ?, active = COALESCE(?, active),"
                + " external_id = ?, external_login = ?, version = version + 1, updated_at = ?"
                + " WHERE uuid = " + LINK.ofScimId() + (expectedVersion == null ? "" : " AND version = ?");
        List<Object> parameters = new ArrayList<>(List.of(values.login()));
        parameters.add(values.name());
        parameters.add(values.email());
        parameters.add(Rows.booleanOrNull(resource.active()));
        parameters.add(values.externalId());
        parameters.add(values.login());
        parameters.add(clock.millis());
        parameters.add(id);
        if (expectedVersion != null) {
            parameters.add(HostLink.parseVersion(expectedVersion));
        }
        int updated;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Rows.bind(s, parameters);
            updated = s.executeUpdate();
        } catch (SQLException e) {
            if (Rows.isUniqueViolation(e)) {
                throw taken(values.login(), e);
            }
            throw e;
        }
        if (updated == 0) {
            throw LINK.missingOrConflict(c, id, expectedVersion);
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
                    + LINK.ofScimId() + (expectedVersion == null ? "" : " AND version = ?");
            int updated = expectedVersion == null ? Rows.update(c, sql, now, id)
                    : Rows.update(c, sql, now, id, HostLink.parseVersion(expectedVersion));
            if (updated == 0) {
                throw LINK.missingOrConflict(c, id, expectedVersion);
            }
            String userUuid = LINK.hostUuid(c, id).orElseThrow(() -> ScimException.notFound("User", id));
            // The id goes, so no group may list it: memberships end with the link (SonarQube's deactivation also
            // removes them). Lock order, as every group write's: the groups first, then the link. A group write
            // that adds this user locks the link too (GroupMembers#resolve), so it either commits first
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
                : filters.translate(request);
        Rows.requireNoNul(where.parameters());
        String order = request.sortBy() == null ? ORDER
                : " ORDER BY " + filters.orderBy(request).sql();
        boolean withGroups = wantsGroups(request);
        if (request.usesCursor()) {
            return pages.cursorPage(request, where, withGroups);
        }
        return pages.indexPage(request, where, order, withGroups);
    }

    /** The host user behind a SCIM id (for the group repository and tests), or empty. */
    Optional<String> hostUuid(String scimId) {
        if (Rows.hasNul(scimId)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> LINK.hostUuid(c, scimId));
    }

    private static boolean wantsGroups(SearchRequest request) {
        return request.attributes().includes("groups");
    }

    private Optional<User> read(Connection c, String scimId) throws SQLException {
        return stored.read(c, scimId, true);
    }

    private static UniquenessException taken(String login, Throwable cause) {
        String detail = "userName '" + login + "' is already taken";
        return cause == null ? new UniquenessException(detail) : new UniquenessException(detail, cause);
    }
}
