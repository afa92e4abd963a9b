package org.scim2j.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin-token authentication as identity providers send it:
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} (Microsoft Entra ID, Okta "HTTP Header");</li>
 *   <li>{@code Authorization: Basic base64("<token>:")}, the token as user name and an empty password (how Okta's
 *       Basic Auth is set up for SonarQube).</li>
 * </ul>
 * Both go to one {@link TokenVerifier}. Tokens are never logged nor echoed in error details.
 */
public final class TokenAuthenticator implements Authenticator {

    private final TokenVerifier verifier;

    private TokenAuthenticator(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Accepts a Bearer token, or Basic with the token as user name and an empty password. */
    public static TokenAuthenticator bearerOrBasic(TokenVerifier verifier) {
        return new TokenAuthenticator(verifier);
    }

    @Override
    public AuthenticationResult authenticate(Headers headers) {
        String authorization = headers.get("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return AuthenticationResult.unauthenticated("authentication required: send Authorization: Bearer <token>"
                    + " or Basic with the token as user name and an empty password");
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : value.substring(space + 1).trim();
        Optional<String> token;
        if (scheme.equalsIgnoreCase("Bearer")) {
            token = credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
        } else if (scheme.equalsIgnoreCase("Basic")) {
            token = basicUser(credentials);
        } else {
            return AuthenticationResult.unauthenticated("unsupported authentication scheme; use Bearer or Basic");
        }
        Optional<String> principal = token.flatMap(verifier::verify);
        return principal.map(AuthenticationResult::authenticated)
                .orElseGet(() -> AuthenticationResult.unauthenticated("invalid credentials"));
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"SCIM\", Basic realm=\"SCIM\", charset=\"UTF-8\"";
    }

    /** The user name of Basic credentials whose password is empty (the token), or empty. */
    private static Optional<String> basicUser(String credentials) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        String user = colon < 0 ? text : text.substring(0, colon);
        String password = colon < 0 ? "" : text.substring(colon + 1);
        // Okta sends the token as user name with an empty password; a token typed into the password field with an
        // empty user name is accepted too, since admins mix the two up.
        if (!user.isEmpty() && password.isEmpty()) {
            return Optional.of(user);
        }
        if (user.isEmpty() && !password.isEmpty()) {
            return Optional.of(password);
        }
        return Optional.empty();
    }
}
