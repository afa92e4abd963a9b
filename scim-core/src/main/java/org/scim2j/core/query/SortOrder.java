package org.scim2j.core.query;

import org.scim2j.core.error.ScimException;

/** The {@code sortOrder} query parameter of RFC 7644 §3.4.2.3. */
public enum SortOrder {
    /** {@code ascending}: the default when {@code sortBy} is given without {@code sortOrder}. */
    ASCENDING("ascending"),
    /** {@code descending}. */
    DESCENDING("descending");

    private final String wireName;

    SortOrder(String wireName) {
        this.wireName = wireName;
    }

    /** The parameter value, {@code ascending} or {@code descending}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads the parameter, ignoring case and surrounding whitespace; a missing or blank value is
     * {@link #ASCENDING} (RFC 7644 §3.4.2.3).
     *
     * @throws ScimException 400 {@code invalidValue} for any other value
     */
    public static SortOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return ASCENDING;
        }
        String t = text.strip();
        for (SortOrder order : values()) {
            if (order.wireName.equalsIgnoreCase(t)) {
                return order;
            }
        }
        throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending', not '" + text + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
