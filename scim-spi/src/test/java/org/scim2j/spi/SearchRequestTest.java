package org.scim2j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;

class SearchRequestTest {

    private static final AttributePath USER_NAME = AttributePath.of("userName");
    private static final AttributeSelection EXCLUDE_EMAILS = AttributeSelection.parse(null, "emails");

    @Test
    void allAsksForEveryResourceFromTheFirstOneUnsortedWithIndexPaging() {
        SearchRequest all = SearchRequest.all(50);
        assertThat(all.filter()).isNull();
        assertThat(all.sortBy()).isNull();
        assertThat(all.sortOrder()).isEqualTo(SortOrder.ASCENDING);
        assertThat(all.startIndex()).isEqualTo(1);
        assertThat(all.count()).isEqualTo(50);
        assertThat(all.usesCursor()).isFalse();
        assertThat(all.attributes().isDefault()).isTrue();
    }

    @Test
    void countZeroAsksOnlyForTheTotal() {
        assertThat(SearchRequest.all(0).count()).isZero();
    }

    @ParameterizedTest(name = "startIndex {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void startIndexIsOneBased(int startIndex) {
        assertThatThrownBy(() -> new SearchRequest(null, null, SortOrder.ASCENDING, startIndex, 10, null,
                AttributeSelection.all()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startIndex");
    }

    @ParameterizedTest(name = "count {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void countMustNotBeNegative(int count) {
        assertThatThrownBy(() -> SearchRequest.all(count))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    }

    @Test
    void sortOrderAndAttributesAreRequired() {
        assertThatThrownBy(() -> new SearchRequest(null, USER_NAME, null, 1, 10, null, AttributeSelection.all()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sortOrder");
        assertThatThrownBy(() -> new SearchRequest(null, USER_NAME, SortOrder.DESCENDING, 1, 10, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributes");
    }

    @Test
    void anEmptyCursorAsksForTheFirstCursorPage() {
        SearchRequest first = new SearchRequest(null, null, SortOrder.ASCENDING, 1, 10, "", AttributeSelection.all());
        assertThat(first.usesCursor()).isTrue();
    }

    @Test
    void withFilterAndWithPageChangeOnlyTheirComponents() {
        Filter filter = Filter.eq("userName", "bjensen");
        SearchRequest request = new SearchRequest(null, USER_NAME, SortOrder.DESCENDING, 3, 7, "c1", EXCLUDE_EMAILS);
        assertThat(request.withFilter(filter))
                .isEqualTo(new SearchRequest(filter, USER_NAME, SortOrder.DESCENDING, 3, 7, "c1", EXCLUDE_EMAILS));
        assertThat(request.withPage(11, 0))
                .isEqualTo(new SearchRequest(null, USER_NAME, SortOrder.DESCENDING, 11, 0, "c1", EXCLUDE_EMAILS));
        assertThatThrownBy(() -> request.withPage(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request.withPage(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
