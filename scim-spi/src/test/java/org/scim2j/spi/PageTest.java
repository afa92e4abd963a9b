package org.scim2j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class PageTest {

    @Test
    void ofIsAnIndexPagingPageWithoutCursors() {
        Page<String> page = Page.of(List.of("a", "b"), 5);
        assertThat(page.resources()).containsExactly("a", "b");
        assertThat(page.totalResults()).isEqualTo(5);
        assertThat(page.nextCursor()).isNull();
        assertThat(page.previousCursor()).isNull();
    }

    @Test
    void theResourcesAreCopiedAndUnmodifiable() {
        List<String> resources = new ArrayList<>(List.of("a"));
        Page<String> page = Page.of(resources, 2);
        resources.add("b");
        assertThat(page.resources()).containsExactly("a");
        assertThatThrownBy(() -> page.resources().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void totalResultsCountsAtLeastThePage() {
        assertThat(Page.of(List.of("a", "b"), 2).totalResults()).isEqualTo(2);
        assertThat(Page.of(List.of(), 0).resources()).isEmpty();
        assertThatThrownBy(() -> Page.of(List.of("a", "b"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalResults 1 < 2");
        assertThatThrownBy(() -> Page.of(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resourcesAndTheirElementsAreRequired() {
        assertThatThrownBy(() -> Page.of(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Page.of(Arrays.asList("a", null), 2)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void cursorPagesCarryTheirCursors() {
        Page<String> page = new Page<>(List.of("a"), 3, "next", "previous");
        assertThat(page.nextCursor()).isEqualTo("next");
        assertThat(page.previousCursor()).isEqualTo("previous");
    }
}
