package org.scim2j.spi.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.SortKey;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Uniqueness;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.VersionConflictException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The shared engine of the in-memory repositories: resources kept as canonical JSON in insertion order, every
 * method synchronized. For tests and prototypes; it holds everything in the heap.
 *
 * @param <T> the resource model
 */
final class InMemoryStore<T> {

    /** What {@link #search} does: every filter (the core evaluator) and every sort. */
    static final RepositoryCapabilities CAPABILITIES = RepositoryCapabilities.defaults()
            .withFiltering(FilterSupport.all()).withSorting(true);

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Function<T, ObjectNode> toJson;
    private final Function<ObjectNode, T> fromJson;
    private final FilterEvaluator evaluator;
    private final List<AttributeDefinition> unique;
    private final Clock clock;
    private final AtomicLong versions = new AtomicLong();
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

    InMemoryStore(SchemaRegistry registry, ResourceType type, Function<T, ObjectNode> toJson,
                  Function<ObjectNode, T> fromJson, Clock clock) {
        this.registry = registry;
        this.type = type;
        this.toJson = toJson;
        this.fromJson = fromJson;
        this.evaluator = new FilterEvaluator(registry);
        this.clock = clock;
        List<AttributeDefinition> u = new ArrayList<>();
        for (AttributeDefinition a : registry.coreSchema(type).attributes()) {
            if (a.uniqueness() != Uniqueness.NONE && !a.multiValued() && !a.isComplex()) {
                u.add(a);
            }
        }
        this.unique = List.copyOf(u);
    }

    synchronized T create(T resource) {
        ObjectNode json = toJson.apply(resource);
        String id = UUID.randomUUID().toString();
        json.put("id", id);
        checkUnique(json, null);
        String now = now();
        stamp(json, now, now);
        byId.put(id, json);
        return fromJson.apply(json.deepCopy());
    }

    synchronized Optional<T> get(String id) {
        ObjectNode json = byId.get(id);
        return json == null ? Optional.empty() : Optional.of(fromJson.apply(json.deepCopy()));
    }

    synchronized ObjectNode getJson(String id) {
        ObjectNode json = byId.get(id);
        return json == null ? null : json.deepCopy();
    }

    synchronized T replace(String id, T resource, String expectedVersion) {
        ObjectNode current = require(id, expectedVersion);
        ObjectNode json = toJson.apply(resource);
        json.put("id", id);
        checkUnique(json, id);
        stamp(json, current.path("meta").path("created").asText(now()), now());
        byId.put(id, json);
        return fromJson.apply(json.deepCopy());
    }

    /**
     * Reads, changes and replaces one resource under this store's lock; {@code change} returning its argument writes
     * nothing.
     */
    synchronized T modify(String id, UnaryOperator<T> change) {
        T current = get(id).orElseThrow(() -> ScimException.notFound(type.name(), id));
        T next = change.apply(current);
        return next == current ? current : replace(id, next, null);
    }

    /** Replaces the stored JSON as a whole (used by membership updates), with a new version. */
    synchronized ObjectNode replaceJson(String id, ObjectNode json, String expectedVersion) {
        ObjectNode current = require(id, expectedVersion);
        json.put("id", id);
        checkUnique(json, id);
        stamp(json, current.path("meta").path("created").asText(now()), now());
        byId.put(id, json);
        return json.deepCopy();
    }

    /** Fails as a write would if the resource is missing or {@code expectedVersion} is stale. */
    synchronized void requireVersion(String id, String expectedVersion) {
        require(id, expectedVersion);
    }

    synchronized void delete(String id, String expectedVersion) {
        require(id, expectedVersion);
        byId.remove(id);
    }

    synchronized Page<T> search(SearchRequest request) {
        ResourceFilter filter = request.resolvedFilter(evaluator, type);
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode json : byId.values()) {
            if (filter == null || filter.matches(json)) {
                matches.add(json);
            }
        }
        Comparator<JsonNode> byId = Comparator.comparing(j -> j.path("id").asText());
        SortKey sortKey = request.sortKey(registry, type);
        Comparator<JsonNode> order = sortKey == null ? byId : sortKey.comparator().thenComparing(byId);
        matches.sort(order);
        int from = Math.min(request.startIndex() - 1, matches.size());
        // Not from + count: with a count near Integer.MAX_VALUE that overflows.
        int to = from + Math.min(request.count(), matches.size() - from);
        List<T> page = new ArrayList<>(to - from);
        for (ObjectNode json : matches.subList(from, to)) {
            page.add(fromJson.apply(json.deepCopy()));
        }
        return Page.of(page, matches.size());
    }

    synchronized int size() {
        return byId.size();
    }

    private ObjectNode require(String id, String expectedVersion) {
        ObjectNode current = byId.get(id);
        if (current == null) {
            throw ScimException.notFound(type.name(), id);
        }
        String version = current.path("meta").path("version").asText();
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new VersionConflictException(type.name() + " '" + id + "' is at version " + version + ", not "
                    + expectedVersion);
        }
        return current;
    }

    private void checkUnique(ObjectNode json, String selfId) {
        for (AttributeDefinition attribute : unique) {
            JsonNode value = json.get(attribute.name());
            if (value == null || !value.isTextual()) {
                continue;
            }
            String text = attribute.caseExact() ? value.asText() : value.asText().toLowerCase(Locale.ROOT);
            for (ObjectNode other : byId.values()) {
                JsonNode otherValue = other.get(attribute.name());
                if (otherValue == null || other.path("id").asText().equals(selfId)) {
                    continue;
                }
                String otherText = attribute.caseExact() ? otherValue.asText()
                        : otherValue.asText().toLowerCase(Locale.ROOT);
                if (text.equals(otherText)) {
                    throw new UniquenessException(attribute.name() + " '" + value.asText() + "' is already taken");
                }
            }
        }
    }

    private void stamp(ObjectNode json, String created, String lastModified) {
        ObjectNode meta = json.putObject("meta");
        meta.put("resourceType", type.name());
        meta.put("created", created);
        meta.put("lastModified", lastModified);
        meta.put("version", Long.toString(versions.incrementAndGet()));
    }

    private String now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
