package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;

import java.util.ArrayList;
import java.util.List;

/** Maps a path under the SCIM base to an endpoint (RFC 7644 §3.2). Endpoint names are matched ignoring case. */
public final class Router {

    private final ServiceContext context;

    /** @param context the bound resource types */
    public Router(ServiceContext context) {
        this.context = context;
    }

    /**
     * The route for a decoded path such as {@code /Users/2819c223}; empty segments ({@code //}, a trailing
     * {@code /}) are ignored, as IdPs configured with a trailing slash send them.
     *
     * @throws ScimException 404 for a path that names no endpoint
     */
    public Route route(String path) {
        List<String> segments = new ArrayList<>(4);
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
            if (segments.size() > 3) {
                throw unknown(path);
            }
        }
        if (segments.isEmpty()) {
            throw unknown(path);
        }
        String first = segments.get(0);
        int n = segments.size();
        if (first.equals(".search") && n == 1) {
            return new Route(Route.Kind.ROOT_SEARCH, null, null);
        }
        if (first.equalsIgnoreCase("ServiceProviderConfig") && n == 1) {
            return new Route(Route.Kind.SERVICE_PROVIDER_CONFIG, null, null);
        }
        if (first.equalsIgnoreCase("ResourceTypes") && n <= 2) {
            return new Route(Route.Kind.RESOURCE_TYPES, null, n == 2 ? segments.get(1) : null);
        }
        if (first.equalsIgnoreCase("Schemas") && n <= 2) {
            return new Route(Route.Kind.SCHEMAS, null, n == 2 ? segments.get(1) : null);
        }
        if (first.equalsIgnoreCase("Bulk") && n == 1) {
            return new Route(Route.Kind.BULK, null, null);
        }
        if (first.equalsIgnoreCase("Me")) {
            return new Route(Route.Kind.ME, null, n > 1 ? String.join("/", segments.subList(1, n)) : null);
        }
        ResourceBinding<?> binding = context.binding("/" + first);
        if (binding == null || n > 2) {
            throw unknown(path);
        }
        if (n == 1) {
            return new Route(Route.Kind.COLLECTION, binding, null);
        }
        String second = segments.get(1);
        if (second.equals(".search")) {
            return new Route(Route.Kind.COLLECTION_SEARCH, binding, null);
        }
        return new Route(Route.Kind.RESOURCE, binding, second);
    }

    private static ScimException unknown(String path) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return ScimException.notFound("no SCIM endpoint at '" + shown + "'");
    }
}
