package org.scim2j.examples.embedding;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** An empty in-memory H2 database with the sample's tables, new for every call (tests only). */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    public static DataSource create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // Kept while the JVM runs (DB_CLOSE_DELAY=-1), since every statement opens its own connection.
        dataSource.setURL("jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Sql.createTables(dataSource);
        return dataSource;
    }
}
