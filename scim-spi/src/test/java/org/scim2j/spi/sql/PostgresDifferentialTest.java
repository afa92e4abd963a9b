package org.scim2j.spi.sql;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;

/**
 * The differential test on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} (with {@code SCIM_TEST_JDBC_USER} and
 * {@code SCIM_TEST_JDBC_PASSWORD}) names one, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}. The tables go into
 * a schema of their own, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "SCIM_TEST_JDBC_URL", matches = "jdbc:postgresql:.+")
class PostgresDifferentialTest extends SqlDifferentialContract {

    private final String schema = "scim_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("SCIM_TEST_JDBC_URL"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_USER"), "postgres"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_PASSWORD"), ""));
    }

    @Override
    String schema() {
        return schema;
    }

    @Override
    void dropSchema(Connection c, String schema) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
