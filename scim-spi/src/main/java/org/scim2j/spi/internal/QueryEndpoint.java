package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

/** PLACEHOLDER until the query endpoint lands: GET on a collection, POST /.search. */
public final class QueryEndpoint {

    private final ServiceContext context;

    /** @param context the shared service state */
    public QueryEndpoint(ServiceContext context) {
        this.context = context;
    }

    /** GET on a collection (RFC 7644 §3.4.2). */
    public ScimResponse list(ScimRequest request, Route route) {
        throw ScimException.notImplemented("query is not implemented yet " + context.config().defaultCount());
    }

    /** POST .search on a collection or at the root (RFC 7644 §3.4.3). */
    public ScimResponse search(ScimRequest request, Route route) {
        throw ScimException.notImplemented("search is not implemented yet");
    }
}
