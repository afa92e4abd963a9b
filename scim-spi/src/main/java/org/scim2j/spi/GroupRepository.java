package org.scim2j.spi;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Group;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The store of {@code /Groups}. Groups can be large (100 000 members), so a repository may implement membership
 * changes natively: then PATCH and PUT on a group cost O(changed members), not O(group size).
 */
public interface GroupRepository extends ResourceRepository<Group> {

    /** Whether {@link #update} and {@link #getWithoutMembers} are implemented natively. */
    default boolean supportsMembershipChanges() {
        return false;
    }

    /**
     * The group without loading its members ({@code members} empty). The default loads the whole group.
     */
    default Optional<Group> getWithoutMembers(String id, RequestContext context) {
        return get(id, context).map(g -> g.toBuilder().members(java.util.List.of()).build());
    }

    /**
     * Applies a change to a group without rewriting its member list: the non-member attributes (when
     * {@code attributes} is not null; its members are ignored) and a membership delta, atomically.
     *
     * @param attributes      the new non-member attributes, or {@code null} to keep them
     * @param members         the membership delta (possibly empty)
     * @param expectedVersion as for {@link #replace}
     * @return the stored group; its member list may be left empty
     * @throws VersionConflictException if {@code expectedVersion} is stale
     * @throws ScimException            404 if there is no such group
     */
    default Group update(String id, Group attributes, MembershipChange members, String expectedVersion,
                         RequestContext context) {
        throw ScimException.notImplemented("this group repository has no native membership changes");
    }

    /**
     * {@link #update(String, Group, MembershipChange, String, RequestContext)} as one atomic unit with the read of
     * the attributes it changes, for stores that {@link #supportsAtomicModify()} and change memberships natively:
     * {@code attributes} gets the stored group without its members and returns the new non-member attributes, or
     * its argument itself to keep them; the membership delta is applied in the same unit. As for
     * {@link #modify(String, UnaryOperator, RequestContext)}, {@code attributes} may throw (nothing is written) and
     * must not call this repository. A change of neither attributes nor memberships keeps the version.
     *
     * @return the stored group afterwards; its member list may be left empty
     * @throws ScimException 404 if there is no such group
     */
    default Group modify(String id, UnaryOperator<Group> attributes, MembershipChange members,
                         RequestContext context) {
        throw ScimException.notImplemented("this group repository has no atomic membership modify");
    }
}
