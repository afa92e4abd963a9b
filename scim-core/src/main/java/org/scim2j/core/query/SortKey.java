package org.scim2j.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3) resolved against a resource type once: what the
 * in-memory sorter ({@link #comparator()}) and a repository that sorts natively (a SQL {@code ORDER BY}) both
 * read, so that neither resolves or checks the path again. Immutable and thread-safe.
 *
 * <pre>{@code
 *   SortKey byFamilyName = SortKey.resolve(registry, Schemas.USER_RESOURCE_TYPE,
 *       AttributePath.parse("name.familyName"), SortOrder.ASCENDING);
 *   resources.sort(byFamilyName.comparator());
 * }</pre>
 */
public final class SortKey {

    private final AttributePath path;
    private final ResourceType resourceType;
    private final ResolvedAttribute attribute;
    private final AttributeDefinition keyDefinition;
    private final SortOrder order;

    private SortKey(AttributePath path, ResourceType resourceType, ResolvedAttribute attribute,
                    AttributeDefinition keyDefinition, SortOrder order) {
        this.path = path;
        this.resourceType = resourceType;
        this.attribute = attribute;
        this.keyDefinition = keyDefinition;
        this.order = order;
    }

    /**
     * Resolves {@code sortBy} on resources of a type; a {@code null} order is ascending.
     *
     * @throws ScimException 400 {@code invalidValue} naming {@code sortBy} when it is unknown, names a complex
     *                       attribute without a {@code value} sub-attribute, or an attribute returned {@code never}
     */
    public static SortKey resolve(SchemaRegistry registry, ResourceType type, AttributePath sortBy,
                                  SortOrder order) {
        Objects.requireNonNull(sortBy, "sortBy");
        ResolvedAttribute resolved = registry.resolve(type, sortBy, ScimType.INVALID_VALUE);
        if (resolved.attribute().returned() == Returned.NEVER || resolved.target().returned() == Returned.NEVER) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' is never returned (RFC 7643 §2.2); sorting by "
                    + "it would disclose it");
        }
        AttributeDefinition key = resolved.target();
        if (key.isComplex()) {
            key = key.subAttribute("value");
            if (key == null) {
                throw ScimException.invalidValue("sortBy '" + sortBy + "' is a complex attribute; name one of its "
                        + "sub-attributes, e.g. '" + sortBy + "." + resolved.target().subAttributes().get(0).name()
                        + "' (RFC 7644 §3.4.2.3)");
            }
        }
        return new SortKey(sortBy, type, resolved, key,
                Objects.requireNonNullElse(order, SortOrder.ASCENDING));
    }

    /** The path as the client sent it. */
    public AttributePath path() {
        return path;
    }

    /** The resource type it was resolved for. */
    public ResourceType resourceType() {
        return resourceType;
    }

    /** The attribute the path names ({@code emails}, {@code name.familyName}). */
    public ResolvedAttribute attribute() {
        return attribute;
    }

    /**
     * The definition of the values compared: the attribute's, or for a complex attribute its {@code value}
     * sub-attribute's ({@code emails} sorts by {@code emails.value}).
     */
    public AttributeDefinition keyDefinition() {
        return keyDefinition;
    }

    /** The order, never null. */
    public SortOrder order() {
        return order;
    }

    /**
     * The comparator of resources' JSON by this key, built on each call (only an in-memory sort needs one), as
     * {@link ResourceSorter} describes: multi-valued attributes by their primary value, else the first; resources
     * without a value last when ascending.
     */
    public Comparator<JsonNode> comparator() {
        return ResourceSorter.comparator(this);
    }

    @Override
    public String toString() {
        return "SortKey[" + resourceType.name() + ": " + attribute.canonicalPath() + " " + order + "]";
    }
}
