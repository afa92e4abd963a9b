package org.scim2j.core.schema;

/** The mutability characteristic of RFC 7643 §2.2 / §7. */
public enum Mutability {
    /** The service provider sets it; clients cannot. */
    READ_ONLY("readOnly"),
    /** Clients may change it (the default). */
    READ_WRITE("readWrite"),
    /** Clients may set it once, when it has no value, and never change it. */
    IMMUTABLE("immutable"),
    /** Clients may set it; it is never returned (e.g. password). */
    WRITE_ONLY("writeOnly");

    private final String wireName;

    Mutability(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in schema documents, e.g. {@code readOnly}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The value for a schema document's name, ignoring case.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Mutability fromWireName(String text) {
        for (Mutability value : values()) {
            if (value.wireName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown mutability '" + text + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
