package org.scim2j.spi;

import org.scim2j.core.resource.Member;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A change to a group's member list, applied in this order: remove every member if {@code removeAll}, remove the
 * members in {@code removed}, add the members in {@code added} that are not members yet.
 *
 * @param removeAll whether the list is emptied first
 * <p>Ids are as the client sent them; a store compares them as the schema's {@code members.value} says (RFC 7643
 * §8.7.1 declares it not {@code caseExact}: {@link org.scim2j.core.schema.AttributeDefinition#valueKey}), as the
 * service does for PUT and PATCH.
 *
 * @param removed   member ids to remove
 * @param added     members to add
 */
public record MembershipChange(boolean removeAll, Set<String> removed, List<Member> added) {

    /** Copies the collections. */
    public MembershipChange {
        removed = Collections.unmodifiableSet(new LinkedHashSet<>(removed));
        added = List.copyOf(added);
    }

    /** No change. */
    public static MembershipChange none() {
        return new MembershipChange(false, Set.of(), List.of());
    }

    /** Whether applying it changes nothing whatever the current list is. */
    public boolean isEmpty() {
        return !removeAll && removed.isEmpty() && added.isEmpty();
    }
}
