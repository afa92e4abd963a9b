package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

/** PLACEHOLDER until the resource endpoint lands: create, read, replace, delete, PATCH. */
public final class ResourceEndpoint {

    private final ServiceContext context;

    /** @param context the shared service state */
    public ResourceEndpoint(ServiceContext context) {
        this.context = context;
    }

    /** POST to a collection (RFC 7644 §3.3). */
    public ScimResponse create(ScimRequest request, Route route) {
        throw ScimException.notImplemented("create is not implemented yet " + context.config().defaultCount());
    }

    /** GET, PUT, PATCH, DELETE on a resource. */
    public ScimResponse handle(ScimRequest request, Route route) {
        throw ScimException.notImplemented("not implemented yet");
    }
}
