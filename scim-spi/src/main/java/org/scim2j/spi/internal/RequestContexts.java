package org.scim2j.spi.internal;

import org.scim2j.spi.RequestContext;
import org.scim2j.spi.RequestContext.Operation;
import org.scim2j.spi.service.ScimRequest;

/** The one place a request's {@link RequestContext} and {@link Operation} are decided. */
public final class RequestContexts {

    private RequestContexts() {
    }

    /** The context of a request routed to {@code route}. */
    public static RequestContext of(ScimRequest request, Route route) {
        return of(request, operation(request.method(), route == null ? null : route.kind()));
    }

    /** The context of a request doing {@code operation}. */
    public static RequestContext of(ScimRequest request, Operation operation) {
        return new RequestContext(request.principal(), request.requestId(), request.attributes(), operation);
    }

    /** What {@code method} on an endpoint of {@code kind} does; {@code null} when it is not routed. */
    static Operation operation(String method, Route.Kind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case SERVICE_PROVIDER_CONFIG, RESOURCE_TYPES, SCHEMAS -> Operation.DISCOVERY;
            case BULK -> Operation.BULK;
            case ROOT_SEARCH, COLLECTION_SEARCH -> Operation.SEARCH;
            case COLLECTION -> method.equals("GET") ? Operation.SEARCH : Operation.CREATE;
            case RESOURCE, ME -> switch (method) {
                case "PUT" -> Operation.REPLACE;
                case "PATCH" -> Operation.PATCH;
                case "DELETE" -> Operation.DELETE;
                case "POST" -> Operation.CREATE;
                default -> Operation.READ;
            };
        };
    }

    /**
     * The name observers see for what a route addresses: the resource type, or the RFC 7643 §5-§7 name of a
     * discovery endpoint; {@code null} for a search across resource types.
     */
    public static String resourceType(Route route) {
        return switch (route.kind()) {
            case SERVICE_PROVIDER_CONFIG -> "ServiceProviderConfig";
            case RESOURCE_TYPES -> "ResourceType";
            case SCHEMAS -> "Schema";
            case BULK -> "Bulk";
            case ME -> "User";
            case ROOT_SEARCH -> null;
            case COLLECTION, COLLECTION_SEARCH, RESOURCE -> route.binding().type().name();
        };
    }
}
