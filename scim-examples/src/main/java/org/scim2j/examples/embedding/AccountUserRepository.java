package org.scim2j.examples.embedding;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.filter.And;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.VersionConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /Users} over a host's own {@code accounts} table ({@code schema.sql}): plain JDBC, one row per user.
 * It keeps {@code userName}, {@code externalId}, {@code displayName}, {@code name.givenName},
 * {@code name.familyName}, the primary email's value and {@code active}; the service accepts every other attribute
 * and this store drops it (the kit test declares which in {@code unsupportedAttributes()}).
 *
 * <p>It searches by {@code userName eq "..."} itself, which is how Okta and Microsoft Entra ID look users up; the
 * service evaluates any other filter in memory over pages this repository returns.
 */
public final class AccountUserRepository implements UserRepository {

    private static final String COLUMNS = "id, login, external_id, display_name, given_name, family_name, email, "
            + "active, version, created_at, updated_at";

    private final DataSource dataSource;

    /** @param dataSource the host's database, holding the {@code accounts} table */
    public AccountUserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // tag::capabilities[]
    @Override
    public RepositoryCapabilities capabilities() {
        // Declare exactly what search evaluates: the service evaluates or rejects every other filter, sorts in
        // memory (sorting false) and pages by index (no cursors).
        return new RepositoryCapabilities(FilterSupport.equalityOn("userName"), false, false);
    }
    // end::capabilities[]

    // tag::create[]
    @Override
    public User create(User user, RequestContext context) {
        String id = UUID.randomUUID().toString();   // the repository assigns ids; they are never reused
        long now = System.currentTimeMillis();
        return Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (" + COLUMNS
                    + ", login_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
                insert.setString(1, id);
                int i = bindAttributes(insert, 2, user);
                insert.setLong(i++, now);
                insert.setLong(i++, now);
                insert.setString(i, key(user.userName()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {   // the unique index on login_key, also under concurrent creates
                    throw new UniquenessException("userName '" + user.userName() + "' is already taken", e);
                }
                throw e;
            }
            return read(connection, id).orElseThrow();
        });
    }
    // end::create[]

    @Override
    public Optional<User> get(String id, RequestContext context) {
        return Sql.inTransaction(dataSource, connection -> read(connection, id));
    }

    // tag::replace[]
    @Override
    public User replace(String id, User user, String expectedVersion, RequestContext context) {
        return Sql.inTransaction(dataSource, connection -> {
            // Compare-and-set: the row changes only if its version is the one the client read (If-Match).
            try (PreparedStatement update = connection.prepareStatement("UPDATE accounts SET login = ?, "
                    + "external_id = ?, display_name = ?, given_name = ?, family_name = ?, email = ?, active = ?, "
                    + "version = version + 1, updated_at = ?, login_key = ? WHERE id = ? AND (? IS NULL OR "
                    + "version = ?)")) {
                int i = bindAttributes(update, 1, user);
                update.setLong(i++, System.currentTimeMillis());
                update.setString(i++, key(user.userName()));
                update.setString(i++, id);
                update.setString(i++, expectedVersion);
                update.setLong(i, expectedVersion == null ? 0 : parseVersion(expectedVersion));
                if (update.executeUpdate() == 0) {
                    Optional<User> current = read(connection, id);
                    if (current.isEmpty()) {
                        throw ScimException.notFound("User", id);                       // 404
                    }
                    throw new VersionConflictException("User '" + id + "' was changed meanwhile");  // 412
                }
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new UniquenessException("userName '" + user.userName() + "' is already taken", e); // 409
                }
                throw e;
            }
            return read(connection, id).orElseThrow();
        });
    }
    // end::replace[]

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM accounts WHERE id = ? AND (? IS NULL OR version = ?)")) {
                delete.setString(1, id);
                delete.setString(2, expectedVersion);
                delete.setLong(3, expectedVersion == null ? 0 : parseVersion(expectedVersion));
                if (delete.executeUpdate() == 0) {
                    if (read(connection, id).isEmpty()) {
                        throw ScimException.notFound("User", id);
                    }
                    throw new VersionConflictException("User '" + id + "' was changed meanwhile");
                }
            }
            return null;
        });
    }

    // tag::search[]
    @Override
    public Page<User> search(SearchRequest request, RequestContext context) {
        // Only what capabilities() declares arrives here: no filter, userName eq "...", or an 'and' of those.
        List<String> logins = new ArrayList<>();
        collectUserNames(request.filter(), logins);
        String where = logins.isEmpty() ? "" : " WHERE " + String.join(" AND ",
                logins.stream().map(l -> "login_key = ?").toList());
        return Sql.inTransaction(dataSource, connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM accounts" + where)) {
                bindKeys(count, logins);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<User> users = new ArrayList<>();
            // startIndex is 1-based (RFC 7644 §3.4.2.4); a stable order (by id) keeps pages without gaps.
            if (request.count() > 0 && request.startIndex() <= total) {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM accounts"
                        + where + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                    int i = bindKeys(select, logins);
                    select.setInt(i++, request.startIndex() - 1);
                    select.setInt(i, request.count());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            users.add(toUser(rs));
                        }
                    }
                }
            }
            return Page.of(users, total);
        });
    }

    private static void collectUserNames(Filter filter, List<String> logins) {
        if (filter instanceof Comparison c) {
            // userName is a string: a number or boolean never equals it, and "login_key = NULL" matches no row.
            logins.add(c.value() instanceof FilterValue.StringValue s ? key(s.value()) : null);
        } else if (filter instanceof And and) {
            and.operands().forEach(operand -> collectUserNames(operand, logins));
        } else if (filter != null) {
            throw new IllegalArgumentException("not declared in capabilities(): " + filter);
        }
    }
    // end::search[]

    private static int bindKeys(PreparedStatement statement, List<String> keys) throws SQLException {
        int i = 1;
        for (String key : keys) {
            statement.setString(i++, key);
        }
        return i;
    }

    /** Binds the kept attributes (login ... active) from parameter {@code i} on; returns the next index. */
    private static int bindAttributes(PreparedStatement statement, int i, User user) throws SQLException {
        Name name = user.name();
        statement.setString(i++, user.userName());
        statement.setString(i++, user.externalId());
        statement.setString(i++, user.displayName());
        statement.setString(i++, name == null ? null : name.givenName());
        statement.setString(i++, name == null ? null : name.familyName());
        statement.setString(i++, primaryEmail(user));
        statement.setBoolean(i++, user.active() == null || user.active());   // absent means active
        return i;
    }

    private static Optional<User> read(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM accounts WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
            }
        }
    }

    // tag::toUser[]
    private static User toUser(ResultSet rs) throws SQLException {
        String givenName = rs.getString("given_name");
        String familyName = rs.getString("family_name");
        String email = rs.getString("email");
        return User.builder()
                .id(rs.getString("id"))
                .userName(rs.getString("login"))
                .externalId(rs.getString("external_id"))
                .displayName(rs.getString("display_name"))
                .name(givenName == null && familyName == null ? null
                        : new Name(null, familyName, givenName, null, null, null))
                .emails(email == null ? List.of() : List.of(new Email(email, null, null, true)))
                .active(rs.getBoolean("active"))
                // The repository fills created, lastModified and version; the service adds resourceType and
                // location, and shows the version as the ETag W/"<version>".
                .meta(new Meta("User", Sql.time(rs.getLong("created_at")), Sql.time(rs.getLong("updated_at")),
                        null, Long.toString(rs.getLong("version"))))
                .build();
    }
    // end::toUser[]

    private static String primaryEmail(User user) {
        return user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                .or(() -> user.emails().stream().findFirst()).map(Email::value).orElse(null);
    }

    /** userName compares ignoring case (RFC 7643 §4.1.1, {@code caseExact: false}). */
    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    /** A version the client sent back; anything else cannot be the current version. */
    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
