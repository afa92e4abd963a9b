package org.scim2j.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Keeps the comparison benchmarks honest: the fixtures load into every library's model, the three filter evaluators
 * agree on every timed filter (and disagree exactly where {@link UserFilters#DISAGREEMENTS} says), and scim2j and
 * UnboundID PATCH to the same result.
 */
class ComparisonFixturesTest {

    private static final UserFilters FILTERS = new UserFilters();

    @Test
    void fixturesLoad() {
        assertThat(Fixtures.user()).hasSizeGreaterThan(4_000);
        assertThat(Fixtures.group100()).hasSizeGreaterThan(10_000);
        // Reads the User into all three models, and checks the enterprise extension and the round trips.
        assertThatCode(() -> new UserJsonBenchmark().setUp()).doesNotThrowAnyException();
    }

    @Test
    void evaluatorsAgreeOnTheTimedCorpus() {
        assertThat(UserFilters.CORPUS).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        List<UserFilters.Verdict> verdicts = FILTERS.verdicts();
        assertThat(verdicts).filteredOn(v -> UserFilters.CORPUS.contains(v.filter()))
                .hasSize(UserFilters.CORPUS.size())
                .allSatisfy(v -> assertThat(v.agree()).as(v.toString()).isTrue())
                .anySatisfy(v -> assertThat(v.scim2j()).isEqualTo("true"))
                .anySatisfy(v -> assertThat(v.scim2j()).isEqualTo("false"));
        assertThat(verdicts).filteredOn(v -> !v.agree()).extracting(UserFilters.Verdict::filter)
                .containsExactlyInAnyOrderElementsOf(UserFilters.DISAGREEMENTS.keySet());
        // The benchmark's own setup repeats the check with the precompiled filters and Goldfish's direct predicate.
        assertThatCode(() -> new FilterEvaluationBenchmark().setUp()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deactivate", "givenName", "addEmail", "replaceWorkEmail", "removeHomeEmail", "addMember",
            "removeMember"})
    void patchEnginesAgree(String op) {
        assertThat(PatchBenchmark.REQUESTS).containsKey(op);
        PatchBenchmark benchmark = new PatchBenchmark();
        benchmark.op = op;
        assertThatCode(benchmark::setUp).doesNotThrowAnyException();
    }
}
