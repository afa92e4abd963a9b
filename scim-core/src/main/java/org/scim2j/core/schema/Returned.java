package org.scim2j.core.schema;

/** When an attribute is returned in a response (RFC 7643 §2.2 / §7). */
public enum Returned {
    /** Always returned, whatever attributes or excludedAttributes say (e.g. id). */
    ALWAYS("always"),
    /** Never returned (e.g. password). */
    NEVER("never"),
    /** Returned unless excluded (the default). */
    DEFAULT("default"),
    /** Returned only when named in attributes. */
    REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in schema documents, e.g. {@code always}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The value for a schema document's name, ignoring case.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Returned fromWireName(String text) {
        for (Returned value : values()) {
            if (value.wireName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown returned '" + text + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
