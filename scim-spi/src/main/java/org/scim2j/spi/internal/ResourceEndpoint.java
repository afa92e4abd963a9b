package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.SameContent;
import org.scim2j.core.patch.MembershipPatch;
import org.scim2j.core.patch.PatchRequest;
import org.scim2j.core.patch.PatchResult;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.filter.AttributePath;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.ResourceRepository;
import org.scim2j.spi.event.WriteEvent;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The single-resource protocol of RFC 7644: create (§3.3), read (§3.4.1), replace (§3.5.1), modify (§3.5.2) and
 * delete (§3.6), with entity tags and preconditions (§3.14).
 *
 * <p>Every response that carries a resource also carries its {@code ETag}; {@code attributes} and
 * {@code excludedAttributes} are honoured on every one of them (§3.9), and {@code password} is never returned.
 * Request bodies go through {@link ResourceInput}; conditional requests and lost-update protection through
 * {@link Preconditions}; group writes on stores with native membership changes through {@link MembershipWrites}.
 *
 * <p>Decisions where RFC 7644 leaves room:
 * <ul>
 *   <li>PUT and PATCH on a store with atomic modify ({@link ResourceRepository#supportsAtomicModify()}) are
 *       computed from the resource the store locked, so concurrent writers without {@code If-Match} all apply, one
 *       after the other (RFC 7644 §3.14: without a precondition the client asked for none); with
 *       {@code If-Match}, the first to write wins and the others get 412. On other stores the service reads, changes
 *       and writes with compare-and-set, and tries again after a conflict ({@link Preconditions}).</li>
 *   <li>PUT without {@code password} keeps the stored one: the attribute is never returned (RFC 7643 §4.1.1), so a
 *       client doing GET-then-PUT cannot send it back. The repository gets the password its own {@code get}
 *       returned, which is {@code null} for stores that never return it; such stores must read a {@code null}
 *       password on replace as "unchanged".</li>
 *   <li>PUT without {@code active} clears it (RFC 7644 §3.5.1: a replaced attribute that is not given is
 *       unassigned). Okta, which deactivates by PUT, always sends {@code active}.</li>
 *   <li>A PATCH or PUT that changes nothing is not written, so the version and ETag stay: a PUT is compared with
 *       the stored resource as a PATCH result is (read-only attributes aside, multi-valued attributes as
 *       unordered), and a group PUT whose members are the same set changes no membership. An unknown id is 404
 *       before the body is applied.</li>
 * </ul>
 */
public final class ResourceEndpoint {

    private static final AttributePath MEMBER_VALUE = AttributePath.parse("members.value");

    private final ServiceContext context;
    private final Presenter presenter;
    private final ResourceInput input;
    private final MembershipWrites memberships;

    /** @param context the shared service state */
    public ResourceEndpoint(ServiceContext context) {
        this.context = context;
        this.presenter = new Presenter(context);
        this.input = new ResourceInput(context);
        this.memberships = new MembershipWrites(context);
    }

    /** POST to a collection (RFC 7644 §3.3): 201 with the created resource, {@code Location} and {@code ETag}. */
    public ScimResponse create(ScimRequest request, Route route) {
        return create(request, route.binding());
    }

    /** GET, PUT, PATCH, DELETE on a resource. */
    public ScimResponse handle(ScimRequest request, Route route) {
        return switch (request.method()) {
            case "GET" -> get(request, route.binding(), route.id());
            case "PUT" -> replace(request, route.binding(), route.id());
            case "PATCH" -> patch(request, route.binding(), route.id());
            case "DELETE" -> delete(request, route.binding(), route.id());
            default -> throw new IllegalStateException("the router let " + request.method() + " through");
        };
    }

    private <T> ScimResponse create(ScimRequest request, ResourceBinding<T> binding) {
        AttributeSelection selection = Presenter.selection(request);
        ResourceInput.Body body = input.read(binding.type(), request.body());
        RequestContext ctx = requestContext(request);
        T model = binding.fromJson().apply(body.resource());
        T created = binding.repository().create(model, ctx);
        context.observers().written(new WriteEvent(WriteEvent.Kind.CREATED, binding.type().name(),
                idOf(binding, created), WriteEvents.created(model), ctx));
        Presenter.Shown shown = presenter.show(binding, created, request.baseUrl(), selection);
        return Responses.resource(context.json(), 201, shown, "Location", shown.location());
    }

    /** RFC 7644 §3.4.1, and §3.14 {@code If-None-Match}: 304 with the {@code ETag} and no body. */
    private <T> ScimResponse get(ScimRequest request, ResourceBinding<T> binding, String id) {
        AttributeSelection selection = Presenter.selection(request);
        T resource = readToShow(binding, id, requestContext(request), selection);
        Presenter.Shown shown = presenter.show(binding, resource, request.baseUrl(), selection);
        if (Preconditions.ifNoneMatch(request, shown.etag())) {
            return Responses.empty(304, "ETag", shown.etag());
        }
        return Responses.resource(context.json(), 200, shown);
    }

    /**
     * RFC 7644 §3.5.1: replace every writable attribute; 200 with the resource. The change is computed from the
     * stored resource inside {@link #write}, so that on a store with atomic modify concurrent PUTs apply one after
     * the other.
     */
    private <T> ScimResponse replace(ScimRequest request, ResourceBinding<T> binding, String id) {
        AttributeSelection selection = Presenter.selection(request);
        // readOnly input, an "id" other than the URL's included, was dropped: RFC 7644 §3.5.1 "SHALL be ignored"
        ResourceInput.Body body = input.read(binding.type(), request.body());
        RequestContext ctx = requestContext(request);
        String what = describe(binding, id);
        UnaryOperator<T> change = current -> {
            ObjectNode stored = binding.toJson().apply(current);
            Preconditions.requireIfMatch(request, version(stored), what);
            ObjectNode next = body.resource().deepCopy();
            context.writeRules().keepImmutable(binding.type(), stored, next);
            T model = keepPassword(binding.fromJson().apply(next), current);
            // Okta's AIW apps PUT the whole user (and group) on every sync: what changes nothing keeps the ETag
            return unchanged(binding, current, model) ? current : model;
        };
        GroupRepository groups = nativeGroups(binding);
        WriteEvents.Recorder recorder = new WriteEvents.Recorder();
        T written;
        if (groups != null && !groups.supportsAtomicModify()) {
            written = Preconditions.withConflictRetries(request, context.config().maxConflictRetries(), what, () -> {
                T current = read(binding, id, ctx);
                T model = change.apply(current);
                if (model == current) {
                    recorder.replaced(current, current);
                    return current;
                }
                MembershipWrites.Outcome outcome = memberships.put(groups, id, (Group) current, (Group) model,
                        version(current, binding), ctx, sameContent(binding, current, model, true));
                recorder.wrote(outcome.changed(), outcome.membership());
                Group group = outcome.group();
                return cast(group.members().isEmpty() ? read(binding, id, ctx) : group);
            });
        } else {
            written = write(request, binding, id, ctx, change, recorder);
        }
        recorder.report(context, WriteEvent.Kind.REPLACED, binding.type().name(), id, ctx);
        return Responses.resource(context.json(), 200, presenter.show(binding, written, request.baseUrl(), selection));
    }

    /**
     * RFC 7644 §3.5.2. The operations are applied to the stored resource's canonical JSON, all or nothing; a
     * request that changes nothing is not written. On groups whose store changes memberships natively, operations
     * on {@code members} become a delta ({@link MembershipWrites#patch}).
     */
    private <T> ScimResponse patch(ScimRequest request, ResourceBinding<T> binding, String id) {
        AttributeSelection selection = Presenter.selection(request);
        PatchRequest patch = PatchRequest.fromJson(context.json().readObject(request.body()),
                context.config().patchOptions(), context.filterParser());
        RequestContext ctx = requestContext(request);
        String what = describe(binding, id);
        GroupRepository groups = nativeGroups(binding);
        Optional<MembershipPatch> split = groups == null ? Optional.empty()
                : context.patchEngine().splitMembership(binding.type(), patch);
        WriteEvents.Recorder recorder = new WriteEvents.Recorder();
        T written;
        if (split.isPresent()) {
            Group group;
            if (groups.supportsAtomicModify()) {
                group = memberships.patchAtomically(request, binding.type(), groups, id, split.get(), ctx, recorder);
            } else {
                MembershipWrites.Outcome outcome = Preconditions.withConflictRetries(request,
                        context.config().maxConflictRetries(), what,
                        () -> memberships.patch(request, binding.type(), groups, id, split.get(), ctx));
                recorder.wrote(outcome.changed(), outcome.membership());
                group = outcome.group();
            }
            recorder.report(context, WriteEvent.Kind.PATCHED, binding.type().name(), id, ctx);
            if (context.config().noContentOnPatch(binding.type().name())) {
                return Responses.empty(204, "ETag", Versions.etag(version(context.json().toTree(group))));
            }
            written = readToShow(binding, id, ctx, selection);
        } else {
            written = write(request, binding, id, ctx, current -> {
                ObjectNode json = binding.toJson().apply(current);
                Preconditions.requireIfMatch(request, version(json), what);
                PatchResult result = context.patchEngine().apply(binding.type(), json, patch);
                if (!result.changed()) {
                    return current;
                }
                ObjectNode next = result.resource();
                next.remove("meta");
                return keepPassword(binding.fromJson().apply(next), current);
            }, recorder);
            recorder.report(context, WriteEvent.Kind.PATCHED, binding.type().name(), id, ctx);
        }
        Presenter.Shown shown = presenter.show(binding, written, request.baseUrl(), selection);
        if (context.config().noContentOnPatch(binding.type().name())) {
            return Responses.empty(204, "ETag", shown.etag());
        }
        return Responses.resource(context.json(), 200, shown);
    }

    /**
     * Writes the change of one resource: atomically in the store when it {@link ResourceRepository#modify can},
     * so that concurrent writers queue; otherwise read, change and compare-and-set {@code replace}, again after a
     * conflict ({@link Preconditions#withConflictRetries}). {@code change} returns its argument to write nothing.
     */
    private <T> T write(ScimRequest request, ResourceBinding<T> binding, String id, RequestContext ctx,
                        UnaryOperator<T> changeOnly, WriteEvents.Recorder recorder) {
        ResourceRepository<T> repository = binding.repository();
        UnaryOperator<T> change = current -> {
            T next = changeOnly.apply(current);
            recorder.replaced(current, next);
            return next;
        };
        if (repository.supportsAtomicModify()) {
            return repository.modify(id, change, ctx);
        }
        return Preconditions.withConflictRetries(request, context.config().maxConflictRetries(),
                describe(binding, id), () -> {
                    T current = read(binding, id, ctx);
                    T next = change.apply(current);
                    return next == current ? current : repository.replace(id, next, version(current, binding), ctx);
                });
    }

    /** RFC 7644 §3.6: 204; what deleting means is the repository's choice. {@code If-Match} is honoured. */
    private <T> ScimResponse delete(ScimRequest request, ResourceBinding<T> binding, String id) {
        RequestContext ctx = requestContext(request);
        if (request.header("If-Match") == null) {
            binding.repository().delete(id, null, ctx);
        } else {
            String what = describe(binding, id);
            Preconditions.withConflictRetries(request, 0, what, () -> {
                String version = version(binding.toJson().apply(read(binding, id, ctx)));
                Preconditions.requireIfMatch(request, version, what);
                binding.repository().delete(id, version, ctx);
                return id;
            });
        }
        context.observers().written(new WriteEvent(WriteEvent.Kind.DELETED, binding.type().name(), id,
                MembershipChange.none(), ctx));
        return Responses.empty(204);
    }

    /**
     * The resource to present under {@code selection}. A group shown without members
     * ({@code excludedAttributes=members}, as Entra ID reads groups, or {@code attributes} not naming them) is read
     * without its members, which may be many.
     */
    private static <T> T readToShow(ResourceBinding<T> binding, String id, RequestContext ctx,
                                    AttributeSelection selection) {
        GroupRepository groups = binding.groups();
        if (groups == null || selection.includes("members")) {
            return read(binding, id, ctx);
        }
        return cast(groups.getWithoutMembers(id, ctx)
                .orElseThrow(() -> ScimException.notFound(binding.type().name(), id)));
    }

    /**
     * Whether replacing {@code current} with {@code next} would change nothing: their JSON without read-only
     * attributes (and, if asked, without members) is the same content, as a PATCH result is compared
     * ({@link SameContent}). A password cannot be compared when the store does not return it, so a new one is a
     * change.
     */
    private <T> boolean sameContent(ResourceBinding<T> binding, T current, T next, boolean ignoringMembers) {
        if (next instanceof User n && n.password() != null
                && !(current instanceof User c && n.password().equals(c.password()))) {
            return false;
        }
        ObjectNode before = binding.toJson().apply(current);
        ObjectNode after = binding.toJson().apply(next);
        context.writeRules().stripReadOnly(binding.type(), before);
        context.writeRules().stripReadOnly(binding.type(), after);
        if (ignoringMembers) {
            before.remove("members");
            after.remove("members");
        }
        return SameContent.of(before, after);
    }

    /**
     * Whether a PUT's {@code next} is {@code current} again: the same content, a group's members compared by their
     * ids as a set (the store fills {@code display} and {@code type}), ids equal as the schema's {@code members.value}
     * says, as in PATCH ({@link org.scim2j.core.patch.MembershipPatch#applyTo}).
     */
    private <T> boolean unchanged(ResourceBinding<T> binding, T current, T next) {
        if (current instanceof Group before && next instanceof Group after) {
            AttributeDefinition memberValue = context.registry().find(binding.type(), MEMBER_VALUE)
                    .map(ResolvedAttribute::target).orElse(null);
            if (memberValue != null) {
                return memberKeys(before, memberValue).equals(memberKeys(after, memberValue))
                        && sameContent(binding, current, next, true);
            }
        }
        return sameContent(binding, current, next, false);
    }


    private static Set<String> memberKeys(Group group, AttributeDefinition memberValue) {
        Set<String> keys = new HashSet<>();
        group.members().forEach(m -> keys.add(memberValue.valueKey(m.value())));
        return keys;
    }

    /** The stored resource; also the group again after a membership write, whose result may lack members. */
    private static <T> T read(ResourceBinding<T> binding, String id, RequestContext ctx) {
        return binding.repository().get(id, ctx).orElseThrow(() -> ScimException.notFound(binding.type().name(), id));
    }


    /** The repository's {@code meta.version} of a resource, or null. */
    private static <T> String version(T resource, ResourceBinding<T> binding) {
        return version(binding.toJson().apply(resource));
    }

    /** The repository's {@code meta.version} of a resource's JSON, as the repository wrote it, or null. */
    static String version(ObjectNode json) {
        JsonNode version = json.path("meta").get("version");
        return version != null && version.isTextual() ? version.asText() : null;
    }

    private static GroupRepository nativeGroups(ResourceBinding<?> binding) {
        GroupRepository groups = binding.groups();
        return groups != null && groups.supportsMembershipChanges() ? groups : null;
    }

    /** See the class comment: a PUT or PATCH result without a password carries the stored one. */
    private static <T> T keepPassword(T next, T current) {
        if (next instanceof User n && n.password() == null && current instanceof User c && c.password() != null) {
            return cast(n.toBuilder().password(c.password()).build());
        }
        return next;
    }

    /** The binding's model is the runtime class checked by the caller (User, Group). */
    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static String describe(ResourceBinding<?> binding, String id) {
        return binding.type().name() + " '" + id + "'";
    }

    /** POST (to the collection), GET, PUT, PATCH or DELETE of one resource. */
    private static RequestContext requestContext(ScimRequest request) {
        return RequestContexts.of(request, RequestContexts.operation(request.method(), Route.Kind.RESOURCE));
    }

    /** The id of a resource the repository returned. */
    private static <T> String idOf(ResourceBinding<T> binding, T resource) {
        return binding.typed() != null ? binding.typed().id().apply(resource)
                : binding.toJson().apply(resource).path("id").asText();
    }
}
