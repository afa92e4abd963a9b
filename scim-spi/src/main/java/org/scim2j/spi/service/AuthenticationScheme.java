package org.scim2j.spi.service;

import java.util.Objects;

/**
 * An authentication scheme advertised in {@code /ServiceProviderConfig} (RFC 7643 §5).
 *
 * @param type             {@code oauthbearertoken}, {@code httpbasic}, ...
 * @param name             a common name, e.g. {@code OAuth Bearer Token}
 * @param description      a description
 * @param specUri          the scheme's specification, or {@code null}
 * @param documentationUri the host's documentation, or {@code null}
 * @param primary          whether it is the preferred scheme
 */
public record AuthenticationScheme(String type, String name, String description, String specUri,
                                   String documentationUri, boolean primary) {

    /** Requires type, name and description. */
    public AuthenticationScheme {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** A bearer token (RFC 6750), as Microsoft Entra ID sends it. */
    public static AuthenticationScheme bearerToken(boolean primary) {
        return new AuthenticationScheme("oauthbearertoken", "OAuth Bearer Token",
                "Authentication with a bearer token in the Authorization header",
                "https://www.rfc-editor.org/rfc/rfc6750", null, primary);
    }

    /** HTTP Basic (RFC 7617), e.g. with the token as user name and an empty password, as Okta is set up. */
    public static AuthenticationScheme httpBasic(boolean primary) {
        return new AuthenticationScheme("httpbasic", "HTTP Basic",
                "Authentication with HTTP Basic; the token is the user name and the password is empty",
                "https://www.rfc-editor.org/rfc/rfc7617", null, primary);
    }
}
