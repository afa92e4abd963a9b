package org.scim2j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.resource.Member;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class MembershipChangeTest {

    @Test
    void noneIsEmpty() {
        assertThat(MembershipChange.none().isEmpty()).isTrue();
        assertThat(MembershipChange.none().removeAll()).isFalse();
    }

    @Test
    void anyPartMakesItNonEmpty() {
        assertThat(new MembershipChange(true, Set.of(), List.of()).isEmpty()).isFalse();
        assertThat(new MembershipChange(false, Set.of("1"), List.of()).isEmpty()).isFalse();
        assertThat(new MembershipChange(false, Set.of(), List.of(Member.of("1"))).isEmpty()).isFalse();
    }

    @Test
    void theCollectionsAreCopiedAndUnmodifiable() {
        Set<String> removed = new HashSet<>(Set.of("1"));
        List<Member> added = new ArrayList<>(List.of(Member.of("2")));
        MembershipChange change = new MembershipChange(false, removed, added);
        removed.add("3");
        added.clear();
        assertThat(change.removed()).containsExactly("1");
        assertThat(change.added()).containsExactly(Member.of("2"));
        assertThatThrownBy(() -> change.removed().add("4")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> change.added().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
