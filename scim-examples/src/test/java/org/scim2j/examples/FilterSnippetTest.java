package org.scim2j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
// tag::imports[]
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterParser;
// end::imports[]

/** The README's filter example, run: what its comments say holds. */
class FilterSnippetTest {

    @Test
    void theReadmeFilterExampleDoesWhatItsCommentsSay() {
        // tag::filters[]
        Filter f = Filter.parse("userName eq \"bjensen\" and emails[type eq \"work\" and value co \"@example.com\"]");
        String text = f.toString();                     // canonical text, parses back to an equal filter
        Filter g = Filter.and(Filter.eq("userName", "bjensen"), Filter.pr("title"));
        FilterParser lenient = FilterParser.lenient();  // also accepts externalId eq jyoung (unquoted values)
        // end::filters[]
        assertThat(Filter.parse(text)).isEqualTo(f);
        assertThat(g).isEqualTo(Filter.parse("userName eq \"bjensen\" and title pr"));
        assertThat(lenient.parse("externalId eq jyoung")).isEqualTo(Filter.eq("externalId", "jyoung"));
    }
}
