package org.scim2j.spi.sql;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The index that serves filters on one attribute, built on exactly the expression {@link SqlFilterTranslator} writes
 * for it, so that the planner can match the two ({@link SqlFilterTranslator#indexAdvice(String)}). PostgreSQL
 * matches an expression index only when the query has the same expression: an index on {@code login} serves
 * {@code login = ?} but not the {@code LOWER(login) = LOWER(?)} that a case-insensitive {@code userName eq} needs
 * (<a href="https://www.postgresql.org/docs/current/indexes-expressional.html">Indexes on Expressions</a>).
 *
 * <ul>
 *   <li>{@link Kind#BTREE} on a column or document value: {@code eq} (case-insensitive through {@code LOWER()} when
 *       the attribute is not {@code caseExact}); for numbers, booleans and times also {@code gt}, {@code ge},
 *       {@code lt} and {@code le}.</li>
 *   <li>{@link Kind#GIN} on the values array of a multi-valued attribute's sub-attribute
 *       ({@link JsonbIndexes#valuesFunction}): {@code eq}, alone ({@code emails.value eq}) or in a value path
 *       ({@code emails[type eq "work" and value eq "x"]}).</li>
 * </ul>
 * No advice covers {@code pr} (it selects most resources of a directory, which a scan reads faster), nor
 * {@code co}, {@code ew} and {@code ne}: those read every candidate resource. {@code sw} is a
 * {@code LIKE ... ESCAPE} with a bound pattern, which a B-tree serves only when the planner sees the value and the
 * index has the {@code C} collation or {@code text_pattern_ops}; it is not advised.
 *
 * <pre>{@code
 *   users.indexAdvice("externalId").orElseThrow().createIndex("idx_users_external_id", "users", "u")
 *   // CREATE INDEX IF NOT EXISTS idx_users_external_id ON users (external_id)
 * }</pre>
 *
 * @param attributePath the canonical attribute path
 * @param expression    the indexed expression as the translator writes it (with the column SQL's table alias)
 * @param kind          the index method
 * @param operators     the filter operators ({@code eq}, {@code gt}, ...) the index serves
 */
public record IndexAdvice(String attributePath, String expression, Kind kind, Set<String> operators) {

    private static final Pattern PLAIN_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** The index method. */
    public enum Kind {
        /** A B-tree on the expression: equality and order. */
        BTREE,
        /** A GIN index on a {@code text[]} expression: containment ({@code @>}). */
        GIN
    }

    /** Checks the parts. */
    public IndexAdvice {
        Objects.requireNonNull(attributePath, "attributePath");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(kind, "kind");
        operators = Set.copyOf(operators);
    }

    /**
     * The index as DDL for a migration: {@code CREATE INDEX IF NOT EXISTS indexName ON table (column)} for a plain
     * column, {@code ... ON table ((expression))} for an expression, {@code ... USING GIN ((expression))} for a
     * values array; {@code alias.} (the table alias the translator's column SQL uses, e.g. {@code u}) is removed.
     *
     * @param alias the table alias in the column SQL, or {@code null} if it has none
     * @throws IllegalArgumentException if a name is not an SQL name
     */
    public String createIndex(String indexName, String table, String alias) {
        JsonbIndexes.requireName(indexName);
        JsonbIndexes.requireName(table);
        String bare = alias == null ? expression
                : expression.replaceAll("\\b" + Pattern.quote(JsonbIndexes.requireName(alias)) + "\\.", "");
        String key = PLAIN_COLUMN.matcher(bare).matches() ? bare : "(" + bare + ")";
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON " + table + (kind == Kind.GIN ? " USING GIN" : "")
                + " (" + key + ")";
    }
}
