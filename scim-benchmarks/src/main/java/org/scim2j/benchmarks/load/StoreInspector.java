package org.scim2j.benchmarks.load;

import org.scim2j.core.schema.Schemas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the load harness does to and reads from the example's PostgreSQL database besides loading it: the
 * document-attribute indexes the benchmark creates (not the example's migrations), storage per user, a stored row,
 * and plans captured with {@code auto_explain}.
 */
final class StoreInspector {

    /** An index the benchmark creates and drops; {@code key} names it in {@code --indexes}. */
    record BenchIndex(String key, String name, String table, String expression) {

        String ddl() {
            return "CREATE INDEX " + name + " ON " + table + " (" + expression + ")";
        }
    }

    /**
     * The documented expression indexes for document attributes (their expressions are those
     * {@code SqlFilterTranslator.Builder#document} emits for a case-insensitive equality), and an index on the
     * {@code external_id} column, which the example's migrations do not have.
     */
    static final List<BenchIndex> INDEXES = List.of(
            new BenchIndex("title", "bench_scim_users_title_lower", "scim_users", "LOWER(attributes ->> 'title')"),
            new BenchIndex("employeeNumber", "bench_scim_users_employee_number_lower", "scim_users",
                    "LOWER((attributes -> '" + Schemas.ENTERPRISE_USER + "') ->> 'employeeNumber')"),
            new BenchIndex("externalId", "bench_users_external_id", "users", "external_id"));

    private final String url;
    private final String user;
    private final String password;

    StoreInspector(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database's JDBC URL. */
    String url() {
        return url;
    }

    /** The database user. */
    String user() {
        return user;
    }

    /** The database password. */
    String password() {
        return password;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Makes exactly the wanted benchmark indexes exist (creating the missing ones, dropping the others), then
     * {@code ANALYZE}s both tables, which collects the statistics of index expressions. Returns one line per index.
     */
    List<String> applyIndexes(Set<String> wanted) throws SQLException {
        for (String key : wanted) {
            if (INDEXES.stream().noneMatch(i -> i.key().equals(key))) {
                throw new IllegalArgumentException("unknown index " + key + "; known: "
                        + INDEXES.stream().map(BenchIndex::key).toList());
            }
        }
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (BenchIndex index : INDEXES) {
                boolean exists = relationSize(c, index.name()).isPresent();
                if (wanted.contains(index.key()) && !exists) {
                    long t0 = System.nanoTime();
                    s.execute(index.ddl());
                    lines.add(String.format(Locale.ROOT, "created `%s` in %.1f s, %s", index.ddl(),
                            (System.nanoTime() - t0) / 1e9, mb(relationSize(c, index.name()).orElse(0L))));
                } else if (!wanted.contains(index.key()) && exists) {
                    s.execute("DROP INDEX " + index.name());
                    lines.add("dropped `" + index.name() + "`");
                } else if (exists) {
                    lines.add("kept `" + index.ddl() + "`, " + mb(relationSize(c, index.name()).orElse(0L)));
                }
            }
            s.execute("ANALYZE users");
            s.execute("ANALYZE scim_users");
        }
        if (lines.isEmpty()) {
            lines.add("no benchmark index");
        }
        return lines;
    }

    private static Optional<Long> relationSize(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_relation_size(to_regclass(?))"
                + " WHERE to_regclass(?) IS NOT NULL")) {
            s.setString(1, name);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Storage of the user tables: {@code pg_total_relation_size} of {@code users} and {@code scim_users} (heap,
     * TOAST and every index) per linked user, the parts, each index, and the document's stored size
     * ({@code pg_column_size}, after any compression) against its text size.
     */
    String storage() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long users;
            long links;
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM users),"
                    + " (SELECT COUNT(*) FROM scim_users)")) {
                rs.next();
                users = rs.getLong(1);
                links = rs.getLong(2);
            }
            text.append(String.format(Locale.ROOT, "%n| table | total | heap | TOAST | indexes | per linked user |%n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: |%n"));
            long total = 0;
            for (String table : new String[] {"users", "scim_users"}) {
                try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "'),"
                        + " pg_relation_size('" + table + "'), COALESCE((SELECT pg_total_relation_size(reltoastrelid)"
                        + " FROM pg_class WHERE oid = '" + table + "'::regclass AND reltoastrelid <> 0), 0),"
                        + " pg_indexes_size('" + table + "')")) {
                    rs.next();
                    total += rs.getLong(1);
                    text.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %,d B |%n", table,
                            mb(rs.getLong(1)), mb(rs.getLong(2)), mb(rs.getLong(3)), mb(rs.getLong(4)),
                            rs.getLong(1) / Math.max(1, links)));
                }
            }
            text.append(String.format(Locale.ROOT, "| both | %s | | | | **%,d B** |%n", mb(total),
                    total / Math.max(1, links)));
            text.append(String.format(Locale.ROOT, "%n%,d `users` rows, %,d `scim_users` links.%n", users, links));
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid)"
                    + " FROM pg_index i WHERE i.indrelid IN ('users'::regclass, 'scim_users'::regclass)"
                    + " ORDER BY 1")) {
                List<String> parts = new ArrayList<>();
                while (rs.next()) {
                    parts.add("`" + rs.getString(1) + "` " + mb(rs.getLong(2)));
                }
                text.append("Indexes: ").append(String.join(", ", parts)).append(".\n");
            }
            try (ResultSet rs = s.executeQuery("SELECT AVG(pg_column_size(attributes)), "
                    + "AVG(octet_length(attributes::text)), MIN(pg_column_size(attributes)), "
                    + "MAX(pg_column_size(attributes)), COUNT(attributes) FROM scim_users")) {
                rs.next();
                text.append(String.format(Locale.ROOT, "Document `scim_users.attributes`: average stored size "
                        + "(`pg_column_size`) %.0f B (min %d, max %d), average JSON text %.0f B, %,d documents.%n",
                        rs.getDouble(1), rs.getLong(3), rs.getLong(4), rs.getDouble(2), rs.getLong(5)));
            }
        }
        return text.toString();
    }

    /** The stored columns of a user and whether its document equals {@code expectedDocument} as {@code jsonb}. */
    record StoredRow(String login, String name, String email, String externalId, boolean sameDocument,
                     String document) {
    }

    Optional<StoredRow> stored(String scimId, String expectedDocument) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT u.login, u.name, u.email,"
                + " u.external_id, s.attributes = CAST(? AS JSONB), s.attributes::text FROM scim_users s"
                + " JOIN users u ON u.uuid = s.user_uuid WHERE s.scim_uuid = ?")) {
            s.setString(1, expectedDocument);
            s.setString(2, scimId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)));
            }
        }
    }

    /** Removes a user the harness created (its link and its row), so the store holds the loaded users again. */
    void deleteUser(String scimId) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            String host;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM scim_users WHERE scim_uuid = ?"
                    + " RETURNING user_uuid")) {
                s.setString(1, scimId);
                try (ResultSet rs = s.executeQuery()) {
                    host = rs.next() ? rs.getString(1) : null;
                }
            }
            if (host != null) {
                for (String sql : new String[] {"DELETE FROM groups_users WHERE user_uuid = ?",
                        "DELETE FROM users WHERE uuid = ?"}) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, host);
                        s.executeUpdate();
                    }
                }
            }
            c.commit();
        }
    }

    /**
     * Waits until no session of this database runs a statement or holds a transaction open (other than this
     * check's), at most {@code max}: the server goes on with a statement after its client gave up waiting, and that
     * work must not be charged to the next scenario. Returns the seconds waited.
     */
    double awaitIdle(java.time.Duration max) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM"
                + " pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state IN ('active', 'idle in transaction')")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(250);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
