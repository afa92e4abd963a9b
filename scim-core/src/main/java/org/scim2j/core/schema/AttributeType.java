package org.scim2j.core.schema;

/** The data types of RFC 7643 §2.3. */
public enum AttributeType {
    /** A Unicode string (§2.3.1). */
    STRING("string"),
    /** {@code true} or {@code false} (§2.3.2). */
    BOOLEAN("boolean"),
    /** A real number with at least one digit after the point (§2.3.3). */
    DECIMAL("decimal"),
    /** A whole number (§2.3.4). */
    INTEGER("integer"),
    /** An RFC 3339 date-time with an offset, e.g. {@code 2008-01-23T04:56:22Z} (§2.3.5). */
    DATE_TIME("dateTime"),
    /** Base64-encoded binary data (§2.3.6). */
    BINARY("binary"),
    /** A URI reference to a resource (§2.3.7). */
    REFERENCE("reference"),
    /** A singular or multi-valued attribute made of sub-attributes (§2.3.8). */
    COMPLEX("complex");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in schema documents, e.g. {@code dateTime}. */
    public String wireName() {
        return wireName;
    }

    /** Whether values of this type can be ordered with {@code gt}, {@code ge}, {@code lt}, {@code le}. */
    public boolean isOrdered() {
        return this != BOOLEAN && this != BINARY && this != COMPLEX;
    }

    /**
     * The type for a schema document's name, ignoring case.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static AttributeType fromWireName(String name) {
        for (AttributeType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown attribute type '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
