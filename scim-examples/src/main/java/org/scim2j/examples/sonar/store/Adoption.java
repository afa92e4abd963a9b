package org.scim2j.examples.sonar.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which host users a {@code POST /Users} may adopt: a host user with the same login (ignoring case) that SCIM does
 * not manage is linked to the new SCIM id and updated, instead of the create being refused, only when it is not a
 * local account ({@code users.user_local}) and it came from one of these external identity providers
 * ({@code users.external_identity_provider}, compared ignoring case). SonarQube adopts the users its SAML logins
 * created (IDP-TRAFFIC §3.4). Any other host user with that login makes the create a 409 {@code uniqueness}.
 *
 * @param providers the adoptable external identity providers, lower case; empty: never adopt
 */
public record Adoption(Set<String> providers) {

    /** The example's default: users that a SAML login created (and users SCIM created and a DELETE unlinked). */
    public static final Adoption SAML = of(Set.of("saml"));

    /** Copies the set, lower-cased. */
    public Adoption {
        providers = providers.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Adopts users of these providers. */
    public static Adoption of(Set<String> providers) {
        return new Adoption(Objects.requireNonNull(providers, "providers"));
    }

    /** Never adopts: every existing login is 409. */
    public static Adoption none() {
        return new Adoption(Set.of());
    }

    /** Whether a host user that SCIM does not manage may be adopted. */
    boolean allows(boolean local, String provider) {
        return !local && provider != null && providers.contains(provider.toLowerCase(Locale.ROOT));
    }
}
