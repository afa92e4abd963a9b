package org.scim2j.examples.sonar.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * The host's database: a HikariCP pool over H2 (embedded, a file by default) or PostgreSQL, migrated by Flyway
 * when opened, and the one place that runs a unit of work in a transaction.
 *
 * <p>Migrations are in {@code db/migration/common} plus {@code db/migration/h2} or {@code db/migration/postgresql}
 * (the only differences: how each enforces "unique ignoring case").
 */
public final class Database implements AutoCloseable {

    /** SQLState of a unique-constraint violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    /** The databases this host runs on. */
    public enum Vendor {
        /** H2 2.x, embedded. */
        H2("h2"),
        /** PostgreSQL. */
        POSTGRESQL("postgresql");

        private final String migrations;

        Vendor(String migrations) {
            this.migrations = migrations;
        }

        static Vendor of(String jdbcUrl) {
            String url = jdbcUrl.toLowerCase(Locale.ROOT);
            if (url.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) are "
                    + "supported, not " + jdbcUrl.replaceAll("[?;].*", ""));
        }
    }

    /** A unit of work on one connection, committed if it returns and rolled back if it throws. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs on a connection whose auto-commit is off. */
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Vendor vendor;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
    }

    /**
     * Opens a pool and applies the migrations.
     *
     * @param jdbcUrl  {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param user     the user, or {@code null}
     * @param password the password, or {@code null}
     * @param schema   the PostgreSQL schema to use (created if missing), or {@code null} for the default
     */
    public static Database open(String jdbcUrl, String user, String password, String schema) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Vendor vendor = Vendor.of(jdbcUrl);
        String url = vendor == Vendor.H2 ? h2Url(jdbcUrl) : jdbcUrl;
        if (schema != null && vendor == Vendor.POSTGRESQL) {
            // Every connection, pooled or Flyway's, starts in the schema.
            url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        if (schema != null) {
            // Migrate first, on Flyway's own connection, so that the pool only ever sees the migrated schema.
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrations)
                    .schemas(schema)
                    .createSchemas(true)
                    .load()
                    .migrate();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setAutoCommit(false);
        config.setMaximumPoolSize(10);
        config.setPoolName("scim-example");
        HikariDataSource dataSource = new HikariDataSource(config);
        if (schema == null) {
            try {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrations)
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                dataSource.close();
                throw e;
            }
        }
        return new Database(dataSource, vendor);
    }

    /**
     * H2 settings this host needs: {@code groups} is a table name (a keyword in H2 2.x); the database is closed by
     * {@link #close()} after the server has drained, not by H2's own shutdown hook; and a commit is written to the
     * file before it returns ({@code WRITE_DELAY=0}). H2's default write delay (500 ms) acknowledges a commit that
     * is still only in the process's memory, so a killed process (SIGKILL, OOM killer, a container stop past its
     * grace period) loses writes the client was already answered 201 for.
     */
    static String h2Url(String jdbcUrl) {
        String url = jdbcUrl;
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.contains(";NON_KEYWORDS=")) {
            url += ";NON_KEYWORDS=GROUPS,VALUE";
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!upper.contains(";WRITE_DELAY=") && !upper.startsWith("JDBC:H2:MEM:")) {
            url += ";WRITE_DELAY=0";
        }
        return url;
    }

    /** Which database this is. */
    public Vendor vendor() {
        return vendor;
    }

    /**
     * The placeholder of a JSON document parameter bound as text: {@code CAST(? AS JSONB)} on PostgreSQL, {@code ?}
     * on H2 (a character large object).
     */
    String documentParameter() {
        return vendor == Vendor.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    }

    /** The pooled data source (auto-commit off). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs a unit of work in one transaction. A {@link SQLException} becomes an unchecked
     * {@link StoreException}: a store failure, never a SCIM error whose detail would reach the client.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the pool; an embedded H2 database is closed with its last connection. */
    @Override
    public void close() {
        dataSource.close();
    }

    /** A failure of the database itself (connection lost, constraint the code did not expect, ...). */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(SQLException cause) {
            super("database failure (SQLState " + cause.getSQLState() + "): " + cause.getMessage(), cause);
        }
    }
}
