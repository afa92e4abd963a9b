package org.scim2j.spi.sql;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.FilterValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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

    /**
     * An RFC 3339 date-time as FilterEvaluator reads it ({@code t}/{@code z} in any case, no offset meaning UTC,
     * digits past nanoseconds ignored), or null.
     */
    static OffsetDateTime dateTime(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        int end = t.length();
        int offsetAt = t.endsWith("Z") ? end - 1 : end >= 6 && (t.charAt(end - 6) == '+' || t.charAt(end - 6) == '-')
                ? end - 6 : end;
        String offset = offsetAt == end ? "Z" : t.substring(offsetAt);
        String local = t.substring(0, offsetAt);
        int dot = local.indexOf('.');
        if (dot >= 0 && local.length() - dot - 1 > 9) {
            local = local.substring(0, dot + 10);
        }
        try {
            return OffsetDateTime.parse(local + offset).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
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
