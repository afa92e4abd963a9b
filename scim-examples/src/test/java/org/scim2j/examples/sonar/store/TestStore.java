package org.scim2j.examples.sonar.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, migrated, empty database for one test: an in-memory H2 database, or a new schema in the PostgreSQL
 * database named by {@code SCIM_TEST_JDBC_URL} ({@code SCIM_TEST_JDBC_USER}, {@code SCIM_TEST_JDBC_PASSWORD}),
 * dropped again by {@link #close()}.
 */
final class TestStore implements AutoCloseable {

    static final String PG_URL = "SCIM_TEST_JDBC_URL";

    final Database database;
    private final String schema;

    private TestStore(Database database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    static TestStore h2() {
        String url = "jdbc:h2:mem:scim-test-" + UUID.randomUUID() + "";
        return new TestStore(Database.open(url, "sa", "", null), null);
    }

    static TestStore postgres() {
        String schema = "scim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        return new TestStore(Database.open(System.getenv(PG_URL), System.getenv("SCIM_TEST_JDBC_USER"),
                System.getenv("SCIM_TEST_JDBC_PASSWORD"), schema), schema);
    }

    @Override
    public void close() throws SQLException {
        if (schema == null) {
            // The in-memory database ends with the pool's last connection.
            database.close();
            return;
        }
        database.close();
        try (Connection c = DriverManager.getConnection(System.getenv(PG_URL), System.getenv("SCIM_TEST_JDBC_USER"),
                System.getenv("SCIM_TEST_JDBC_PASSWORD")); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
