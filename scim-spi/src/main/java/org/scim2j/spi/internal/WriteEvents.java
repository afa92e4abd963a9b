package org.scim2j.spi.internal;

import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.event.WriteEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a write changed, recorded while it runs and reported to the observers once it succeeded. */
final class WriteEvents {

    /**
     * The last attempt of one write (a store may run a change again after a conflict): whether it wrote, and the
     * membership delta. Confined to the request's thread.
     */
    static final class Recorder {
        private boolean written;
        private MembershipChange membership = MembershipChange.none();

        /** The attempt replaces {@code before} with {@code after}; the same object means nothing is written. */
        void replaced(Object before, Object after) {
            written = before != after;
            membership = written ? diff(before, after) : MembershipChange.none();
        }

        /** The attempt wrote {@code change} (or nothing). */
        void wrote(boolean changed, MembershipChange change) {
            written = changed;
            membership = changed ? change : MembershipChange.none();
        }

        /** Reports the write to the observers if it changed anything. */
        void report(ServiceContext context, WriteEvent.Kind kind, String type, String id, RequestContext ctx) {
            if (written) {
                context.observers().written(new WriteEvent(kind, type, id, membership, ctx));
            }
        }
    }

    private WriteEvents() {
    }

    /** The membership of a created resource: every member added, for a group. */
    static MembershipChange created(Object resource) {
        return resource instanceof Group g && !g.members().isEmpty()
                ? new MembershipChange(false, Set.of(), g.members()) : MembershipChange.none();
    }

    /** The members of {@code after} not in {@code before} added, the others removed (ids compared exactly). */
    static MembershipChange diff(Object before, Object after) {
        if (!(before instanceof Group b) || !(after instanceof Group a)) {
            return MembershipChange.none();
        }
        Set<String> removed = new LinkedHashSet<>();
        b.members().forEach(m -> removed.add(m.value()));
        Map<String, Member> next = new LinkedHashMap<>();
        a.members().forEach(m -> next.putIfAbsent(m.value(), m));
        List<Member> added = new ArrayList<>();
        next.forEach((value, member) -> {
            if (!removed.remove(value)) {
                added.add(member);
            }
        });
        return new MembershipChange(false, removed, added);
    }
}
