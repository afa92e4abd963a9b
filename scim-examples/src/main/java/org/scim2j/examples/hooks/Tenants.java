package org.scim2j.examples.hooks;

// tag::imports[]
import org.scim2j.http.AuthenticationResult;
import org.scim2j.http.Authenticator;
import org.scim2j.http.ScimHttpHandler;
import org.scim2j.http.ScimServiceResolver;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;
import org.scim2j.servlet.ScimServlet;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.service.ScimService;

import java.util.LinkedHashMap;
import java.util.Map;
// end::imports[]

/**
 * One SCIM endpoint for several tenants: each tenant has its own admin token and its own {@link ScimService} (its
 * own stores, configuration and observers), and a request is served by the service of the tenant its token belongs
 * to.
 */
public final class Tenants {

    private Tenants() {
    }

    // tag::tenants[]
    /**
     * The servlet over one service per tenant.
     *
     * @param services    each tenant's service
     * @param tokenHashes each tenant's admin token, as TokenVerifier.hash(token)
     */
    public static ScimServlet scimServlet(Map<String, ScimService> services, Map<String, String> tokenHashes) {
        Map<String, Authenticator> byTenant = new LinkedHashMap<>();
        tokenHashes.forEach((tenant, hash) -> byTenant.put(tenant,
                TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(hash, "scim-admin@" + tenant))));
        // The tenant whose token it is goes with the principal: repositories and observers see it in
        // RequestContext.tenant(), and the resolver picks the tenant's service by it.
        Authenticator tenantTokens = headers -> {
            for (Map.Entry<String, Authenticator> tenant : byTenant.entrySet()) {
                if (tenant.getValue().authenticate(headers) instanceof AuthenticationResult.Authenticated admin) {
                    return AuthenticationResult.authenticated(admin.principal(),
                            Map.of(RequestContext.TENANT, tenant.getKey()));
                }
            }
            return AuthenticationResult.unauthenticated("invalid credentials");
        };
        return new ScimServlet(ScimHttpHandler.builder()
                .authenticator(tenantTokens)
                .services(ScimServiceResolver.byTenant(services))
                .build());
    }
    // end::tenants[]
}
