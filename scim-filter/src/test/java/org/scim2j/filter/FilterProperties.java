package org.scim2j.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.filter.FilterGenerators.attributePaths;
import static org.scim2j.filter.FilterGenerators.filters;
import static org.scim2j.filter.FilterGenerators.mutations;
import static org.scim2j.filter.FilterGenerators.noise;
import static org.scim2j.filter.FilterGenerators.operands;
import static org.scim2j.filter.FilterGenerators.patchPaths;
import static org.scim2j.filter.FilterGenerators.valuePaths;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.not;
import static org.scim2j.filter.Filter.or;

/**
 * Laws of the parser and printer over generated filters (STYLE.md §S row 18): print/parse round trips, only
 * {@link FilterParseException} for bad input, case-insensitive keywords, RFC 7644 §3.4.2.2 precedence. Generators:
 * {@link FilterGenerators}; seed and replay: {@link Pbt}.
 */
class FilterProperties {

    /** Generated filters can exceed the default length; the limits are tested in {@link InvalidFilterTest}. */
    private static final FilterParser STRICT = FilterParser.strict().withMaxLength(1 << 20).withMaxDepth(200);
    private static final FilterParser LENIENT = FilterParser.lenient().withMaxLength(1 << 20).withMaxDepth(200);

    // ---------------------------------------------------------------------------------------------------------------
    // (a) print / parse round trip

    @Test
    void printedFilterParsesBackToAnEqualFilter() {
        Pbt.qt(400).forAll(filters()).checkAssert(filter -> {
            String text = filter.toString();
            assertThat(STRICT.parse(text)).isEqualTo(filter);
            assertThat(LENIENT.parse(text)).isEqualTo(filter);
        });
    }

    @Test
    void printedAttributePathParsesBackToAnEqualPath() {
        Pbt.qt(300).forAll(attributePaths()).checkAssert(path ->
                assertThat(AttributePath.parse(path.toString())).isEqualTo(path));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) any text either parses or fails with a FilterParseException that points into it

    @Test
    void arbitraryTextParsesOrFailsWithAPosition() {
        Pbt.qt(500).forAll(noise()).checkAssert(FilterProperties::assertParsesOrFailsCleanly);
    }

    @Test
    void mutatedFiltersParseOrFailWithAPosition() {
        Pbt.qt(500).forAll(filters(), mutations()).checkAssert((filter, mutations) ->
                assertParsesOrFailsCleanly(mutate(filter.toString(), mutations)));
    }

    @Test
    void mutatedPatchPathsParseOrFailWithAPosition() {
        Pbt.qt(300).forAll(patchPaths(), mutations()).checkAssert((path, mutations) ->
                assertParsesOrFailsCleanly(mutate(path.toString(), mutations)));
    }

    private static String mutate(String text, List<FilterGenerators.Mutation> mutations) {
        for (FilterGenerators.Mutation mutation : mutations) {
            text = mutation.apply(text);
        }
        return text;
    }

    private static void assertParsesOrFailsCleanly(String text) {
        assertOutcome(text, STRICT::parse, FilterProperties::reparse);
        assertOutcome(text, LENIENT::parse, FilterProperties::reparse);
        assertOutcome(text, STRICT::parsePatchPath, p -> assertThat(PatchPath.parse(p.toString())).isEqualTo(p));
        assertOutcome(text, LENIENT::parsePatchPath, p -> assertThat(PatchPath.parse(p.toString())).isEqualTo(p));
        assertOutcome(text, AttributePath::parse, p -> assertThat(AttributePath.parse(p.toString())).isEqualTo(p));
    }

    /** Whatever either parser accepts has canonical text that the strict parser reads back to the same AST. */
    private static void reparse(Filter parsed) {
        assertThat(STRICT.parse(parsed.toString())).isEqualTo(parsed);
    }

    private static <T> void assertOutcome(String text, Function<String, T> parser, Consumer<T> ok) {
        T result;
        try {
            result = parser.apply(text);
        } catch (FilterParseException e) {
            assertThat(e.input()).isSameAs(text);
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.reason()).isNotBlank();
            assertThat(e).hasMessage("at " + e.position() + ": " + e.reason());
            return;
        }
        assertThat(result).isNotNull();
        ok.accept(result);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (c) the case of operators, keywords and literals, and extra whitespace or parentheses, never change the AST
    // (the printer's choices come from a generated seed, so a failure replays and shrinks like any other value)

    @Test
    void caseOfOperatorsAndKeywordsNeverChangesTheAst() {
        Pbt.qt(300).forAll(filters(), longs().all()).checkAssert((filter, seed) -> {
            String text = filter.accept(new VariantPrinter(new Random(seed), true, false));
            assertThat(STRICT.parse(text)).isEqualTo(filter);
        });
    }

    @Test
    void extraWhitespaceAndParenthesesNeverChangeTheAst() {
        Pbt.qt(300).forAll(filters(), longs().all()).checkAssert((filter, seed) -> {
            String text = filter.accept(new VariantPrinter(new Random(seed), false, true));
            assertThat(STRICT.parse(text)).isEqualTo(filter);
        });
    }

    @Test
    void caseWhitespaceAndParenthesesTogetherNeverChangeTheAst() {
        Pbt.qt(200).forAll(filters(), longs().all()).checkAssert((filter, seed) -> {
            String text = filter.accept(new VariantPrinter(new Random(seed), true, true));
            assertThat(STRICT.parse(text)).isEqualTo(filter);
            assertThat(LENIENT.parse(text)).isEqualTo(filter);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (d) RFC 7644 §3.4.2.2 precedence: not > and > or

    @Test
    void rfc7644_3_4_2_2_andBindsTighterThanOr() {
        Pbt.qt(300).forAll(operands(), operands(), operands()).checkAssert((a, b, c) -> {
            assertThat(STRICT.parse(a + " or " + b + " and " + c)).isEqualTo(or(a, and(b, c)));
            assertThat(STRICT.parse(a + " and " + b + " or " + c)).isEqualTo(or(and(a, b), c));
            assertThat(STRICT.parse(a + " or " + b + " or " + c)).isEqualTo(or(a, b, c));
            assertThat(STRICT.parse(a + " and " + b + " and " + c)).isEqualTo(and(a, b, c));
        });
    }

    @Test
    void rfc7644_3_4_2_2_parenthesesAndNotGroup() {
        Pbt.qt(200).forAll(operands(), operands(), operands()).checkAssert((a, b, c) -> {
            assertThat(STRICT.parse("(" + a + " or " + b + ") and " + c)).isEqualTo(and(or(a, b), c));
            assertThat(STRICT.parse("not (" + a + ") and " + b + " or " + c)).isEqualTo(or(and(not(a), b), c));
            assertThat(STRICT.parse("not (" + a + " or " + b + ") and " + c)).isEqualTo(and(not(or(a, b)), c));
            assertThat(STRICT.parse(a + " and (" + b + " and " + c + ")")).isEqualTo(and(a, and(b, c)));
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (e) PATCH paths, RFC 7644 §3.5.2

    @Test
    void rfc7644_3_5_2_printedPatchPathParsesBackToAnEqualPath() {
        Pbt.qt(300).forAll(patchPaths()).checkAssert(path -> {
            String text = path.toString();
            assertThat(PatchPath.parse(text)).isEqualTo(path);
            assertThat(FilterParser.lenient().parsePatchPath(text)).isEqualTo(path);
            assertThat(path.attributePath().subAttribute()).isEqualTo(path.subAttribute());
        });
    }

    @Test
    void rfc7644_3_5_2_patchPathValueFilterIsTheFilterInsideTheBrackets() {
        Pbt.qt(200).forAll(valuePaths()).checkAssert(valuePath -> {
            ValuePath vp = (ValuePath) valuePath;
            assertThat(PatchPath.parse(valuePath.toString()))
                    .isEqualTo(new PatchPath(vp.attribute(), vp.filter(), null));
        });
    }

    /**
     * Prints a filter like the canonical printer, but with random upper/lower case in operators, keywords and
     * literals, and/or random extra whitespace and redundant parentheses. It follows the printer's rules for where
     * parentheses are needed, so the text means the same tree.
     */
    private static final class VariantPrinter implements FilterVisitor<String> {
        private final Random random;
        private final boolean mixCase;
        private final boolean extras;

        VariantPrinter(Random random, boolean mixCase, boolean extras) {
            this.random = random;
            this.mixCase = mixCase;
            this.extras = extras;
        }

        private String word(String keyword) {
            if (!mixCase) {
                return keyword;
            }
            StringBuilder out = new StringBuilder(keyword.length());
            for (char c : keyword.toCharArray()) {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return out.toString();
        }

        /** Where RFC 7644 requires a space: one, or with extras one to three whitespace characters. */
        private String space() {
            return extras ? whitespace(1 + random.nextInt(3)) : " ";
        }

        /** Where no space is required. */
        private String optionalSpace() {
            return extras ? whitespace(random.nextInt(3)) : "";
        }

        private String whitespace(int count) {
            StringBuilder out = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                out.append(" \t\r\n".charAt(random.nextInt(4)));
            }
            return out.toString();
        }

        private String group(String inner) {
            return "(" + optionalSpace() + inner + optionalSpace() + ")";
        }

        /** Sometimes wraps a node in parentheses that change nothing. */
        private String maybeRedundantParentheses(String text) {
            return extras && random.nextInt(5) == 0 ? group(text) : text;
        }

        private String value(FilterValue value) {
            return value instanceof FilterValue.StringValue ? value.toString() : word(value.toString());
        }

        @Override
        public String visitComparison(Comparison filter) {
            return maybeRedundantParentheses(filter.path() + space() + word(filter.op().token()) + space()
                    + value(filter.value()));
        }

        @Override
        public String visitPresence(Presence filter) {
            return maybeRedundantParentheses(filter.path() + space() + word("pr"));
        }

        @Override
        public String visitAnd(And filter) {
            return join(filter.operands(), "and", true);
        }

        @Override
        public String visitOr(Or filter) {
            return join(filter.operands(), "or", false);
        }

        private String join(List<Filter> operands, String keyword, boolean inAnd) {
            StringBuilder out = new StringBuilder();
            for (Filter operand : operands) {
                if (out.length() > 0) {
                    out.append(space()).append(word(keyword)).append(space());
                }
                String text = operand.accept(this);
                boolean needed = operand instanceof Or || (inAnd && operand instanceof And);
                out.append(needed ? group(text) : text);
            }
            return maybeRedundantParentheses(out.toString());
        }

        @Override
        public String visitNot(Not filter) {
            return word("not") + optionalSpace() + group(filter.filter().accept(this));
        }

        @Override
        public String visitValuePath(ValuePath filter) {
            return maybeRedundantParentheses(filter.attribute() + optionalSpace() + "[" + optionalSpace()
                    + filter.filter().accept(this) + optionalSpace() + "]");
        }
    }
}
