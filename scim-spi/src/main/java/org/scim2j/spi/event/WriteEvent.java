package org.scim2j.spi.event;

import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.RequestContext;

import java.util.Objects;

/**
 * A write that succeeded (RFC 7644 §3.3, §3.5.1, §3.5.2, §3.6).
 *
 * @param kind         what was done
 * @param resourceType the resource type's name ({@code User}, {@code Group}, or a host's own)
 * @param id           the resource's id
 * @param membership   the change to a group's members: for a created group every member added, for a replaced or
 *                     patched one what was removed and added; {@link MembershipChange#none()} when no membership
 *                     changed, for a deleted group, and for every other resource type
 * @param context      who asked, with the request id, tenant and operation
 */
public record WriteEvent(Kind kind, String resourceType, String id, MembershipChange membership,
                         RequestContext context) {

    /** What was done to the resource. */
    public enum Kind {
        /** POST (RFC 7644 §3.3). */
        CREATED,
        /** PUT (§3.5.1). */
        REPLACED,
        /** PATCH (§3.5.2). */
        PATCHED,
        /** DELETE (§3.6). */
        DELETED
    }

    /** Requires every component. */
    public WriteEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(context, "context");
    }
}
