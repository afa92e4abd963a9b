package org.scim2j.core.schema;

/** How unique a value must be (RFC 7643 §2.2 / §7). */
public enum Uniqueness {
    /** No constraint (the default). */
    NONE("none"),
    /** Unique within the service provider (e.g. userName). */
    SERVER("server"),
    /** Globally unique. */
    GLOBAL("global");

    private final String wireName;

    Uniqueness(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in schema documents, e.g. {@code none}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The value for a schema document's name, ignoring case.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Uniqueness fromWireName(String text) {
        for (Uniqueness value : values()) {
            if (value.wireName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown uniqueness '" + text + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
