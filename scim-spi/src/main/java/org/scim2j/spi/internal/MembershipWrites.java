package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.patch.MembershipPatch;
import org.scim2j.core.patch.PatchResult;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.service.ScimRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Group writes for repositories with native membership changes ({@link GroupRepository#supportsMembershipChanges()}):
 * PUT and PATCH reach the store as {@link GroupRepository#update} with a membership delta, so a write costs
 * O(changed members) in the store instead of rewriting a member list that may hold 100 000 entries.
 *
 * <p>Each method is one attempt of a read-modify-write; the caller retries it on a version conflict.
 */
final class MembershipWrites {

    /**
     * The outcome of one attempt.
     *
     * @param group      the group as the repository returned it (its member list may be empty)
     * @param changed    whether anything was written
     * @param membership the membership delta written
     */
    record Outcome(Group group, boolean changed, MembershipChange membership) {
    }

    private final ServiceContext context;

    MembershipWrites(ServiceContext context) {
        this.context = context;
    }

    /**
     * PUT (RFC 7644 §3.5.1) as a diff: the members of {@code next} not in {@code current} are added, those of
     * {@code current} not in {@code next} removed (ids compared exactly: RFC 7643 §3.1 ids are case-sensitive), and
     * the other attributes replaced. Okta's app-integration-wizard apps push every membership change this way. When
     * the members are the same set and {@code sameAttributes}, nothing is written and {@code current} is returned.
     */
    Outcome put(GroupRepository groups, String id, Group current, Group next, String version, RequestContext ctx,
                boolean sameAttributes) {
        MembershipChange change = WriteEvents.diff(current, next);
        if (sameAttributes && change.isEmpty()) {
            return new Outcome(current, false, change);
        }
        Group attributes = next.toBuilder().members(List.of()).build();
        return new Outcome(groups.update(id, attributes, change, version, ctx), true, change);
    }

    /**
     * PATCH (RFC 7644 §3.5.2) split into a membership delta and the other operations: the other operations are
     * applied to the group without its members ({@link GroupRepository#getWithoutMembers}), then both go to the
     * store in one {@link GroupRepository#update}.
     *
     * <p>A delta alone does not depend on what was read: concurrent deltas commute and the store applies each one
     * atomically. So without a client {@code If-Match} it is written without compare-and-set, and concurrent
     * PATCHes that add different members never conflict. A delta is always written, even if it would add a member
     * who is already there: telling that apart would mean loading the members.
     *
     * @throws ScimException 404 if there is no such group, 412 if {@code If-Match} does not match
     */
    Outcome patch(ScimRequest request, ResourceType type, GroupRepository groups, String id, MembershipPatch split,
                  RequestContext ctx) {
        String what = type.name() + " '" + id + "'";
        Group current = groups.getWithoutMembers(id, ctx).orElseThrow(() -> ScimException.notFound(type.name(), id));
        ObjectNode json = context.json().toTree(current);
        String version = ResourceEndpoint.version(json);
        Preconditions.requireIfMatch(request, version, what);
        PatchResult result = context.patchEngine().apply(type, json, split.otherOperations());
        MembershipChange change = new MembershipChange(split.clearAll(), split.removed(), members(split.added()));
        if (!result.changed() && change.isEmpty()) {
            return new Outcome(current, false, change);
        }
        Group attributes = null;
        if (result.changed()) {
            ObjectNode next = result.resource();
            next.remove("meta");
            attributes = context.json().toTyped(next, Group.class);
        }
        String expected = result.changed() || request.header("If-Match") != null ? version : null;
        return new Outcome(groups.update(id, attributes, change, expected, ctx), true, change);
    }

    /**
     * {@link #patch} on a store with atomic modify: the other operations are applied to the group the store locked,
     * and the delta in the same unit ({@link GroupRepository#modify(String, java.util.function.UnaryOperator,
     * MembershipChange, RequestContext)}), so that concurrent renames and membership changes all apply.
     *
     * @return the stored group; its member list may be empty
     * @throws ScimException 404 if there is no such group, 412 if {@code If-Match} does not match
     */
    Group patchAtomically(ScimRequest request, ResourceType type, GroupRepository groups, String id,
                          MembershipPatch split, RequestContext ctx, WriteEvents.Recorder recorder) {
        String what = type.name() + " '" + id + "'";
        MembershipChange change = new MembershipChange(split.clearAll(), split.removed(), members(split.added()));
        UnaryOperator<Group> attributes = current -> {
            ObjectNode json = context.json().toTree(current);
            Preconditions.requireIfMatch(request, ResourceEndpoint.version(json), what);
            PatchResult result = context.patchEngine().apply(type, json, split.otherOperations());
            recorder.wrote(result.changed() || !change.isEmpty(), change);
            if (!result.changed()) {
                return current;
            }
            ObjectNode next = result.resource();
            next.remove("meta");
            return context.json().toTyped(next, Group.class);
        };
        // Without a membership change this is an ordinary modify, which a store may answer without locking when
        // the attributes do not change either (Okta re-sends a group's name with every push)
        return change.isEmpty() ? groups.modify(id, attributes, ctx) : groups.modify(id, attributes, change, ctx);
    }

    private List<Member> members(List<ObjectNode> added) {
        List<Member> members = new ArrayList<>(added.size());
        added.forEach(node -> members.add(context.json().toTyped(node, Member.class)));
        return members;
    }
}
