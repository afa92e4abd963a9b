package org.scim2j.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.scim2j.filter.And;
import org.scim2j.filter.Filter;
import org.scim2j.filter.Or;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Keeps the benchmark corpus honest: every filter must parse with both parsers, or the benchmark times errors. */
class FilterCorpusTest {

    static final List<String> CORPUS = FilterCorpus.ALL;

    @ParameterizedTest
    @FieldSource("CORPUS")
    void scim2jStrictParserAccepts(String filter) {
        assertThatCode(() -> Filter.parse(filter)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @FieldSource("CORPUS")
    void unboundIdParserAccepts(String filter) {
        assertThatCode(() -> com.unboundid.scim2.common.filters.Filter.fromString(filter))
                .doesNotThrowAnyException();
    }

    @Test
    void corpusIsLargeAndDistinct() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @Test
    void longChainsHaveTheAdvertisedShape() {
        assertThat(Filter.parse(FilterCorpus.OR_CHAIN_25)).isInstanceOfSatisfying(Or.class,
                or -> assertThat(or.operands()).hasSize(25));
        assertThat(Filter.parse(FilterCorpus.AND_CHAIN_10)).isInstanceOfSatisfying(And.class,
                and -> assertThat(and.operands()).hasSize(10));
        assertThat(FilterCorpus.MIXED_CHAIN_20.split(" (eq|ne|co|sw|ew|gt|ge|lt|le) ")).hasSize(21);
    }

    @Test
    void escapesReachBothParsersAsJsonEscapes() throws Exception {
        String filter = "name.familyName eq \"Ren\\u00e9e\"";
        assertThat(CORPUS).contains(filter);
        assertThat(Filter.parse(filter)).isEqualTo(Filter.eq("name.familyName", "Ren\u00e9e"));
        assertThat(com.unboundid.scim2.common.filters.Filter.fromString(filter).getComparisonValue().asString())
                .isEqualTo("Ren\u00e9e");
    }
}
