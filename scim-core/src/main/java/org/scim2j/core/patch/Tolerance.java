package org.scim2j.core.patch;

/**
 * A deviation from RFC 7644 §3.5.2 that real identity providers need. Each one is switchable through
 * {@link PatchOptions}; when a request is rejected only because a tolerance is off, the error detail names it.
 *
 * <p>Sources, cited in brackets below:
 * <ul>
 *   <li>[Entra compliance]: Microsoft,
 *       <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 *       Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning
 *       service</a>;</li>
 *   <li>[Entra tutorial]: Microsoft,
 *       <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 *       Tutorial: Develop and plan provisioning for a SCIM endpoint</a>;</li>
 *   <li>[Entra validator]: Microsoft,
 *       <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">
 *       Tutorial: Validate a SCIM endpoint</a>;</li>
 *   <li>[Microsoft reference code]: the Postman collection of
 *       <a href="https://github.com/AzureAD/SCIMReferenceCode">AzureAD/SCIMReferenceCode</a>;</li>
 *   <li>[Okta]: <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/">Okta SCIM 2.0
 *       protocol reference</a>.</li>
 * </ul>
 */
public enum Tolerance {

    /** Operation names in any case ({@code "Replace"}, {@code "Add"}): Microsoft Entra ID [Entra compliance]. */
    CASE_INSENSITIVE_OPS,

    /**
     * Boolean attributes given as strings ({@code "False"}, {@code "true"}): Microsoft Entra ID [Entra compliance].
     * The one switch for them: a service applies it to PATCH values and to POST, PUT and Bulk bodies alike.
     */
    BOOLEAN_STRINGS,

    /**
     * {@code add}/{@code replace} on {@code attr[sub eq "x"].sub2} whose filter (a single {@code eq}) matches nothing
     * creates the element {@code {"sub":"x","sub2":value}}; later operations on the same filter then update that
     * element, so successive operations merge into one, as Microsoft Entra ID and its validator send them [Entra
     * tutorial, Entra validator]. A plain {@code replace} of
     * {@code attr[filter]} without sub-attribute that matches nothing stays {@code noTarget}.
     */
    UPSERT_FILTERED_SUB_ATTRIBUTE,

    /**
     * {@code remove} of {@code members} with a {@code value} array removes only the listed members (read literally,
     * the RFC would remove every member): Microsoft Entra ID [Entra compliance].
     */
    REMOVE_MEMBERS_BY_VALUE,

    /**
     * Path-less {@code add}/{@code replace} values whose keys are dotted or URN-qualified attribute paths
     * ({@code {"name.givenName":"Kim"}}): Microsoft Entra ID [Entra compliance].
     */
    PATH_KEYS_IN_VALUE,

    /**
     * The enterprise {@code manager} addressed by its bare name, and given as a plain string id or as
     * {@code [{"value":"id","$ref":...}]}; stored as {@code {"value":"id"}}: Microsoft Entra ID [Entra tutorial].
     */
    MANAGER_SHORTHAND,

    /**
     * A read-only {@code id} inside a path-less value that equals the resource's own id is accepted as no change:
     * Okta's group rename [Okta].
     */
    ECHOED_ID,

    /**
     * Member values given as a bare string id, with {@code "$ref": null}, or with unknown keys are read as
     * {@code {"value":"id"}} with the unknown keys dropped [Entra tutorial, Microsoft reference code].
     */
    LENIENT_MEMBER_VALUES,

    /** An empty {@code Operations} array is a no-op: the Microsoft SCIM validator sends it [Entra validator]. */
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
