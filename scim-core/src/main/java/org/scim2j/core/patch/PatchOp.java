package org.scim2j.core.patch;

import java.util.Locale;

/** The PATCH operations of RFC 7644 §3.5.2. */
public enum PatchOp {
    /** §3.5.2.1: add a value, or append to a multi-valued attribute. */
    ADD,
    /** §3.5.2.2: remove a value or the values a filter selects. */
    REMOVE,
    /** §3.5.2.3: replace a value. */
    REPLACE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name as RFC 7644 writes it: {@code add}, {@code remove}, {@code replace}. */
    public String wireName() {
        return wireName;
    }
}
