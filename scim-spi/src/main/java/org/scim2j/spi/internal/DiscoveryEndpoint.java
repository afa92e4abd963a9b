package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

/** PLACEHOLDER until discovery lands: /ServiceProviderConfig, /ResourceTypes, /Schemas. */
public final class DiscoveryEndpoint {

    private final ServiceContext context;

    /** @param context the shared service state */
    public DiscoveryEndpoint(ServiceContext context) {
        this.context = context;
    }

    /** GET on a discovery endpoint (RFC 7644 §4). */
    public ScimResponse handle(ScimRequest request, Route route) {
        throw ScimException.notImplemented("discovery is not implemented yet " + context.config().defaultCount());
    }
}
