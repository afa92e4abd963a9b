package org.scim2j.spi.sql;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;

/**
 * One attribute (or sub-attribute) stored in one SQL column expression.
 *
 * @param path        the canonical attribute path, for messages
 * @param definition  the attribute's schema definition: its type and {@code caseExact} drive the SQL
 * @param sql         the column expression, parenthesised unless it is a plain (possibly qualified) name
 * @param epochMillis whether a dateTime is held as milliseconds since the epoch (an integer column) rather than a
 *                    timestamp
 * @param lowered     a column holding {@code LOWER(sql)} ({@link SqlFilterTranslator.Builder#loweredColumn}), or
 *                    {@code null}
 */
record ColumnMapping(String path, AttributeDefinition definition, String sql, boolean epochMillis, String lowered) {

    ColumnMapping(String path, AttributeDefinition definition, String sql, boolean epochMillis) {
        this(path, definition, sql, epochMillis, null);
    }

    static ColumnMapping of(String path, AttributeDefinition definition, String columnSql) {
        return of(path, definition, columnSql, false);
    }

    static ColumnMapping of(String path, AttributeDefinition definition, String columnSql, boolean epochMillis) {
        String sql = columnSql.strip();
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("empty column for '" + path + "'");
        }
        if (epochMillis && definition.type() != AttributeType.DATE_TIME) {
            throw new IllegalArgumentException("'" + path + "' is not a dateTime");
        }
        // A plain column name is used as is; anything else is grouped so that operators cannot bind into it.
        return new ColumnMapping(path, definition, sql.matches("[A-Za-z_][A-Za-z0-9_$.\"]*") ? sql : "(" + sql + ")",
                epochMillis);
    }

    /** This with a column that holds its lower-cased value. */
    ColumnMapping withLowered(String loweredSql) {
        return new ColumnMapping(path, definition, sql, epochMillis, loweredSql);
    }

    /** The lower-cased value: the {@link #lowered} column, else {@code lowerFunction(sql)}. */
    String lowerSql(String lowerFunction) {
        return lowered != null ? lowered : lowerFunction + "(" + sql + ")";
    }

    /** Whether the values are text: string, reference or binary (base64). */
    boolean isText() {
        AttributeType type = definition.type();
        return type == AttributeType.STRING || type == AttributeType.REFERENCE || type == AttributeType.BINARY;
    }

    /** Whether text compares ignoring case: strings and references that are not {@code caseExact}. */
    boolean ignoresCase() {
        return isText() && definition.type() != AttributeType.BINARY && !definition.caseExact();
    }
}
