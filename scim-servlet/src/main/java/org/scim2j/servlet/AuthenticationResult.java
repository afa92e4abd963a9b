package org.scim2j.servlet;

import java.util.Objects;

/** What an {@link Authenticator} decided about a request. */
public sealed interface AuthenticationResult {

    /** The request may proceed as {@code principal}. */
    static AuthenticationResult authenticated(String principal) {
        return new Authenticated(principal);
    }

    /** Missing or invalid credentials: 401 with {@code WWW-Authenticate}. */
    static AuthenticationResult unauthenticated(String detail) {
        return new Unauthenticated(detail);
    }

    /** Valid credentials that may not use SCIM: 403. */
    static AuthenticationResult forbidden(String detail) {
        return new Forbidden(detail);
    }

    /**
     * Authenticated.
     *
     * @param principal the subject's name, as repositories and logs see it (never the token)
     */
    record Authenticated(String principal) implements AuthenticationResult {
        /** Requires a principal. */
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * Not authenticated.
     *
     * @param detail what is missing or wrong, for the client (never echo the credentials)
     */
    record Unauthenticated(String detail) implements AuthenticationResult {
    }

    /**
     * Authenticated but not allowed.
     *
     * @param detail why, for the client
     */
    record Forbidden(String detail) implements AuthenticationResult {
    }
}
