package org.scim2j.springboot.extension;

import org.scim2j.core.resource.ExtensionSchema;

// tag::record[]
/**
 * What a SonarQube-style host keeps about a user beyond RFC 7643: its login and whether it signs in locally.
 *
 * @param login the host's login name, unique and case-sensitive
 * @param local whether the user signs in with a local password rather than through the identity provider
 */
@ExtensionSchema(SonarUser.URN)
public record SonarUser(String login, Boolean local) {

    /** The extension's schema URN, its key in a User's JSON and in attribute paths. */
    public static final String URN = "urn:example:params:scim:schemas:extension:sonar:2.0:User";
}
// end::record[]
