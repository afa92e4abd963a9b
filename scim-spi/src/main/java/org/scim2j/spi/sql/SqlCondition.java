package org.scim2j.spi.sql;

import java.util.List;
import java.util.Objects;

/**
 * A parameterised SQL boolean expression: {@code sql} has one {@code ?} placeholder per element of
 * {@code parameters}, in order. Filter values only ever travel as parameters, never as SQL text.
 *
 * <p>The expression is self-contained: it can be placed after {@code WHERE}, or next to {@code AND}, {@code OR} or
 * {@code NOT}, without extra parentheses; it never evaluates to SQL {@code UNKNOWN} where that would change the
 * result of an enclosing {@code NOT}.
 *
 * <pre>{@code
 *   SqlCondition c = translator.translate(Filter.parse("userName eq \"bjensen\""));
 *   // c.sql()        -> LOWER(u.login) = LOWER(?)
 *   // c.parameters() -> ["bjensen"]
 *   try (PreparedStatement st = connection.prepareStatement("SELECT u.uuid FROM users u WHERE " + c.sql())) {
 *       for (int i = 0; i < c.parameters().size(); i++) {
 *           st.setObject(i + 1, c.parameters().get(i));
 *       }
 *       ...
 *   }
 * }</pre>
 *
 * @param sql        the expression, with {@code ?} placeholders
 * @param parameters the values to bind, in placeholder order: {@link String}, {@link Boolean}, {@link Long},
 *                   {@link java.math.BigDecimal} or {@link java.time.OffsetDateTime} (never {@code null})
 */
public record SqlCondition(String sql, List<Object> parameters) {

    /** Rejects a null or blank expression and copies the parameters (which must not be null). */
    public SqlCondition {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("blank SQL condition");
        }
        parameters = List.copyOf(parameters);
    }
}
