package org.scim2j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.filter.Filter;

class FilterSupportTest {

    private static final FilterSupport USER_NAME_OR_EXTERNAL_ID = FilterSupport.equalityOn("userName", "externalId");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "userName eq \"bjensen\"",
        "USERNAME eq \"bjensen\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"",
        "externalId eq \"701984\"",
        "userName eq \"bjensen\" and externalId eq \"701984\"",
        "userName eq \"a\" and userName eq \"b\" and externalId eq \"c\"",
    })
    void equalityOnSupportsEqOnTheNamedAttributesAloneOrJoinedByAnd(String filter) {
        assertThat(USER_NAME_OR_EXTERNAL_ID.supports(Filter.parse(filter))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "userName ne \"bjensen\"",
        "userName co \"jen\"",
        "userName sw \"b\"",
        "userName pr",
        "displayName eq \"Babs\"",
        "userName eq \"bjensen\" or externalId eq \"701984\"",
        "not (userName eq \"bjensen\")",
        "userName eq \"bjensen\" and displayName eq \"Babs\"",
        "emails[value eq \"bjensen@example.com\"]",
        "name.familyName eq \"Jensen\"",
    })
    void equalityOnSupportsNothingElse(String filter) {
        assertThat(USER_NAME_OR_EXTERNAL_ID.supports(Filter.parse(filter))).isFalse();
    }

    @Test
    void equalityOnMatchesSubAttributePathsAsWritten() {
        FilterSupport familyName = FilterSupport.equalityOn("name.familyName");
        assertThat(familyName.supports(Filter.parse("name.familyName eq \"Jensen\""))).isTrue();
        assertThat(familyName.supports(Filter.parse("name eq \"Jensen\""))).isFalse();
    }

    @Test
    void equalityOnDescribesWhatAClientMaySend() {
        assertThat(USER_NAME_OR_EXTERNAL_ID.description())
                .contains("userName eq \"...\"", "externalId eq \"...\"", "and");
        assertThat(USER_NAME_OR_EXTERNAL_ID.toString()).contains(USER_NAME_OR_EXTERNAL_ID.description());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "userName eq \"bjensen\"",
        "title pr and not (emails[type eq \"work\"] or meta.lastModified gt \"2011-05-13T04:42:34Z\")",
    })
    void allSupportsEveryFilterAndNoneNoFilter(String filter) {
        Filter f = Filter.parse(filter);
        assertThat(FilterSupport.all().supports(f)).isTrue();
        assertThat(FilterSupport.none().supports(f)).isFalse();
    }

    @Test
    void allAndNoneSayWhatTheySupport() {
        assertThat(FilterSupport.all().description()).isEqualTo("any filter");
        assertThat(FilterSupport.none().description()).isEqualTo("no filter");
    }

    @Test
    void ofDelegatesToThePredicateAndRequiresBothArguments() {
        FilterSupport presence = FilterSupport.of(f -> f.toString().endsWith(" pr"), "presence tests");
        assertThat(presence.supports(Filter.pr("title"))).isTrue();
        assertThat(presence.supports(Filter.eq("title", "x"))).isFalse();
        assertThat(presence.description()).isEqualTo("presence tests");
        assertThatThrownBy(() -> FilterSupport.of(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FilterSupport.of(f -> true, null)).isInstanceOf(NullPointerException.class);
    }
}
