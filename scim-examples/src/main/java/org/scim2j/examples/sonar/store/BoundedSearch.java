package org.scim2j.examples.sonar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One search's transaction, whose statements share the {@link SearchTimeout}'s budget: each statement is bounded by
 * what is left of it, and a statement the database cancelled on it is a SCIM error (400 {@code tooMany}) instead of
 * a store failure.
 */
final class BoundedSearch {

    /** The work of one search, given its transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(BoundedSearch search) throws SQLException;
    }

    private final Connection connection;
    private final SearchTimeout.Budget budget;

    private BoundedSearch(Connection connection, SearchTimeout.Budget budget) {
        this.connection = connection;
        this.budget = budget;
    }

    /** Runs {@code work} in one transaction, its budget started now. */
    static <T> T run(Database database, SearchTimeout timeout, Work<T> work) {
        SearchTimeout.Budget budget = timeout.start();
        try {
            return database.inTransaction(c -> work.run(new BoundedSearch(c, budget)));
        } catch (Database.StoreException e) {
            throw timeout.translate(e);
        }
    }

    /** The transaction's connection, for statements that are not bounded (reading a page's groups or members). */
    Connection connection() {
        return connection;
    }

    /** The number a {@code SELECT COUNT(*)} answers. */
    int count(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            budget.bound(s);
            Rows.bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every row a query answers, read by {@code reader}. */
    <T> List<T> rows(String sql, List<Object> parameters, Rows.Reader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            budget.bound(s);
            Rows.bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return rows;
    }
}
