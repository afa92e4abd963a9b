package org.scim2j.spi.sql;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ScimDateTime;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.FilterValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Filter literals as JDBC parameters: typed per the attribute, LIKE patterns escaped. */
final class SqlValues {

    private SqlValues() {
    }

    /** The bound value for the column's type, or null when the literal does not fit it. */
    static Object parameter(ColumnMapping column, CompareOp op, FilterValue value) {
        AttributeDefinition definition = column.definition();
        switch (definition.type()) {
            case STRING:
            case REFERENCE:
            case BINARY:
                if (!(value instanceof FilterValue.StringValue s)) {
                    return null;
                }
                switch (op) {
                    case CO:
                        return "%" + escapeLike(s.value()) + "%";
                    case SW:
                        return escapeLike(s.value()) + "%";
                    case EW:
                        return "%" + escapeLike(s.value());
                    default:
                        return s.value();
                }
            case BOOLEAN:
                return value instanceof FilterValue.BooleanValue b && !op.isOrdering() && !op.isSubstring()
                        ? Boolean.valueOf(b.value()) : null;
            case INTEGER:
            case DECIMAL:
                if (!(value instanceof FilterValue.NumberValue n) || op.isSubstring()) {
                    return null;
                }
                return definition.type() == AttributeType.INTEGER ? integer(n.value())
                        : n.value();
            case DATE_TIME:
                if (!(value instanceof FilterValue.StringValue s) || op.isSubstring()) {
                    return null;
                }
                OffsetDateTime time = dateTime(s.value());
                return time == null || !column.epochMillis() ? time : epochMillis(time);
            default:
                return null;
        }
    }

    /** A whole number as a Long, so that the database compares it with an integer column (and its index) as is. */
    private static Object integer(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value;
        }
    }

    /** A dateTime by the service's one rule ({@link ScimDateTime}), in UTC, or null. */
    static OffsetDateTime dateTime(String text) {
        return ScimDateTime.parse(text).map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)).orElse(null);
    }

    /**
     * A date-time as milliseconds since the epoch, with the sub-millisecond part as a fraction: compared with a
     * column of whole milliseconds it orders exactly as the instants do.
     */
    static Object epochMillis(OffsetDateTime time) {
        long millis = time.toInstant().toEpochMilli();
        int subMillis = time.getNano() % 1_000_000;
        // whole milliseconds stay a Long, so that the database compares with the integer column (and its index) as is
        return subMillis == 0 ? (Object) millis : BigDecimal.valueOf(millis).add(BigDecimal.valueOf(subMillis, 6));
    }

    /** Escapes the LIKE metacharacters {@code %}, {@code _} and the escape character {@code \} itself. */
    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
