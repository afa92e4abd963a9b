package org.scim2j.spi.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

// Every test and assertion is inherited from SqlDifferentialContract; this class only supplies the setup.
/** The differential test on an in-memory H2 database. */
class H2DifferentialTest extends SqlDifferentialContract {

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:scim_sql_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    String schema() {
        return "scim_sql";
    }

    @Override
    void dropSchema(Connection c, String schema) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
