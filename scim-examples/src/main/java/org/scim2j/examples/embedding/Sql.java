package org.scim2j.examples.embedding;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What both repositories of the sample need from JDBC: transactions, constraint violations, timestamps. */
final class Sql {

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Sql() {
    }

    /**
     * Runs the work in a transaction: committed if it returns, rolled back if it throws. A {@link SQLException}
     * leaves as an unchecked {@link IllegalStateException}: a store failure, which the service answers with a
     * 500 and logs, never a {@code ScimException} (its detail would reach the client).
     */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Whether a unique constraint refused the write (SQLState 23505 on H2 and PostgreSQL alike). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Whether a foreign key refused the write: 23503 on PostgreSQL, 23506 or 23503 on H2. */
    static boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    static OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }

    /** Creates the sample's tables ({@code schema.sql}) in an empty database. */
    static void createTables(DataSource dataSource) {
        String script;
        try (InputStream in = Sql.class.getResourceAsStream("schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inTransaction(dataSource, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.replaceAll("--[^\n]*", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            return null;
        });
    }
}
