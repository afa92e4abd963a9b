package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.resource.Meta;
import org.scim2j.spi.service.ScimRequest;

/**
 * Turns a repository's resource into what a client sees: canonical JSON with {@code meta.resourceType},
 * {@code meta.location} and {@code meta.version} (as a weak entity tag) filled in by the service, then projected
 * by {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5, §3.9). A typed User or Group shown whole
 * skips the tree: {@link #show} gives the model with that meta, to be written as it is.
 */
public final class Presenter {

    private final ServiceContext context;

    /** @param context the shared service state */
    public Presenter(ServiceContext context) {
        this.context = context;
    }

    /** The resource's JSON with the service's meta, not projected. */
    public <T> ObjectNode json(ResourceBinding<T> binding, T resource, String baseUrl) {
        ObjectNode json = binding.toJson().apply(resource);
        JsonNode id = json.get("id");
        JsonNode existing = json.get("meta");
        ObjectNode meta = existing instanceof ObjectNode o ? o : json.putObject("meta");
        meta.put("resourceType", binding.type().name());
        if (id != null && id.isTextual()) {
            meta.put("location", location(binding, baseUrl, id.asText()));
        }
        JsonNode version = meta.get("version");
        if (version != null && version.isTextual()) {
            meta.put("version", Versions.etag(version.asText()));
        }
        return json;
    }

    /** A resource's {@link #json} projected ({@code meta}, hence the entity tag, may be excluded by then). */
    private ObjectNode project(ResourceBinding<?> binding, ObjectNode json, AttributeSelection selection) {
        return selection.isDefault() && !hasNeverReturned(json) ? json
                : selection.apply(context.registry(), binding.type(), json);
    }

    /**
     * A resource ready to answer with (status 200 or 201): a typed model (User, Group) shown with every default
     * attribute is written as it is, with the service's meta, so that a group of 100,000 members goes to the
     * client without first becoming a JSON tree; anything else is its {@link #json}, projected.
     */
    public <T> Shown show(ResourceBinding<T> binding, T resource, String baseUrl, AttributeSelection selection) {
        ResourceBinding.TypedMeta<T> typed = binding.typed();
        if (typed == null || !selection.isDefault()) {
            ObjectNode full = json(binding, resource, baseUrl);
            JsonNode id = full.get("id");
            return new Shown(null, project(binding, full, selection), etag(full),
                    id != null && id.isTextual() ? location(binding, baseUrl, id.asText()) : null);
        }
        String id = typed.id().apply(resource);
        Meta stored = typed.meta().apply(resource);
        String location = id == null ? null : location(binding, baseUrl, id);
        String etag = stored == null || stored.version() == null ? null : Versions.etag(stored.version());
        Meta meta = new Meta(binding.type().name(), stored == null ? null : stored.created(),
                stored == null ? null : stored.lastModified(),
                location != null ? location : stored == null ? null : stored.location(), etag);
        return new Shown(typed.withMeta().apply(resource, meta), null, etag, location);
    }

    /**
     * A resource as a response shows it: exactly one of {@code model} (a typed resource, written as it is) and
     * {@code tree}.
     *
     * @param model    the typed resource with the service's meta, or null
     * @param tree     the presented JSON, or null
     * @param etag     its entity tag, or null
     * @param location its absolute URL, or null
     */
    public record Shown(Object model, ObjectNode tree, String etag, String location) {
    }

    /** The absolute URL of a resource. */
    public static String location(ResourceBinding<?> binding, String baseUrl, String id) {
        return baseUrl + binding.type().endpoint() + "/" + UrlPaths.encodeSegment(id);
    }

    /** The entity tag of a resource's {@link #json}, or null. */
    private static String etag(JsonNode presented) {
        JsonNode version = presented.path("meta").get("version");
        return version != null && version.isTextual() ? version.asText() : null;
    }

    /**
     * The selection from the {@code attributes} and {@code excludedAttributes} query parameters.
     *
     * @throws org.scim2j.core.error.ScimException 400 {@code invalidValue} for a malformed list or both given
     */
    public static AttributeSelection selection(ScimRequest request) {
        String attributes = request.queryParameter("attributes");
        String excluded = request.queryParameter("excludedAttributes");
        return attributes == null && excluded == null ? AttributeSelection.all()
                : AttributeSelection.parse(attributes, excluded);
    }

    /** The default selection still removes {@code returned: never} attributes (password) if a store kept one. */
    private static boolean hasNeverReturned(ObjectNode json) {
        return json.has("password");
    }
}
