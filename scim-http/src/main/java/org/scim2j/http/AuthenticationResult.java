package org.scim2j.http;

import org.scim2j.spi.RequestContext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an {@link Authenticator} decided about a request. */
public sealed interface AuthenticationResult {

    /** The request may proceed as {@code principal}. */
    static AuthenticationResult authenticated(String principal) {
        return new Authenticated(principal, Map.of());
    }

    /**
     * The request may proceed as {@code principal}, with attributes such as its tenant and roles
     * ({@link RequestContext#TENANT}, {@link RequestContext#ROLES}), which repositories and observers see in
     * {@link RequestContext#attributes()} and a {@link ScimServiceResolver} routes by.
     */
    static AuthenticationResult authenticated(String principal, Map<String, Object> attributes) {
        return new Authenticated(principal, attributes);
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
     * @param principal  the subject's name, as repositories and logs see it (never the token)
     * @param attributes what the authenticator knows about the subject (tenant, roles); copied
     */
    record Authenticated(String principal, Map<String, Object> attributes) implements AuthenticationResult {
        /** Requires a principal; copies the attributes. */
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
            attributes = attributes == null || attributes.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** Authenticated without attributes. */
        public Authenticated(String principal) {
            this(principal, Map.of());
        }

        /** The {@link RequestContext#TENANT} attribute, or {@code null}. */
        public String tenant() {
            return attributes.get(RequestContext.TENANT) instanceof String tenant ? tenant : null;
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
