package org.scim2j.http;

/**
 * Decides who sends a request, from its headers. {@link ScimHttpHandler} calls it before anything else runs
 * (but after the enable switch). Implementations must not log credentials.
 *
 * <pre>{@code
 *   Authenticator auth = TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(storedHexHash, "scim-admin"));
 * }</pre>
 */
@FunctionalInterface
public interface Authenticator {

    /** Reads request headers by name (ignoring case); {@code null} when absent. */
    @FunctionalInterface
    interface Headers {
        /** The header's value, or {@code null}. */
        String get(String name);
    }

    /** Authenticates a request. */
    AuthenticationResult authenticate(Headers headers);

    /**
     * The {@code WWW-Authenticate} value sent with a 401, naming the accepted schemes (RFC 9110 §11.6.1).
     */
    default String challenge() {
        return "Bearer realm=\"SCIM\"";
    }
}
