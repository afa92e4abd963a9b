package org.scim2j.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.filter.internal.Matcher;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.filter.Filter;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A filter validated and compiled for one resource type by {@link FilterEvaluator#compile(Filter, ResourceType)}.
 * Immutable and thread-safe. {@link #matches(JsonNode)} resolves no paths and parses no literals. It reads fields by
 * their canonical spelling first, which allocates nothing; only when that misses (the attribute is absent, or spelled
 * in another case) does it scan the object's keys ignoring case, which costs an iterator. Comparing a number that is
 * not a whole {@code long} allocates a {@code BigDecimal}; strings (with or without case), booleans, whole numbers and
 * dateTime values compare without allocating. A value of an unexpected JSON type never throws: it does not match.
 */
public final class ResourceFilter implements Predicate<JsonNode> {

    private final Filter filter;
    private final ResourceType resourceType;
    private final Matcher matcher;

    ResourceFilter(Filter filter, ResourceType resourceType, Matcher matcher) {
        this.filter = filter;
        this.resourceType = resourceType;
        this.matcher = matcher;
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

    /** The resource type it was compiled for. */
    public ResourceType resourceType() {
        return resourceType;
    }

    @Override
    public String toString() {
        return "ResourceFilter[" + resourceType.name() + ": " + filter + "]";
    }
}
