package org.scim2j.filter;

import java.util.Locale;

/**
 * The comparison operators of RFC 7644 §3.4.2.2, Table 3 (presence, {@code pr}, is its own node: {@link Presence}).
 */
public enum CompareOp {
    /** equal */
    EQ,
    /** not equal */
    NE,
    /** contains */
    CO,
    /** starts with */
    SW,
    /** ends with */
    EW,
    /** greater than */
    GT,
    /** greater than or equal to */
    GE,
    /** less than */
    LT,
    /** less than or equal to */
    LE;

    private final String token = name().toLowerCase(Locale.ROOT);

    /** The operator as the canonical filter text writes it, in lower case ({@code eq}, {@code ge}, ...). */
    public String token() {
        return token;
    }

    /** Whether this operator orders its operands ({@code gt}, {@code ge}, {@code lt}, {@code le}). */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** Whether this operator matches substrings ({@code co}, {@code sw}, {@code ew}). */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }
}
