package org.scim2j.examples.sonar.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database a test's server nodes share: a fresh in-memory or file H2 database, or a fresh schema in the
 * PostgreSQL database named by {@code SCIM_TEST_JDBC_URL} (dropped by {@link #close()}). Servers get {@link #url()};
 * the test looks at the host tables through {@link #connect()}.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PG_URL = "SCIM_TEST_JDBC_URL";
    /** What {@code @EnabledIfEnvironmentVariable(named = PG_URL, matches = POSTGRES)} requires. */
    public static final String POSTGRES = "jdbc:postgresql:.*";

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** An in-memory H2 database; it lives while a server's pool holds a connection. */
    public static TestDatabase h2Memory() {
        return new TestDatabase("jdbc:h2:mem:reliability-" + UUID.randomUUID(), "sa", "", null);
    }

    /** An H2 file database under {@code dir}: it survives the server process. */
    static TestDatabase h2File(Path dir) {
        return new TestDatabase("jdbc:h2:file:" + dir.resolve("scim").toAbsolutePath(), "sa", "", null);
    }

    /** A new, empty schema in the PostgreSQL database of {@code SCIM_TEST_JDBC_URL}; servers migrate it. */
    public static TestDatabase postgres() throws SQLException {
        String base = System.getenv(PG_URL);
        String schema = "scim_rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        String user = System.getenv("SCIM_TEST_JDBC_USER");
        String password = System.getenv("SCIM_TEST_JDBC_PASSWORD");
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password == null ? "" : password, schema);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isPostgres() {
        return schema != null;
    }

    /** A connection to the host tables (auto-commit on). H2: only while no other process holds the file. */
    public Connection connect() throws SQLException {
        String jdbc = isPostgres() ? url : url + ";NON_KEYWORDS=GROUPS,VALUE";
        return DriverManager.getConnection(jdbc, user, password);
    }

    /** The one number a query such as {@code SELECT COUNT(*) ...} returns. */
    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(System.getenv(PG_URL), user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
