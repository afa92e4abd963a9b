package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small JDBC helpers shared by the repositories. */
final class Rows {

    private Rows() {
    }

    /** Binds parameters in order; {@code null} is bound as a VARCHAR null unless it is a {@link TypedNull}. */
    static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            if (p == null) {
                statement.setNull(i, Types.VARCHAR);
            } else if (p instanceof TypedNull t) {
                statement.setNull(i, t.sqlType());
            } else {
                statement.setObject(i, p);
            }
            i++;
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the row count. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, java.util.Arrays.asList(parameters));
            return statement.executeUpdate();
        }
    }

    /** Reads one value from the current row of a result set. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The first row of a query with one string parameter (a SCIM id, say), read by {@code reader}; or empty. */
    static <T> Optional<T> first(Connection connection, String sql, String parameter, Reader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Rows of a query over a set of keys, as lists by key, in the query's order: the first column is the key, the
     * rest is read by {@code reader}.
     *
     * @param sql the query, given the parameter marks of the keys ({@code "?, ?, ?"}) for its {@code IN (...)}
     */
    static <T> Map<String, List<T>> byKey(Connection connection, Collection<String> keys,
                                          Function<String, String> sql, Reader<T> reader) throws SQLException {
        Map<String, List<T>> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        String marks = keys.stream().map(k -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement(sql.apply(marks))) {
            bind(statement, List.copyOf(keys));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(reader.read(rs));
                }
            }
        }
        return rows;
    }

    /** A null of a given SQL type, for parameters whose type the database cannot infer. */
    record TypedNull(int sqlType) {
    }

    static Object booleanOrNull(Boolean value) {
        return value == null ? new TypedNull(Types.BOOLEAN) : value;
    }

    /** A new random id, as SonarQube's uuids and SCIM ids (RFC 7643 §3.1: unique, stable, never reassigned). */
    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    static OffsetDateTime time(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /** A stored resource's {@code meta}: the later of the two times is {@code lastModified}; the row's version. */
    static Meta meta(String resourceType, long createdAt, long updatedAt, long version) {
        return new Meta(resourceType, time(createdAt), time(Math.max(createdAt, updatedAt)), null,
                Long.toString(version));
    }

    /** Whether a failure is a unique-constraint violation (SQLState 23505 on H2 and PostgreSQL). */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if (Database.UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A value that must fit its column: too long is the client's error (400 {@code invalidValue}), not a store
     * failure; so is a NUL character, which PostgreSQL cannot store in text at all (H2 could, so both refuse it
     * alike).
     */
    static String fit(String value, int maxLength, String attribute) {
        if (value != null && value.length() > maxLength) {
            throw ScimException.invalidValue(attribute + " is longer than this service provider keeps ("
                    + maxLength + " characters)");
        }
        if (hasNul(value)) {
            throw ScimException.invalidValue(attribute + " must not contain the NUL character (U+0000)");
        }
        return value;
    }

    /**
     * Whether a value holds a NUL character. No stored id or text does (see {@link #fit}), and PostgreSQL refuses
     * one even as a query parameter, so an id with a NUL names nothing and is never sent to the database.
     */
    static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /**
     * Refuses a filter with a NUL in one of its values (400 {@code invalidFilter}), on H2 and PostgreSQL alike,
     * instead of the store failure PostgreSQL would answer.
     */
    static void requireNoNul(List<Object> filterParameters) {
        for (Object p : filterParameters) {
            if (p instanceof String s && hasNul(s)) {
                throw ScimException.invalidFilter("filter values must not contain the NUL character (U+0000)");
            }
        }
    }
}
