package org.scim2j.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.filter.internal.FilterCompiler;
import org.scim2j.core.filter.internal.Matcher;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.Filter;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates SCIM filters (RFC 7644 §3.4.2.2) against resources in their JSON form, using the schema to decide how
 * values compare. Thread-safe.
 *
 * <pre>{@code
 *   FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard());
 *   ResourceFilter f = evaluator.compile(Filter.parse("emails[type eq \"work\" and value co \"@example.com\"]"),
 *       Schemas.USER_RESOURCE_TYPE);
 *   List<JsonNode> hits = users.stream().filter(f).toList();
 * }</pre>
 *
 * <p>Semantics:
 * <ul>
 *   <li>Attribute names ignore case and may carry their schema URN; extension attributes need it (RFC 7644 §3.10).</li>
 *   <li>Strings and references compare case-insensitively unless the attribute is {@code caseExact}
 *       (RFC 7643 §2.2); {@code gt}/{@code ge}/{@code lt}/{@code le} order them lexically; binary values compare
 *       exactly and only with {@code eq}/{@code ne}.</li>
 *   <li>dateTime values compare as instants, offsets applied; integer and decimal values compare numerically
 *       ({@code 1 eq 1.0}); booleans only with {@code eq}/{@code ne}.</li>
 *   <li>A multi-valued attribute, or a sub-attribute of one ({@code emails.value}), matches when any of its values
 *       matches; a value path ({@code emails[type eq "work" and value co "@x"]}) matches when one value satisfies the
 *       whole inner filter.</li>
 *   <li>A complex attribute without a sub-attribute compares through its {@code value} sub-attribute
 *       ({@code emails co "example.com"}, Group {@code members eq "id"}).</li>
 *   <li>{@code pr}: a value that is null, {@code ""}, an empty array or an object of such values is absent.</li>
 *   <li>{@code x eq null} is {@code not (x pr)}; {@code x ne null} is {@code x pr}.</li>
 *   <li>{@code x ne v} matches when any value of {@code x} differs from {@code v}, and when {@code x} has no value
 *       at all (nothing is identical to {@code v}). On a single-valued attribute this is {@code not (x eq v)}.</li>
 * </ul>
 *
 * <p>Rejected when compiling, as 400 {@code invalidFilter} whose detail names the attribute: unknown attributes;
 * {@code gt}/{@code ge}/{@code lt}/{@code le} on boolean, binary or complex attributes; {@code co}/{@code sw}/{@code ew}
 * on anything but string and reference attributes; a literal of the wrong type ({@code active eq "yes"},
 * {@code meta.lastModified gt "not a date"}); ordering or substring comparisons with {@code null}; and any filter on
 * an attribute that is returned {@code never}, such as {@code password}: the filter would act as an oracle for a
 * value the server must never disclose (RFC 7643 §2.2, §4.1.1). That is refused whether the filter came in a URI or
 * in a {@code /.search} body, so it is {@code invalidFilter} rather than the URI-specific {@code sensitive}.
 */
public final class FilterEvaluator {

    private final SchemaRegistry registry;

    /** An evaluator that resolves attributes against {@code registry}. */
    public FilterEvaluator(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Validates the filter against the resource type and compiles it.
     *
     * @throws ScimException 400 {@code invalidFilter} when the filter does not fit the resource type's schemas
     */
    public ResourceFilter compile(Filter filter, ResourceType resourceType) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(resourceType, "resourceType");
        Map<Filter, ResolvedAttribute> resolutions = new IdentityHashMap<>();
        Matcher matcher = FilterCompiler.compile(registry, resourceType, filter, resolutions);
        return new ResourceFilter(filter, resourceType, matcher, Collections.unmodifiableMap(resolutions));
    }

    /**
     * Compiles and evaluates once; prefer {@link #compile(Filter, ResourceType)} for more than one resource.
     *
     * @throws ScimException 400 {@code invalidFilter} when the filter does not fit the resource type's schemas
     */
    public boolean matches(Filter filter, ResourceType resourceType, JsonNode resource) {
        return compile(filter, resourceType).matches(resource);
    }
}
