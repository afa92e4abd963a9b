package org.scim2j.filter;


import java.math.BigDecimal;
import java.util.Objects;

/**
 * The literal on the right of a comparison: {@code compValue} of RFC 7644 §3.4.2.2, i.e. a JSON string, number,
 * {@code true}, {@code false} or {@code null}. {@code toString()} writes the value as JSON.
 */
public sealed interface FilterValue {

    /** The JSON {@code null} literal. */
    FilterValue NULL = NullValue.INSTANCE;

    /** A string value. */
    static FilterValue of(String value) {
        return new StringValue(value);
    }

    /** A boolean value. */
    static FilterValue of(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    /** An integer value. */
    static FilterValue of(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    /** A decimal value. */
    static FilterValue of(BigDecimal value) {
        return new NumberValue(value);
    }

    /**
     * A JSON string.
     *
     * @param value the unescaped text
     */
    record StringValue(String value) implements FilterValue {
        /** Rejects a null text; use {@link FilterValue#NULL} for JSON null. */
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return JsonText.quote(value);
        }
    }

    /**
     * A JSON number, kept exactly as a {@link BigDecimal} (so {@code 1.0} and {@code 1} are different literals).
     *
     * @param value the number
     */
    record NumberValue(BigDecimal value) implements FilterValue {
        /** Rejects a null number. */
        public NumberValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * JSON {@code true} or {@code false}.
     *
     * @param value the boolean
     */
    record BooleanValue(boolean value) implements FilterValue {
        static final BooleanValue TRUE = new BooleanValue(true);
        static final BooleanValue FALSE = new BooleanValue(false);

        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /** JSON {@code null}. */
    enum NullValue implements FilterValue {
        /** The only instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }
}
