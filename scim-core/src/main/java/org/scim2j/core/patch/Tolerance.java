package org.scim2j.core.patch;

/**
 * A deviation from RFC 7644 §3.5.2 that real identity providers need. Each one is switchable through
 * {@link PatchOptions}; when a request is rejected only because a tolerance is off, the error detail names it.
 * The tags in brackets refer to {@code IDP-TRAFFIC.md}.
 */
public enum Tolerance {

    /** Operation names in any case ({@code "Replace"}, {@code "Add"}): Microsoft Entra ID [P6, P8]. */
    CASE_INSENSITIVE_OPS,

    /** Boolean attributes given as strings ({@code "False"}, {@code "true"}): Microsoft Entra ID [P6]. */
    BOOLEAN_STRINGS,

    /**
     * {@code add}/{@code replace} on {@code attr[sub eq "x"].sub2} whose filter (a single {@code eq}) matches nothing
     * creates the element {@code {"sub":"x","sub2":value}}; later operations on the same filter then update that
     * element, so successive operations merge into one [P16, P18, P19]. A plain {@code replace} of
     * {@code attr[filter]} without sub-attribute that matches nothing stays {@code noTarget}.
     */
    UPSERT_FILTERED_SUB_ATTRIBUTE,

    /**
     * {@code remove} of {@code members} with a {@code value} array removes only the listed members (read literally,
     * the RFC would remove every member): Microsoft Entra ID [P11].
     */
    REMOVE_MEMBERS_BY_VALUE,

    /**
     * Path-less {@code add}/{@code replace} values whose keys are dotted or URN-qualified attribute paths
     * ({@code {"name.givenName":"Kim"}}): Microsoft Entra ID [P10].
     */
    PATH_KEYS_IN_VALUE,

    /**
     * The enterprise {@code manager} addressed by its bare name, and given as a plain string id or as
     * {@code [{"value":"id","$ref":...}]}; stored as {@code {"value":"id"}}: Microsoft Entra ID [P17].
     */
    MANAGER_SHORTHAND,

    /**
     * A read-only {@code id} inside a path-less value that equals the resource's own id is accepted as no change:
     * Okta's group rename [OKTA-SCIM20 §1.8].
     */
    ECHOED_ID,

    /**
     * Member values given as a bare string id, with {@code "$ref": null}, or with unknown keys are read as
     * {@code {"value":"id"}} with the unknown keys dropped [P13, P23, P24].
     */
    LENIENT_MEMBER_VALUES,

    /** An empty {@code Operations} array is a no-op: the Microsoft SCIM validator sends it [P32]. */
    EMPTY_OPERATIONS,

    /**
     * A {@code remove} whose value filter matches nothing (a member already gone) is a no-op instead of
     * {@code noTarget}, so that IdP retries are idempotent.
     */
    REMOVE_WITHOUT_TARGET;

    /** The text error details use to name this setting. */
    String settingName() {
        return "PatchOptions tolerance " + name();
    }
}
