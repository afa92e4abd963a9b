package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.SameContent;
import org.scim2j.core.json.WriteRules;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies PATCH requests (RFC 7644 §3.5.2) to resources in their canonical JSON form, through the resource type's
 * schema, with the identity-provider tolerances that {@link PatchOptions} switches on. Thread-safe.
 *
 * <pre>{@code
 *   PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());
 *   PatchRequest request = PatchRequest.fromJson(body, engine.options());
 *   PatchResult result = engine.apply(Schemas.USER_RESOURCE_TYPE, user, request);
 *   if (result.changed()) { store(result.resource()); }
 * }</pre>
 *
 * <p>All or nothing: the input resource is never modified, and if any operation fails the whole request fails with
 * a {@link ScimException} ({@code invalidPath}, {@code noTarget}, {@code mutability}, {@code invalidValue},
 * {@code invalidSyntax}).
 */
public final class PatchEngine {

    private final SchemaRegistry registry;
    private final PatchOptions options;
    private final WriteRules writeRules;

    /**
     * @param registry the schemas to apply operations through
     * @param options  the compatibility profile
     */
    public PatchEngine(SchemaRegistry registry, PatchOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.writeRules = new WriteRules(registry);
    }

    /** The compatibility profile. */
    public PatchOptions options() {
        return options;
    }

    /**
     * Applies the request to a copy of {@code resource}.
     *
     * @throws ScimException if any operation fails; nothing is changed then
     */
    public PatchResult apply(ResourceType type, ObjectNode resource, PatchRequest request) {
        ObjectNode work = resource.deepCopy();
        Applier applier = new Applier(registry, options, type, work);
        List<PatchOperation> operations = request.operations();
        for (int i = 0; i < operations.size(); i++) {
            applier.apply(operations.get(i), i);
        }
        writeRules.requireConsistent(type, work); // RFC 7643 §2.4, §7: required and primary, after all operations
        boolean changed = !SameContent.of(work, resource);
        return new PatchResult(work, changed); // work is a copy either way (equal to the input when unchanged)
    }

    /**
     * Splits a request on a resource type with a {@code members} attribute (Group) into a membership delta and the
     * remaining operations, so that a store can add and remove members natively without loading the member list.
     *
     * @return empty when an operation on {@code members} cannot be expressed as a delta (a filter other than
     *         {@code value eq "..."} terms joined by {@code or}, a sub-attribute path, a path-less value holding
     *         {@code members}), or when {@link Tolerance#REMOVE_WITHOUT_TARGET} is off (a delta cannot tell a
     *         missing member from a present one)
     */
    public Optional<MembershipPatch> splitMembership(ResourceType type, PatchRequest request) {
        return MembershipPatch.split(registry, options, type, request);
    }
}
