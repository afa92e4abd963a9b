package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortKey;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterParseException;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimServiceConfig.UnsupportedFilters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Queries: {@code GET} on a collection (RFC 7644 §3.4.2), {@code POST /Users/.search} and {@code POST /.search}
 * (§3.4.3), with index paging (§3.4.2.4) or RFC 9865 cursor paging.
 *
 * <p>What the repository cannot do natively ({@link RepositoryCapabilities}) the service does in memory, over at
 * most {@code maxInMemoryScan} resources (more is 400 {@code tooMany}), or rejects, as
 * {@code config.unsupportedFilters()} says: a filter the repository does not support is 400 {@code invalidFilter}
 * naming what it does support, a {@code sortBy} it cannot sort is 400 {@code invalidValue}.
 *
 * <p>Cursor paging is passed through to a repository that implements it, its cursors sealed to the query they
 * belong to ({@link CursorSeal}). A cursor sent for a repository without
 * cursor support is 400 {@code invalidCursor} (RFC 9865 §2.1) rather than silently ignored: a client paging by
 * cursor that got an index page would see no {@code nextCursor} and stop after the first page. In-memory
 * evaluation pages by index only, so a cursor query the repository cannot filter or sort natively is rejected too.
 *
 * <p>The ListResponse always carries {@code totalResults}, {@code itemsPerPage} and a {@code Resources} array, as
 * JSON integers and an array even when empty (a filter without match, {@code count=0}, a {@code startIndex} past
 * the end): RFC 7644 §3.4.2 makes {@code Resources} required only when {@code totalResults} is non-zero, but Okta
 * and Entra ID read it unconditionally, and an empty array is valid either way. {@code startIndex} is written with
 * index paging only; RFC 9865 responses carry {@code nextCursor} (not on the last page) and {@code previousCursor}
 * as the repository gives them. A blank {@code filter} or {@code sortBy} counts as absent.
 */
public final class QueryEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServiceContext context;
    private final Presenter presenter;
    private final CursorSeal cursors;

    /** @param context the shared service state */
    public QueryEndpoint(ServiceContext context) {
        this.context = context;
        this.presenter = new Presenter(context);
        this.cursors = new CursorSeal(context.config().cursorSecret());
    }

    /** GET on a collection (RFC 7644 §3.4.2). */
    public ScimResponse list(ScimRequest request, Route route) {
        QueryParameters query = QueryParameters.fromUrl(request, context.config());
        return respond(queryOne(route.binding(), parseFilter(query.filter()), sortBy(query), query, request), query);
    }

    /** POST .search on a collection or at the root (RFC 7644 §3.4.3). */
    public ScimResponse search(ScimRequest request, Route route) {
        QueryParameters query = QueryParameters.fromBody(context.json().readObject(request.body()),
                context.config());
        Filter filter = parseFilter(query.filter());
        if (route.kind() == Route.Kind.COLLECTION_SEARCH) {
            return respond(queryOne(route.binding(), filter, sortBy(query), query, request), query);
        }
        return respond(queryRoot(filter, query, request), query);
    }

    /**
     * One page of presented resources: trees, or typed resources wrapped in POJO nodes, which are written as they
     * are when the response is sent ({@link Presenter#show}).
     */
    private record Result(List<JsonNode> resources, int totalResults, String nextCursor, String previousCursor) {
    }

    private Filter parseFilter(String text) {
        if (text == null) {
            return null;
        }
        Filter filter;
        try {
            filter = context.filterParser().parse(text);
        } catch (FilterParseException e) {
            throw ScimException.invalidFilter(e);
        }
        return filter;
    }

    /**
     * RFC 7644 §3.4.3 root search: the filter runs against every bound resource type (specialised per type by
     * {@link RootFilters}), and the results are the concatenation in binding order, paged as one list. {@code sortBy}
     * orders within each type. Cursors cannot span repositories: a cursor is 400 {@code invalidCursor}.
     */
    private Result queryRoot(Filter filter, QueryParameters query, ScimRequest request) {
        if (query.usesCursor()) {
            throw ScimException.badRequest(ScimType.INVALID_CURSOR, "cursor paging (RFC 9865) is not available for "
                    + "a search at the root, which spans several resource types; use startIndex and count");
        }
        List<ResourceType> types = new ArrayList<>();
        context.bindings().forEach(b -> types.add(b.type()));
        if (filter != null) {
            RootFilters.requireKnownSomewhere(filter, types, context.registry());
        }
        AttributePath sortBy = sortBy(query);
        if (sortBy != null && types.stream().noneMatch(t -> context.registry().find(t, sortBy).isPresent())) {
            context.registry().resolve(types.get(0), sortBy, ScimType.INVALID_VALUE);
        }
        List<JsonNode> page = new ArrayList<>();
        int total = 0;
        for (ResourceBinding<?> binding : context.bindings()) {
            Filter typed = null;
            if (filter != null) {
                RootFilters.Reduced reduced = RootFilters.reduce(filter, binding.type(), context.registry());
                if (reduced.isConstant() && !reduced.matches()) {
                    continue;
                }
                typed = reduced.filter();
            }
            // like a filtered attribute, a sort key a type does not have is a missing value there, not an error
            boolean sortable = sortBy != null && context.registry().find(binding.type(), sortBy).isPresent();
            int skip = Math.max(0, query.startIndex() - 1 - total);
            int remaining = Math.max(0, query.count() - page.size());
            QueryParameters window = new QueryParameters(query.filter(), sortable ? query.sortBy() : null,
                    query.sortOrder(), skip + 1, remaining, null, query.selection());
            Result r = queryOne(binding, typed, sortable ? sortBy : null, window, request);
            page.addAll(r.resources());
            total += r.totalResults();
        }
        return new Result(page, total, null, null);
    }

    /**
     * One resource type's page. The filter and {@code sortBy} are resolved against the schema here, once (their 400s
     * come from here), and the resolution travels in the {@link SearchRequest}: the repository's support is asked
     * about it, and the repository, or the in-memory evaluation, reads it.
     */
    private <T> Result queryOne(ResourceBinding<T> binding, Filter filter, AttributePath sortBy,
                                QueryParameters query, ScimRequest request) {
        ResourceType type = binding.type();
        ResourceFilter resolved = filter == null ? null : context.evaluator().compile(filter, type);
        SortKey sortKey = sortBy == null ? null : SortKey.resolve(context.registry(), type, sortBy, query.sortOrder());
        RepositoryCapabilities caps = binding.repository().capabilities();
        boolean nativeFilter = resolved == null || caps.filtering().supports(resolved);
        boolean nativeSort = sortKey == null || caps.sorting().supports(sortKey);
        boolean reject = context.config().unsupportedFilters() == UnsupportedFilters.REJECT;
        if (!nativeFilter && (reject || query.usesCursor())) {
            throw ScimException.invalidFilter("the filter '" + query.filter() + "' is not supported on "
                    + type.endpoint() + (query.usesCursor() ? " with cursor paging" : "") + "; supported: "
                    + caps.filtering().description());
        }
        if (!nativeSort && (reject || query.usesCursor())) {
            throw ScimException.invalidValue("sortBy '" + sortKey.path() + "' is not supported on " + type.endpoint()
                    + (query.usesCursor() ? " with cursor paging" : "") + "; supported: "
                    + caps.sorting().description());
        }
        if (query.usesCursor() && !caps.cursorPaging()) {
            throw ScimException.badRequest(ScimType.INVALID_CURSOR, "cursor paging (RFC 9865) is not supported on "
                    + type.endpoint() + "; use startIndex and count (RFC 7644 §3.4.2.4)");
        }
        RequestContext ctx = RequestContexts.of(request, RequestContext.Operation.SEARCH);
        String cursorQuery = query.usesCursor() ? CursorSeal.query(type.name(), filter,
                sortKey == null ? null : sortKey.path(), query.sortOrder()) : null;
        String cursor = query.usesCursor() ? cursors.unseal(query.cursor(), cursorQuery) : null;
        SearchRequest search = SearchRequest.resolved(nativeFilter ? resolved : null, nativeSort ? sortKey : null,
                query.startIndex(), query.count(), cursor, forRepository(query.selection(), resolved, sortKey));
        if (nativeFilter && nativeSort) {
            Page<T> page = binding.repository().search(search, ctx);
            List<JsonNode> presented = new ArrayList<>(page.resources().size());
            for (T resource : page.resources()) {
                if (presented.size() == query.count()) {
                    break; // a repository that returns more than asked for does not break the page size
                }
                presented.add(shown(binding, resource, request, query));
            }
            return new Result(presented, page.totalResults(), cursors.seal(page.nextCursor(), cursorQuery),
                    cursors.seal(page.previousCursor(), cursorQuery));
        }
        // what the repository does natively it does over every chunk; the rest is done here
        return inMemory(binding, search, nativeFilter ? null : resolved, nativeSort ? null : sortKey, query, request,
                ctx);
    }

    /**
     * What the repository is asked to load: what the response shows, plus every attribute the filter and
     * {@code sortBy} name, whoever evaluates them. RFC 7644 §3.4.2.5 makes {@code attributes} and
     * {@code excludedAttributes} shape the response only; a repository that skips what the selection leaves out
     * (a group's members) must still give the filter and the sort what they need. The page is projected with the
     * client's own selection afterwards.
     */
    private static AttributeSelection forRepository(AttributeSelection shown, ResourceFilter filter,
                                                    SortKey sortKey) {
        if (shown.isDefault() || (filter == null && sortKey == null)) {
            return shown;
        }
        List<ResolvedAttribute> needed = new ArrayList<>(filter == null ? List.of() : filter.attributes());
        if (sortKey != null) {
            needed.add(sortKey.attribute());
        }
        List<String> missing = new ArrayList<>();
        for (ResolvedAttribute attribute : needed) {
            String text = attribute.canonicalPath();
            if (!shown.includes(text) && !missing.contains(text)) {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return shown;
        }
        if (!shown.attributes().isEmpty()) {
            List<String> attributes = new ArrayList<>(shown.attributes());
            attributes.addAll(missing);
            return AttributeSelection.of(attributes, List.of());
        }
        List<String> excluded = new ArrayList<>();
        for (String name : shown.excludedAttributes()) {
            AttributeSelection alone = AttributeSelection.of(List.of(), List.of(name));
            if (missing.stream().allMatch(alone::includes)) {
                excluded.add(name); // excludes nothing the filter or the sort needs
            }
        }
        return AttributeSelection.of(List.of(), excluded);
    }

    /** Reads up to maxInMemoryScan resources, then filters, sorts (what the repository did not) and pages them here. */
    private <T> Result inMemory(ResourceBinding<T> binding, SearchRequest search, ResourceFilter filter,
                                SortKey sortKey, QueryParameters query, ScimRequest request, RequestContext ctx) {
        int limit = context.config().maxInMemoryScan();
        int chunk = Math.max(1, Math.min(context.config().maxResults(), limit + 1));
        List<T> read = new ArrayList<>();
        List<ObjectNode> jsons = new ArrayList<>();
        int scanned = 0;
        while (true) {
            Page<T> page = binding.repository().search(search.withPage(scanned + 1, chunk), ctx);
            if (page.totalResults() > limit || scanned + page.resources().size() > limit) {
                throw ScimException.tooMany("evaluating this query on " + binding.type().endpoint()
                        + " needs reading more than " + limit + " resources, as the repository cannot "
                        + (filter != null ? "evaluate the filter" : "sort") + " itself; narrow the query");
            }
            for (T resource : page.resources()) {
                scanned++;
                ObjectNode json = presenter.json(binding, resource, request.baseUrl());
                if (filter == null || filter.matches(json)) {
                    read.add(resource);
                    jsons.add(json);
                }
            }
            if (page.resources().isEmpty() || scanned >= page.totalResults()) {
                break;
            }
        }
        List<Integer> indexes = new ArrayList<>(jsons.size());
        for (int i = 0; i < jsons.size(); i++) {
            indexes.add(i);
        }
        if (sortKey != null) {
            Comparator<JsonNode> order = sortKey.comparator();
            indexes.sort((a, b) -> order.compare(jsons.get(a), jsons.get(b)));
        }
        int from = Math.min(query.startIndex() - 1, indexes.size());
        int to = Math.min(from + query.count(), indexes.size());
        List<JsonNode> presented = new ArrayList<>(to - from);
        for (int i : indexes.subList(from, to)) {
            presented.add(shown(binding, read.get(i), request, query));
        }
        return new Result(presented, indexes.size(), null, null);
    }

    /** A resource of a page as {@link Presenter#show} shows it: its tree, or its typed model to be written as is. */
    private <T> JsonNode shown(ResourceBinding<T> binding, T resource, ScimRequest request, QueryParameters query) {
        Presenter.Shown shown = presenter.show(binding, resource, request.baseUrl(), query.selection());
        return shown.model() != null ? NODES.pojoNode(shown.model()) : shown.tree();
    }

    /** The query's {@code sortBy} parsed, once per request, or null. */
    private static AttributePath sortBy(QueryParameters query) {
        return query.sortBy() == null ? null : parsePath(query.sortBy());
    }

    private static AttributePath parsePath(String text) {
        try {
            return AttributePath.parse(text.strip());
        } catch (FilterParseException e) {
            throw ScimException.invalidValue("sortBy '" + text + "' is not an attribute path: " + e.reason());
        }
    }

    /** The ListResponse (RFC 7644 §3.4.2; RFC 9865 §2 with a cursor). */
    private ScimResponse respond(Result result, QueryParameters query) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(Schemas.LIST_RESPONSE);
        body.put("totalResults", result.totalResults());
        if (!query.usesCursor()) {
            body.put("startIndex", query.startIndex());
        }
        body.put("itemsPerPage", result.resources().size());
        if (query.usesCursor()) {
            if (result.nextCursor() != null) {
                body.put("nextCursor", result.nextCursor());
            }
            if (result.previousCursor() != null) {
                body.put("previousCursor", result.previousCursor());
            }
        }
        ArrayNode resources = body.putArray("Resources");
        result.resources().forEach(resources::add);
        return Responses.json(context.json(), 200, body);
    }
}
