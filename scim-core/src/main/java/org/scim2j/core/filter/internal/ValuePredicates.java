package org.scim2j.core.filter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.internal.AttributeLocator.ValueTest;
import org.scim2j.core.internal.DateTimes;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.FilterValue;

import java.math.BigDecimal;

/**
 * Turns {@code op literal} into a test of one JSON value, checking at compile time that the operator applies to the
 * attribute's type and that the literal has that type (RFC 7644 §3.4.2.2). Literals are parsed here, once.
 */
final class ValuePredicates {

    private ValuePredicates() {
    }

    static ValueTest compile(AttributeDefinition target, CompareOp op, FilterValue literal, String path) {
        AttributeType type = target.type();
        if (op.isOrdering() && !type.isOrdered()) {
            throw ScimException.invalidFilter("'" + op.token() + "' cannot compare '" + path + "': " + type.wireName()
                    + " values have no order (RFC 7644 §3.4.2.2)");
        }
        if (op.isSubstring() && type != AttributeType.STRING && type != AttributeType.REFERENCE) {
            throw ScimException.invalidFilter("'" + op.token() + "' applies to string attributes only, but '" + path
                    + "' is " + type.wireName());
        }
        switch (type) {
            case STRING:
            case REFERENCE:
                return strings(op, string(literal, path, type), target.caseExact());
            case BINARY:
                return strings(op, string(literal, path, type), true);
            case BOOLEAN:
                return booleans(op, bool(literal, path));
            case INTEGER:
            case DECIMAL:
                return numbers(op, number(literal, path, type));
            case DATE_TIME:
                return dateTimes(op, dateTime(literal, path));
            default:
                throw ScimException.invalidFilter("complex attribute '" + path + "' cannot be compared");
        }
    }

    private static String string(FilterValue literal, String path, AttributeType type) {
        if (literal instanceof FilterValue.StringValue s) {
            return s.value();
        }
        throw wrongLiteral(literal, path, type);
    }

    private static boolean bool(FilterValue literal, String path) {
        if (literal instanceof FilterValue.BooleanValue b) {
            return b.value();
        }
        throw wrongLiteral(literal, path, AttributeType.BOOLEAN);
    }

    private static BigDecimal number(FilterValue literal, String path, AttributeType type) {
        if (literal instanceof FilterValue.NumberValue n) {
            return n.value();
        }
        throw wrongLiteral(literal, path, type);
    }

    private static long[] dateTime(FilterValue literal, String path) {
        if (literal instanceof FilterValue.StringValue s) {
            long seconds = DateTimes.epochSecond(s.value());
            if (seconds != DateTimes.INVALID) {
                return new long[] {seconds, DateTimes.nanoOfSecond(s.value())};
            }
            throw ScimException.invalidFilter("'" + path + "' is a dateTime, but " + literal
                    + " is not an RFC 3339 date-time such as \"2011-05-13T04:42:34Z\"");
        }
        throw wrongLiteral(literal, path, AttributeType.DATE_TIME);
    }

    private static ScimException wrongLiteral(FilterValue literal, String path, AttributeType type) {
        return ScimException.invalidFilter("'" + path + "' is " + type.wireName() + ", but the filter compares it with "
                + literal);
    }

    private static ValueTest strings(CompareOp op, String lit, boolean caseExact) {
        int len = lit.length();
        switch (op) {
            case EQ:
                return caseExact ? v -> v.isTextual() && v.textValue().equals(lit)
                        : v -> v.isTextual() && v.textValue().equalsIgnoreCase(lit);
            case NE:
                return caseExact ? v -> v.isTextual() && !v.textValue().equals(lit)
                        : v -> v.isTextual() && !v.textValue().equalsIgnoreCase(lit);
            case CO:
                return v -> v.isTextual() && contains(v.textValue(), lit, !caseExact);
            case SW:
                return v -> v.isTextual() && v.textValue().regionMatches(!caseExact, 0, lit, 0, len);
            case EW:
                return v -> {
                    if (!v.isTextual()) {
                        return false;
                    }
                    String s = v.textValue();
                    return s.length() >= len && s.regionMatches(!caseExact, s.length() - len, lit, 0, len);
                };
            default:
                return v -> v.isTextual() && ordered(op, caseExact ? v.textValue().compareTo(lit)
                        : v.textValue().compareToIgnoreCase(lit));
        }
    }

    private static boolean contains(String s, String part, boolean ignoreCase) {
        if (!ignoreCase) {
            return s.contains(part);
        }
        int len = part.length();
        for (int i = 0, last = s.length() - len; i <= last; i++) {
            if (s.regionMatches(true, i, part, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static ValueTest booleans(CompareOp op, boolean lit) {
        return op == CompareOp.EQ ? v -> v.isBoolean() && v.booleanValue() == lit
                : v -> v.isBoolean() && v.booleanValue() != lit;
    }

    private static ValueTest numbers(CompareOp op, BigDecimal lit) {
        boolean fitsLong = isLong(lit);
        long litLong = fitsLong ? lit.longValueExact() : 0;
        return v -> {
            if (!v.isNumber()) {
                return false;
            }
            int c;
            if (fitsLong && v.isIntegralNumber() && v.canConvertToLong()) {
                c = Long.compare(v.longValue(), litLong);
            } else if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
                return false;
            } else {
                c = v.decimalValue().compareTo(lit);
            }
            return ordered(op, c);
        };
    }

    private static boolean isLong(BigDecimal d) {
        try {
            d.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static ValueTest dateTimes(CompareOp op, long[] lit) {
        long seconds = lit[0];
        int nanos = (int) lit[1];
        return v -> {
            if (!v.isTextual()) {
                return false;
            }
            int c = DateTimes.compare(v.textValue(), seconds, nanos);
            return c != Integer.MIN_VALUE && ordered(op, c);
        };
    }

    /** Whether a comparison result satisfies eq, ne, gt, ge, lt or le. */
    private static boolean ordered(CompareOp op, int c) {
        switch (op) {
            case EQ:
                return c == 0;
            case NE:
                return c != 0;
            case GT:
                return c > 0;
            case GE:
                return c >= 0;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            default:
                throw new IllegalStateException("not an ordering operator: " + op);
        }
    }
}
