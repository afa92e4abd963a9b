package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

import java.util.function.Function;

/** PLACEHOLDER until bulk lands: POST /Bulk. */
public final class BulkEndpoint {

    private final ServiceContext context;
    private final Function<ScimRequest, ScimResponse> dispatcher;

    /**
     * @param context    the shared service state
     * @param dispatcher handles each operation as a request of its own
     */
    public BulkEndpoint(ServiceContext context, Function<ScimRequest, ScimResponse> dispatcher) {
        this.context = context;
        this.dispatcher = dispatcher;
    }

    /** POST /Bulk (RFC 7644 §3.7). */
    public ScimResponse handle(ScimRequest request) {
        throw ScimException.notImplemented("bulk is not implemented yet " + context.config().defaultCount()
                + dispatcher);
    }
}
