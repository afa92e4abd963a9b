package org.scim2j.testkit.idp;

/** The identity provider a suite plays: how it introduces itself and what it sends. */
enum Idp {
    /** Okta's SCIM 2.0 client (https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20). */
    OKTA("Okta", "Okta SCIM Client 1.0.0"),
    /**
     * Microsoft Entra ID's provisioning service
     * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
     */
    ENTRA("Entra ID", "Microsoft Azure AD SCIM provisioning 1.0.0");

    final String displayName;
    final String userAgent;

    Idp(String displayName, String userAgent) {
        this.displayName = displayName;
        this.userAgent = userAgent;
    }
}
