package org.scim2j.http;

import org.scim2j.spi.service.ScimService;

import java.util.Map;
import java.util.Optional;

/**
 * Chooses the {@link ScimService} that serves an authenticated request, so that one HTTP entry point serves several
 * tenants, each with its own repositories, configuration and observers. A principal without a service is refused
 * with 403.
 *
 * <pre>{@code
 *   ScimHttpHandler handler = ScimHttpHandler.builder()
 *       .authenticator(tokensOfEveryTenant)            // attaches RequestContext.TENANT to the principal
 *       .services(ScimServiceResolver.byTenant(Map.of("acme", acmeService, "globex", globexService)))
 *       .build();
 * }</pre>
 */
@FunctionalInterface
public interface ScimServiceResolver {

    /** The service for this principal, or empty when it has none (403). */
    Optional<ScimService> resolve(AuthenticationResult.Authenticated principal);

    /** Always the same service. */
    static ScimServiceResolver single(ScimService service) {
        Optional<ScimService> only = Optional.of(service);
        return principal -> only;
    }

    /** The service of the principal's {@link org.scim2j.spi.RequestContext#TENANT} attribute. */
    static ScimServiceResolver byTenant(Map<String, ScimService> services) {
        Map<String, ScimService> copy = Map.copyOf(services);
        return principal -> principal.tenant() == null ? Optional.empty()
                : Optional.ofNullable(copy.get(principal.tenant()));
    }
}
