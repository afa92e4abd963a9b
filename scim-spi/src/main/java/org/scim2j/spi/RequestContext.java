package org.scim2j.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, on whose behalf, and what for: passed to every repository call and every observer, so that a host
 * can audit, authorise and keep tenants apart. Immutable.
 *
 * @param principal  the authenticated subject's name (never a token), or {@code null} when unauthenticated
 * @param requestId  an id for log correlation
 * @param attributes what the authenticator attached to the principal, such as {@link #TENANT} and {@link #ROLES};
 *                   empty when it attached nothing. Values should be immutable.
 * @param operation  what the request does, or {@code null} outside a SCIM request ({@link #system()})
 */
public record RequestContext(String principal, String requestId, Map<String, Object> attributes,
                             Operation operation) {

    /** The attribute naming the principal's tenant (a {@code String}); see {@link #tenant()}. */
    public static final String TENANT = "tenant";

    /** The attribute holding the principal's roles (a {@code Set<String>}); see {@link #roles()}. */
    public static final String ROLES = "roles";

    /** What a request does, as RFC 7644 §3 names the operations. */
    public enum Operation {
        /** POST to a collection (§3.3). */
        CREATE,
        /** GET of one resource (§3.4.1). */
        READ,
        /** GET of a collection or POST to {@code .search} (§3.4.2, §3.4.3). */
        SEARCH,
        /** PUT (§3.5.1). */
        REPLACE,
        /** PATCH (§3.5.2). */
        PATCH,
        /** DELETE (§3.6). */
        DELETE,
        /** POST {@code /Bulk} (§3.7); each of its operations runs with a context of its own. */
        BULK,
        /** {@code /ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas} (§4). */
        DISCOVERY
    }

    /** Requires a request id; copies the attributes. */
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A context without attributes or operation, as before they existed. */
    public RequestContext(String principal, String requestId) {
        this(principal, requestId, Map.of(), null);
    }

    /** A context for calls made outside any HTTP request (tests, jobs). */
    public static RequestContext system() {
        return new RequestContext("system", "system");
    }

    /** An attribute the authenticator attached, or empty. */
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The {@link #TENANT} attribute, or {@code null} when the authenticator named no tenant. */
    public String tenant() {
        return attributes.get(TENANT) instanceof String tenant ? tenant : null;
    }

    /** The {@link #ROLES} attribute, or an empty set. */
    public Set<String> roles() {
        if (attributes.get(ROLES) instanceof Set<?> roles) {
            Set<String> out = new java.util.LinkedHashSet<>();
            roles.forEach(r -> out.add(String.valueOf(r)));
            return Collections.unmodifiableSet(out);
        }
        return Set.of();
    }

    /** This context for another operation (a bulk request's operations). */
    public RequestContext withOperation(Operation value) {
        return new RequestContext(principal, requestId, attributes, value);
    }
}
