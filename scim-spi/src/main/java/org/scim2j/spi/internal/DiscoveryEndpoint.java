package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaJson;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.SortSupport;
import org.scim2j.spi.service.AuthenticationScheme;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimServiceConfig;
import org.scim2j.spi.service.ScimServiceConfig.UnsupportedFilters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discovery endpoints of RFC 7644 §4: {@code /ServiceProviderConfig} (RFC 7643 §5), {@code /ResourceTypes}
 * (§6) and {@code /Schemas} (§7), read-only (other methods answer 405 in the router).
 *
 * <p>The ServiceProviderConfig tells the truth about this service: PATCH is always supported (the service applies
 * it); bulk is supported when {@code bulkMaxOperations} is positive; filtering and sorting are supported when some
 * repository does them or the service evaluates the rest in memory; entity tags are supported (every resource
 * carries {@code meta.version}); {@code changePassword} is false, since the service has no password semantics of its
 * own and hosts like SonarQube keep no SCIM password. RFC 9865 §4 {@code pagination} says whether a repository
 * offers cursors. Every member that Okta's SCIM 2.0 spec test (its Runscope suite for OIN submissions, see
 * <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-test/main/">Test your SCIM API</a>)
 * asserts is present.
 *
 * <p>RFC 7644 §4: a {@code filter} on these endpoints is 403, "to ensure that clients cannot incorrectly assume that
 * any matching conditions specified in a filter are true".
 */
public final class DiscoveryEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServiceContext context;

    /** @param context the shared service state */
    public DiscoveryEndpoint(ServiceContext context) {
        this.context = context;
    }

    /** GET on a discovery endpoint (RFC 7644 §4). */
    public ScimResponse handle(ScimRequest request, Route route) {
        if (request.queryParameter("filter") != null) {
            throw new ScimException(403, null, "filtering is not supported on the discovery endpoints "
                    + "(RFC 7644 §4); request the list without a filter");
        }
        String base = request.baseUrl();
        return switch (route.kind()) {
            case SERVICE_PROVIDER_CONFIG -> ok(serviceProviderConfig(base));
            case RESOURCE_TYPES -> route.id() == null ? ok(list(resourceTypes(base)))
                    : ok(one(resourceTypes(base), route.id(), "resource type"));
            case SCHEMAS -> route.id() == null ? ok(list(schemas(base))) : ok(one(schemas(base), route.id(), "schema"));
            default -> throw new IllegalStateException("not a discovery route: " + route.kind());
        };
    }

    private ScimResponse ok(ObjectNode body) {
        return Responses.json(context.json(), 200, body);
    }

    private ObjectNode serviceProviderConfig(String base) {
        ScimServiceConfig config = context.config();
        boolean inMemory = config.unsupportedFilters() == UnsupportedFilters.EVALUATE_IN_MEMORY
                && config.maxInMemoryScan() > 0;
        boolean filtering = inMemory;
        boolean sorting = inMemory;
        boolean cursors = false;
        for (ResourceBinding<?> b : context.bindings()) {
            RepositoryCapabilities caps = b.repository().capabilities();
            // FilterSupport.none() is recognised by its description: it has no identity to compare
            filtering |= !caps.filtering().description().equals(FilterSupport.none().description());
            // SortSupport.none() is recognised by its description too
            sorting |= !caps.sorting().description().equals(SortSupport.none().description());
            cursors |= caps.cursorPaging();
        }
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(Schemas.SERVICE_PROVIDER_CONFIG);
        if (config.documentationUri() != null) {
            json.put("documentationUri", config.documentationUri());
        }
        json.putObject("patch").put("supported", true);
        ObjectNode bulk = json.putObject("bulk");
        bulk.put("supported", config.bulkMaxOperations() > 0);
        bulk.put("maxOperations", config.bulkMaxOperations());
        bulk.put("maxPayloadSize", config.bulkMaxPayloadBytes());
        json.putObject("filter").put("supported", filtering).put("maxResults", config.maxResults());
        json.putObject("changePassword").put("supported", false);
        json.putObject("sort").put("supported", sorting);
        json.putObject("etag").put("supported", true);
        ObjectNode pagination = json.putObject("pagination");
        pagination.put("cursor", cursors);
        pagination.put("index", true);
        pagination.put("defaultPaginationMethod", "index");
        if (config.defaultCount() > 0) {
            pagination.put("defaultPageSize", config.defaultCount());
        }
        pagination.put("maxPageSize", config.maxResults());
        ArrayNode schemes = json.putArray("authenticationSchemes");
        for (AuthenticationScheme s : config.authenticationSchemes()) {
            ObjectNode scheme = schemes.addObject();
            scheme.put("type", s.type());
            scheme.put("name", s.name());
            scheme.put("description", s.description());
            putIfNotNull(scheme, "specUri", s.specUri());
            putIfNotNull(scheme, "documentationUri",
                    s.documentationUri() != null ? s.documentationUri() : config.documentationUri());
            scheme.put("primary", s.primary());
        }
        ObjectNode meta = json.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", base + "/ServiceProviderConfig");
        return json;
    }

    /** The bound resource types by id, in binding order. */
    private Map<String, ObjectNode> resourceTypes(String base) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ResourceBinding<?> b : context.bindings()) {
            ResourceType type = b.type();
            out.put(type.id(), SchemaJson.writeResourceType(type,
                    base + "/ResourceTypes/" + UrlPaths.encodeSegment(type.id())));
        }
        return out;
    }

    /** The schemas the bound resource types use (core, then extensions), by URN, in binding order. */
    private Map<String, ObjectNode> schemas(String base) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ResourceBinding<?> b : context.bindings()) {
            List<Schema> used = new ArrayList<>();
            used.add(context.registry().coreSchema(b.type()));
            used.addAll(context.registry().extensionSchemas(b.type()));
            for (Schema schema : used) {
                // a URN is a valid path segment as it is (':' is a pchar, RFC 3986 §3.3), as RFC 7643 §8.7 shows
                out.putIfAbsent(schema.id(), SchemaJson.writeSchema(schema, base + "/Schemas/" + schema.id()));
            }
        }
        return out;
    }

    private static ObjectNode one(Map<String, ObjectNode> all, String id, String what) {
        for (Map.Entry<String, ObjectNode> e : all.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        String shown = id.length() > 200 ? id.substring(0, 200) + "..." : id;
        throw ScimException.notFound("no " + what + " '" + shown + "' is served here");
    }

    private static ObjectNode list(Map<String, ObjectNode> resources) {
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(Schemas.LIST_RESPONSE);
        json.put("totalResults", resources.size());
        json.put("startIndex", 1);
        json.put("itemsPerPage", resources.size());
        ArrayNode array = json.putArray("Resources");
        resources.values().forEach(array::add);
        return json;
    }

    private static void putIfNotNull(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
