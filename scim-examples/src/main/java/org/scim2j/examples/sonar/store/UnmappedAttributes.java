package org.scim2j.examples.sonar.store;

/**
 * What the host does with the attributes an identity provider writes that SonarQube's tables have no column for
 * ({@code SCIM_UNMAPPED_ATTRIBUTES}).
 */
public enum UnmappedAttributes {

    /**
     * Keep them, in a JSON document beside the SCIM link ({@code scim_users.attributes},
     * {@code scim_groups.attributes}), so that every attribute reads back as written. The default.
     */
    KEEP,

    /**
     * Drop them, as a host with only SonarQube's columns would: {@code /Schemas} then advertises only what is kept
     * ({@link HostSchemas#kept()}), so that discovery tells the truth (RFC 7644 §4).
     */
    DROP;

    /** Reads {@code keep} or {@code drop} (any case); {@code null} is {@link #KEEP}. */
    public static UnmappedAttributes parse(String value) {
        if (value == null) {
            return KEEP;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "keep" -> KEEP;
            case "drop" -> DROP;
            default -> throw new IllegalArgumentException("SCIM_UNMAPPED_ATTRIBUTES must be keep or drop, not "
                    + value);
        };
    }
}
