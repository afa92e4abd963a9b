package org.scim2j.filter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.not;
import static org.scim2j.filter.Filter.or;

/**
 * Laws of the parser and printer over generated filters (STYLE.md §S row 18): print/parse round trips, only
 * {@link FilterParseException} for bad input, case-insensitive keywords, RFC 7644 §3.4.2.2 precedence.
 */
class FilterProperties {

    /**
     * Attribute names the lexer reads as keywords when they stand alone. {@code AttributePath} accepts the name
     * {@code pr}, but {@code Filter.pr("pr")} prints {@code pr pr}, which the grammar rejects (a known limitation).
     * The generators avoid bare keyword names; with a schema prefix or a sub-attribute they are fine and generated.
     */
    private static final List<String> KEYWORDS = List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr",
            "and", "or", "not", "true", "false", "null");

    /** Generated filters can exceed the default length; the limits are tested in {@link InvalidFilterTest}. */
    private static final FilterParser STRICT = FilterParser.strict().withMaxLength(1 << 20).withMaxDepth(200);
    private static final FilterParser LENIENT = FilterParser.lenient().withMaxLength(1 << 20).withMaxDepth(200);

    // ---------------------------------------------------------------------------------------------------------------
    // (a) print / parse round trip

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void printedFilterParsesBackToAnEqualFilter(@ForAll("filters") Filter filter) {
        String text = filter.toString();
        assertThat(STRICT.parse(text)).isEqualTo(filter);
        assertThat(LENIENT.parse(text)).isEqualTo(filter);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void printedAttributePathParsesBackToAnEqualPath(@ForAll("anyAttributePaths") AttributePath path) {
        assertThat(AttributePath.parse(path.toString())).isEqualTo(path);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) any text either parses or fails with a FilterParseException that points into it

    @Property(tries = 500)
    void arbitraryTextParsesOrFailsWithAPosition(@ForAll("noise") String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void mutatedFiltersParseOrFailWithAPosition(@ForAll("filters") Filter filter,
                                                @ForAll("mutations") List<Mutation> mutations) {
        String text = filter.toString();
        for (Mutation mutation : mutations) {
            text = mutation.apply(text);
        }
        assertParsesOrFailsCleanly(text);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutatedPatchPathsParseOrFailWithAPosition(@ForAll("patchPaths") PatchPath path,
                                                   @ForAll("mutations") List<Mutation> mutations) {
        String text = path.toString();
        for (Mutation mutation : mutations) {
            text = mutation.apply(text);
        }
        assertParsesOrFailsCleanly(text);
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

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void caseOfOperatorsAndKeywordsNeverChangesTheAst(@ForAll("filters") Filter filter, @ForAll long seed) {
        String text = filter.accept(new VariantPrinter(new Random(seed), true, false));
        assertThat(STRICT.parse(text)).isEqualTo(filter);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void extraWhitespaceAndParenthesesNeverChangeTheAst(@ForAll("filters") Filter filter, @ForAll long seed) {
        String text = filter.accept(new VariantPrinter(new Random(seed), false, true));
        assertThat(STRICT.parse(text)).isEqualTo(filter);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void caseWhitespaceAndParenthesesTogetherNeverChangeTheAst(@ForAll("filters") Filter filter, @ForAll long seed) {
        String text = filter.accept(new VariantPrinter(new Random(seed), true, true));
        assertThat(STRICT.parse(text)).isEqualTo(filter);
        assertThat(LENIENT.parse(text)).isEqualTo(filter);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (d) RFC 7644 §3.4.2.2 precedence: not > and > or

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void rfc7644_3_4_2_2_andBindsTighterThanOr(@ForAll("operands") Filter a, @ForAll("operands") Filter b,
                                               @ForAll("operands") Filter c) {
        assertThat(STRICT.parse(a + " or " + b + " and " + c)).isEqualTo(or(a, and(b, c)));
        assertThat(STRICT.parse(a + " and " + b + " or " + c)).isEqualTo(or(and(a, b), c));
        assertThat(STRICT.parse(a + " or " + b + " or " + c)).isEqualTo(or(a, b, c));
        assertThat(STRICT.parse(a + " and " + b + " and " + c)).isEqualTo(and(a, b, c));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void rfc7644_3_4_2_2_parenthesesAndNotGroup(@ForAll("operands") Filter a, @ForAll("operands") Filter b,
                                                @ForAll("operands") Filter c) {
        assertThat(STRICT.parse("(" + a + " or " + b + ") and " + c)).isEqualTo(and(or(a, b), c));
        assertThat(STRICT.parse("not (" + a + ") and " + b + " or " + c)).isEqualTo(or(and(not(a), b), c));
        assertThat(STRICT.parse("not (" + a + " or " + b + ") and " + c)).isEqualTo(and(not(or(a, b)), c));
        assertThat(STRICT.parse(a + " and (" + b + " and " + c + ")")).isEqualTo(and(a, and(b, c)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (e) PATCH paths, RFC 7644 §3.5.2

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void rfc7644_3_5_2_printedPatchPathParsesBackToAnEqualPath(@ForAll("patchPaths") PatchPath path) {
        String text = path.toString();
        assertThat(PatchPath.parse(text)).isEqualTo(path);
        assertThat(FilterParser.lenient().parsePatchPath(text)).isEqualTo(path);
        assertThat(path.attributePath().subAttribute()).isEqualTo(path.subAttribute());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void rfc7644_3_5_2_patchPathValueFilterIsTheFilterInsideTheBrackets(@ForAll("valuePaths") Filter valuePath) {
        ValuePath vp = (ValuePath) valuePath;
        assertThat(PatchPath.parse(valuePath.toString())).isEqualTo(new PatchPath(vp.attribute(), vp.filter(), null));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3, true);
    }

    @Provide
    Arbitrary<Filter> operands() {
        return Arbitraries.oneOf(List.of(leaves(), valuePaths()));
    }

    @Provide
    Arbitrary<Filter> valuePaths() {
        return Combinators.combine(valuePathAttributes(), filter(2, false)).as(ValuePath::new);
    }

    @Provide
    Arbitrary<AttributePath> anyAttributePaths() {
        return Combinators.combine(schemas().injectNull(0.5), names(), names().injectNull(0.5))
                .as(AttributePath::new);
    }

    @Provide
    Arbitrary<PatchPath> patchPaths() {
        // "pr.value" is a valid PATCH path (one ATTRPATH token), "pr" and "pr[...]" are not: see KEYWORDS.
        Arbitrary<AttributePath> attributes = Combinators.combine(schemas().injectNull(0.7), names())
                .as((schema, name) -> new AttributePath(schema, name, null));
        return Combinators.combine(attributes, filter(2, false).injectNull(0.4), names().injectNull(0.5))
                .as(PatchPath::new)
                .filter(p -> !(isBareKeyword(p.attribute()) && (p.hasValueFilter() || p.subAttribute() == null)));
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> token = Arbitraries.of("a", "emails", "name.familyName", "urn:x:y:", "$ref", ".", ":",
                "eq", "EQ", "pr", "and", "or", "not", "(", ")", "[", "]", "\"", "\\", "\"x\"", "\"\\u00e9\"",
                "\\u", "1", "-", "0", "e", "1.5e-3", "true", "null", " ", " ", " ", "\t", "\n", "#", "@",
                "\ud83d\ude00", "\ud800", "\udc00", "\u0000", "\u0001", "\u00e9");
        Arbitrary<String> tokens = token.list().ofMaxSize(24).map(parts -> String.join("", parts));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        return Arbitraries.oneOf(List.of(tokens, tokens, anything));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> text = Arbitraries.of("\"", "\\", "(", ")", "[", "]", " ", "and", "or", "not", "pr", "eq",
                ".", ":", "$", "-", "0", "1", "e", "x", "#", "\u0000", "\ud83d", "\ud83d\ude00");
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().greaterOrEqual(0), text).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<Filter> filter(int depth, boolean withValuePaths) {
        Arbitrary<Filter> leaf = withValuePaths ? Arbitraries.oneOf(List.of(leaves(), leaves(), valuePathsFlat()))
                : leaves();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> child = Arbitraries.lazy(() -> filter(depth - 1, withValuePaths));
        Arbitrary<Filter> and = child.list().ofMinSize(2).ofMaxSize(3).map(And::new);
        Arbitrary<Filter> or = child.list().ofMinSize(2).ofMaxSize(3).map(Or::new);
        Arbitrary<Filter> not = child.map(Not::new);
        return Arbitraries.oneOf(List.of(leaf, leaf, and, or, not));
    }

    private static Arbitrary<Filter> valuePathsFlat() {
        return Combinators.combine(valuePathAttributes(), filter(1, false)).as(ValuePath::new);
    }

    private static Arbitrary<Filter> leaves() {
        Arbitrary<Filter> comparison = Combinators.combine(filterPaths(), Arbitraries.of(CompareOp.class), values())
                .as(Comparison::new);
        Arbitrary<Filter> presence = filterPaths().map(Presence::new);
        return Arbitraries.oneOf(List.of(comparison, comparison, presence));
    }

    /** Paths that can stand at the start of a comparison or presence test. */
    private static Arbitrary<AttributePath> filterPaths() {
        return Combinators.combine(schemas().injectNull(0.6), names(), names().injectNull(0.6))
                .as(AttributePath::new)
                .filter(p -> !isBareKeyword(p));
    }

    /** Value path attributes carry no sub-attribute. */
    private static Arbitrary<AttributePath> valuePathAttributes() {
        return Combinators.combine(schemas().injectNull(0.7), names())
                .as((schema, name) -> new AttributePath(schema, name, null))
                .filter(p -> !isBareKeyword(p));
    }

    private static boolean isBareKeyword(AttributePath path) {
        return path.schema() == null && path.subAttribute() == null
                && KEYWORDS.contains(path.name().toLowerCase(Locale.ROOT));
    }

    private static Arbitrary<String> names() {
        Arbitrary<String> known = Arbitraries.of("userName", "name", "familyName", "emails", "type", "value",
                "primary", "display", "$ref", "meta", "lastModified", "x509Certificates", "employeeNumber", "id");
        Arbitrary<String> random = Combinators.combine(
                Arbitraries.strings().alpha().withChars('$').ofLength(1),
                Arbitraries.strings().alpha().numeric().withChars("-_").ofMaxLength(8)).as(String::concat);
        Arbitrary<String> keywordLike = Arbitraries.of(KEYWORDS).map(k -> k.toUpperCase(Locale.ROOT));
        return Arbitraries.oneOf(List.of(known, random, random, keywordLike));
    }

    private static Arbitrary<String> schemas() {
        Arbitrary<String> known = Arbitraries.of("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group");
        Arbitrary<String> segment = Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("", "", ".0", "-x", "_y", "2.0")).as(String::concat);
        Arbitrary<String> random = segment.list().ofMinSize(1).ofMaxSize(4).map(s -> "urn:" + String.join(":", s));
        return Arbitraries.oneOf(List.of(known, random));
    }

    private static Arbitrary<FilterValue> values() {
        Arbitrary<FilterValue> strings = stringValues().map(FilterValue::of);
        Arbitrary<FilterValue> longs = Arbitraries.longs().map(l -> FilterValue.of(l.longValue()));
        Arbitrary<FilterValue> decimals = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)),
                Arbitraries.integers().between(-30, 30))
                .as((unscaled, scale) -> FilterValue.of(new BigDecimal(unscaled, scale)));
        Arbitrary<FilterValue> literals = Arbitraries.of(FilterValue.of(true), FilterValue.of(false), FilterValue.NULL);
        return Arbitraries.oneOf(List.of(strings, strings, longs, decimals, literals));
    }

    private static Arbitrary<String> stringValues() {
        Arbitrary<String> piece = Arbitraries.oneOf(List.of(
                Arbitraries.strings().ascii().ofLength(1),
                Arbitraries.of("\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u00e9",
                        "\u2028", "\ufeff", " and ", " or ", "not (", ")", "]", "[", "\\u00e9", "\\\""),
                Arbitraries.integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp))),
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf),
                Arbitraries.chars().range('\u0080', '\ud7ff').map(String::valueOf)));
        return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    /** Inserts, deletes or replaces text at a position taken modulo the length of the text. */
    record Mutation(int kind, int at, String text) {
        String apply(String input) {
            if (kind == 0 || input.isEmpty()) {
                int i = at % (input.length() + 1);
                return input.substring(0, i) + text + input.substring(i);
            }
            int i = at % input.length();
            return input.substring(0, i) + (kind == 1 ? "" : text) + input.substring(i + 1);
        }
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
