package org.scim2j.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.filter.internal.Matcher;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.filter.And;
import org.scim2j.filter.Filter;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A filter validated and compiled for one resource type by {@link FilterEvaluator#compile(Filter, ResourceType)}.
 * Immutable and thread-safe. {@link #matches(JsonNode)} resolves no paths and parses no literals. It reads fields by
 * their canonical spelling first, which allocates nothing; only when that misses (the attribute is absent, or spelled
 * in another case) does it scan the object's keys ignoring case, which costs an iterator. Comparing a number that is
 * not a whole {@code long} allocates a {@code BigDecimal}; strings (with or without case), booleans, whole numbers and
 * dateTime values compare without allocating. A value of an unexpected JSON type never throws: it does not match.
 *
 * <p>It is also the filter resolved against the schema, once: {@link #attributeOf(Filter)} gives the attribute each
 * comparison, presence test and value path names, and {@link #attributes()} every attribute the filter reads, so
 * that other consumers (a SQL translator, the attributes a repository must load) trust this resolution instead of
 * resolving paths again.
 */
public final class ResourceFilter implements Predicate<JsonNode> {

    private final Filter filter;
    private final ResourceType resourceType;
    private final Matcher matcher;
    private final Map<Filter, ResolvedAttribute> resolutions;
    private final List<ResolvedAttribute> attributes;
    /** Values consumers derived from this filter; the table itself is only allocated on the first put. */
    private final Map<Object, Object> derived = new ConcurrentHashMap<>(2);

    ResourceFilter(Filter filter, ResourceType resourceType, Matcher matcher,
                   Map<Filter, ResolvedAttribute> resolutions) {
        this.filter = filter;
        this.resourceType = resourceType;
        this.matcher = matcher;
        this.resolutions = resolutions;
        List<ResolvedAttribute> named = new ArrayList<>();
        collect(filter, named);
        this.attributes = List.copyOf(named);
    }

    private void collect(Filter node, List<ResolvedAttribute> out) {
        if (node instanceof And and) {
            and.operands().forEach(o -> collect(o, out));
        } else if (node instanceof Or or) {
            or.operands().forEach(o -> collect(o, out));
        } else if (node instanceof Not not) {
            collect(not.filter(), out);
        } else {
            // a comparison, a presence test, or a value path, which reads its attribute (emails[...] is emails)
            ResolvedAttribute resolved = resolutions.get(node);
            if (resolved != null && !out.contains(resolved)) {
                out.add(resolved);
            }
        }
    }

    /** Whether the resource (a SCIM resource's JSON object) matches the filter. */
    public boolean matches(JsonNode resource) {
        return matcher.matches(Objects.requireNonNull(resource, "resource"));
    }

    /** Same as {@link #matches(JsonNode)}, so that a compiled filter can be passed to {@code Stream.filter}. */
    @Override
    public boolean test(JsonNode resource) {
        return matches(resource);
    }

    /** The filter this was compiled from. */
    public Filter filter() {
        return filter;
    }

    /**
     * The attribute that {@code node}, a comparison, presence test or value path of {@link #filter()} (the same
     * instance), names, as compiling resolved it: inside a value path ({@code emails[type eq "work"]}) the
     * attribute with the sub-attribute ({@code emails.type}); a complex attribute compared without a sub-attribute
     * ({@code emails co "x"}) is the attribute itself, which compares through its {@code value}.
     *
     * @throws IllegalArgumentException if {@code node} is not such a node of this filter ({@code and}, {@code or},
     *                                  {@code not}, or another filter's node)
     */
    public ResolvedAttribute attributeOf(Filter node) {
        ResolvedAttribute resolved = resolutions.get(Objects.requireNonNull(node, "node"));
        if (resolved == null) {
            throw new IllegalArgumentException("not an attribute test of " + filter + ": " + node);
        }
        return resolved;
    }

    /**
     * Every attribute the filter reads, in order, each once: a value path as its attribute
     * ({@code emails[type eq "work"]} reads {@code emails}), other tests as {@link #attributeOf} resolves them.
     */
    public List<ResolvedAttribute> attributes() {
        return attributes;
    }

    /**
     * A value that {@code owner} derives from this filter (a SQL translator's condition), computed on the first call
     * for this filter and owner and returned again on later ones, so that a consumer asked twice about one request's
     * filter (can it be pushed down, then its SQL) does the work once. {@code compute} must be a pure function of
     * the filter; owners compare by identity unless they define equality. Thread-safe.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object owner, Function<ResourceFilter, T> compute) {
        Objects.requireNonNull(owner, "owner");
        return (T) derived.computeIfAbsent(owner, o -> Objects.requireNonNull(compute.apply(this), "derived value"));
    }

    /** The resource type it was compiled for. */
    public ResourceType resourceType() {
        return resourceType;
    }

    @Override
    public String toString() {
        return "ResourceFilter[" + resourceType.name() + ": " + filter + "]";
    }
}
