package org.scim2j.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.query.internal.ProjectionPlan;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.FilterParseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9), parsed once and
 * applied to resources in their JSON form with the {@code returned} characteristic of RFC 7643 §2.2:
 * <ul>
 *   <li>{@code always} attributes ({@code id}, {@code schemas}, ...) are always returned, {@code never} ones
 *       ({@code password}) never;</li>
 *   <li>{@code request} attributes only when {@code attributes} names them (or their parent or schema);</li>
 *   <li>{@code default} attributes unless {@code attributes} is given and does not name them, or
 *       {@code excludedAttributes} names them;</li>
 *   <li>a sub-attribute path ({@code name.givenName}, {@code emails.value}) keeps or removes only that
 *       sub-attribute, of every value of a multi-valued attribute; values left empty by {@code attributes} are
 *       dropped;</li>
 *   <li>a schema URN alone selects or excludes the whole extension (or all core attributes); an extension object
 *       left empty is removed.</li>
 * </ul>
 *
 * <p>Decisions where the RFC is silent or strict:
 * <ul>
 *   <li>The parameters are mutually exclusive (RFC 7644 §3.9): giving both is 400 {@code invalidValue}.</li>
 *   <li>A name that is not a well-formed attribute path is 400 {@code invalidValue}. A well-formed name that the
 *       resource type does not have selects or excludes nothing and is not an error: RFC 7644 defines no error for
 *       it, and one selection may be applied to resources of several types (a root-level search).</li>
 *   <li>Without {@code attributes}, JSON members that are not attributes of the resource type are passed through;
 *       with {@code attributes}, only what it names (plus {@code always} attributes) is returned.</li>
 *   <li>{@code schemas} is returned unchanged even when an extension's attributes are all removed.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. For a ListResponse, call {@link #apply} on each resource; the per-type plan is built
 * once and reused across consecutive calls for the same type.
 *
 * <pre>{@code
 *   AttributeSelection selection = AttributeSelection.parse(req.getParameter("attributes"),
 *       req.getParameter("excludedAttributes"));
 *   for (JsonNode user : page) {
 *       resources.add(selection.apply(registry, Schemas.USER_RESOURCE_TYPE, user));
 *   }
 * }</pre>
 */
public final class AttributeSelection {

    private static final AttributeSelection ALL = new AttributeSelection(List.of(), List.of(), List.of());

    private final List<String> attributes;
    private final List<String> excludedAttributes;
    /** The parsed form of whichever list is given. */
    private final List<AttributePath> paths;
    private volatile ProjectionPlan lastPlan;

    private AttributeSelection(List<String> attributes, List<String> excludedAttributes, List<AttributePath> paths) {
        this.attributes = attributes;
        this.excludedAttributes = excludedAttributes;
        this.paths = paths;
    }

    /** The selection of a request without either parameter: the default representation. */
    public static AttributeSelection all() {
        return ALL;
    }

    /**
     * Parses the two query parameters: comma-separated attribute paths, with whitespace around names ignored and
     * URN-qualified paths allowed. Either may be {@code null} or blank.
     *
     * @throws ScimException 400 {@code invalidValue} when both are given or a name is not an attribute path
     */
    public static AttributeSelection parse(String attributes, String excludedAttributes) {
        return of(split(attributes), split(excludedAttributes));
    }

    /**
     * The selection of a SearchRequest (RFC 7644 §3.4.3), whose parameters are JSON arrays of names. Either may be
     * {@code null} or empty.
     *
     * @throws ScimException 400 {@code invalidValue} when both are given or a name is not an attribute path
     */
    public static AttributeSelection of(Collection<String> attributes, Collection<String> excludedAttributes) {
        List<AttributePath> includedPaths = new ArrayList<>();
        List<AttributePath> excludedPaths = new ArrayList<>();
        List<String> included = clean(attributes, "attributes", includedPaths);
        List<String> excluded = clean(excludedAttributes, "excludedAttributes", excludedPaths);
        if (!included.isEmpty() && !excluded.isEmpty()) {
            throw ScimException.invalidValue("attributes and excludedAttributes are mutually exclusive "
                    + "(RFC 7644 §3.9); give one of them");
        }
        return included.isEmpty() && excluded.isEmpty() ? ALL : new AttributeSelection(included, excluded,
                List.copyOf(included.isEmpty() ? excludedPaths : includedPaths));
    }

    /** The names given in {@code attributes}, trimmed; empty when none. */
    public List<String> attributes() {
        return attributes;
    }

    /** The names given in {@code excludedAttributes}, trimmed; empty when none. */
    public List<String> excludedAttributes() {
        return excludedAttributes;
    }

    /** Whether this selects the default representation (neither parameter given). */
    public boolean isDefault() {
        return attributes.isEmpty() && excludedAttributes.isEmpty();
    }

    /**
     * Whether the response asks for the attribute at this path, or a part of it: what a repository must load
     * ({@code members} of a group, {@code groups} of a user) and what it may skip. Names compare ignoring case
     * (RFC 7643 §2.1), with or without schema URN.
     * <ul>
     *   <li>Neither parameter: true.</li>
     *   <li>{@code attributes}: true when a name is the path, a part of it ({@code members.value} for
     *       {@code members}), its parent ({@code name} for {@code name.givenName}) or a whole schema it belongs
     *       to.</li>
     *   <li>{@code excludedAttributes}: false when a name is the path, its parent or its schema; excluding a part
     *       ({@code groups.display}) still includes the rest of {@code groups}.</li>
     * </ul>
     * The schema's {@code returned} characteristic is not considered ({@code id} is always returned,
     * {@code password} never; {@link #apply} adds that). Where the parameters alone cannot tell (a schema URN and
     * a path without one), the answer is true: loading too much is only slower.
     *
     * @param attributePath e.g. {@code members}, {@code emails.value} or
     *                      {@code urn:ietf:params:scim:schemas:core:2.0:Group:members}
     * @throws IllegalArgumentException if {@code attributePath} is not an attribute path
     */
    public boolean includes(String attributePath) {
        AttributePath path;
        try {
            path = AttributePath.parse(attributePath.strip());
        } catch (FilterParseException e) {
            throw new IllegalArgumentException("not an attribute path: " + attributePath, e);
        }
        if (isDefault()) {
            return true;
        }
        boolean attributesMode = !attributes.isEmpty();
        for (int i = 0; i < paths.size(); i++) {
            AttributePath named = paths.get(i);
            String text = attributesMode ? attributes.get(i) : excludedAttributes.get(i);
            boolean schema = isSchemaOf(text, path, attributesMode);
            if (attributesMode ? schema || overlaps(named, path) : schema || covers(named, path)) {
                return attributesMode;
            }
        }
        return !attributesMode;
    }

    /** Same attribute: names equal ignoring case, and schema URNs too where both paths give one. */
    private static boolean sameAttribute(AttributePath a, AttributePath b) {
        return a.name().equalsIgnoreCase(b.name())
                && (a.schema() == null || b.schema() == null || a.schema().equalsIgnoreCase(b.schema()));
    }

    /** One of the paths is (a part of) the other. */
    private static boolean overlaps(AttributePath named, AttributePath path) {
        return sameAttribute(named, path) && (named.subAttribute() == null || path.subAttribute() == null
                || named.subAttribute().equalsIgnoreCase(path.subAttribute()));
    }

    /** {@code path} is {@code named} or a part of it. */
    private static boolean covers(AttributePath named, AttributePath path) {
        return sameAttribute(named, path) && (named.subAttribute() == null
                || named.subAttribute().equalsIgnoreCase(path.subAttribute()));
    }

    /**
     * Whether a name is a whole schema that {@code path} belongs to. A path without URN may belong to any schema:
     * that counts as yes for {@code attributes} (load it) and as no for {@code excludedAttributes} (load it too).
     */
    private static boolean isSchemaOf(String name, AttributePath path, boolean attributesMode) {
        if (path.schema() != null) {
            return name.equalsIgnoreCase(path.schema());
        }
        return attributesMode && (SchemaRegistry.standard().schema(name).isPresent() || looksLikeSchema(name));
    }

    /** A URN ending in a capitalised segment ({@code ...:2.0:User}), as schema ids do and attribute names do not. */
    private static boolean looksLikeSchema(String name) {
        int colon = name.lastIndexOf(':');
        return name.regionMatches(true, 0, "urn:", 0, 4) && colon > 0 && colon + 1 < name.length()
                && Character.isUpperCase(name.charAt(colon + 1)) && name.indexOf('.', colon) < 0;
    }

    /**
     * The projection of one resource of the given type, as a new object; {@code resource} is not changed.
     */
    public ObjectNode apply(SchemaRegistry registry, ResourceType resourceType, JsonNode resource) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(resourceType, "resourceType");
        ProjectionPlan plan = lastPlan;
        if (plan == null || !plan.isFor(registry, resourceType)) {
            plan = new ProjectionPlan(registry, resourceType, attributes, excludedAttributes);
            lastPlan = plan;
        }
        return plan.apply(resource);
    }

    private static List<String> split(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return List.of(parameter.split(","));
    }

    /** The trimmed, non-blank names; their parsed paths are added to {@code paths}. */
    private static List<String> clean(Collection<String> names, String parameter, List<AttributePath> paths) {
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                continue;
            }
            try {
                paths.add(AttributePath.parse(n));
            } catch (FilterParseException e) {
                throw ScimException.invalidValue(parameter + ": '" + n + "' is not an attribute path: " + e.reason());
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return isDefault() ? "AttributeSelection[default]"
                : !attributes.isEmpty() ? "AttributeSelection[attributes=" + String.join(",", attributes) + "]"
                : "AttributeSelection[excludedAttributes=" + String.join(",", excludedAttributes) + "]";
    }
}
