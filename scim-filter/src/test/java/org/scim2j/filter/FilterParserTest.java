package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.co;
import static org.scim2j.filter.Filter.eq;
import static org.scim2j.filter.Filter.ew;
import static org.scim2j.filter.Filter.ge;
import static org.scim2j.filter.Filter.gt;
import static org.scim2j.filter.Filter.le;
import static org.scim2j.filter.Filter.lt;
import static org.scim2j.filter.Filter.ne;
import static org.scim2j.filter.Filter.not;
import static org.scim2j.filter.Filter.or;
import static org.scim2j.filter.Filter.pr;
import static org.scim2j.filter.Filter.sw;
import static org.scim2j.filter.Filter.valuePath;

/**
 * Valid filters, each compared with the <em>whole</em> expected AST built with the {@link Filter} builders. Invalid
 * filters are in {@link InvalidFilterTest}, PATCH paths in {@link PatchPathTest}.
 */
class FilterParserTest {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final FilterValue LAST_MODIFIED = FilterValue.of("2011-05-13T04:42:34Z");

    private static Filter parse(String filter) {
        return Filter.parse(filter);
    }

    private static FilterValue num(String json) {
        return FilterValue.of(new BigDecimal(json));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2: the example filters after Table 3, in the order the RFC lists them.

    static Stream<Arguments> rfc7644_3_4_2_2_examples() {
        return Stream.of(
                arguments("userName Eq \"john\"", eq("userName", "john")),
                // "attribute names and attribute operators used in filters are case insensitive": the AST keeps the
                // spelling, resolving it against a schema is scim-core's job.
                arguments("Username eq \"john\"", eq("Username", "john")),
                arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
                arguments("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")),
                arguments("userName sw \"J\"", sw("userName", "J")),
                arguments(CORE_USER + ":userName sw \"J\"",
                        new Comparison(new AttributePath(CORE_USER, "userName", null), CompareOp.SW,
                                FilterValue.of("J"))),
                arguments("title pr", pr("title")),
                arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"", gt("meta.lastModified", LAST_MODIFIED)),
                arguments("meta.lastModified ge \"2011-05-13T04:42:34Z\"", ge("meta.lastModified", LAST_MODIFIED)),
                arguments("meta.lastModified lt \"2011-05-13T04:42:34Z\"", lt("meta.lastModified", LAST_MODIFIED)),
                arguments("meta.lastModified le \"2011-05-13T04:42:34Z\"", le("meta.lastModified", LAST_MODIFIED)),
                arguments("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                arguments("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                arguments("schemas eq \"" + ENTERPRISE_USER + "\"", eq("schemas", ENTERPRISE_USER)),
                arguments("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(co("emails", "example.com"), co("emails.value", "example.org")))),
                arguments("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co "
                                + "\"example.org\")",
                        and(ne("userType", "Employee"),
                                not(or(co("emails", "example.com"), co("emails.value", "example.org"))))),
                // Parentheses around a single comparison group nothing and leave no trace in the AST.
                arguments("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), eq("emails.type", "work"))),
                arguments("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                valuePath("emails", and(eq("type", "work"), co("value", "@example.com"))))),
                arguments("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co "
                                + "\"@foo.com\"]",
                        or(valuePath("emails", and(eq("type", "work"), co("value", "@example.com"))),
                                valuePath("ims", and(eq("type", "xmpp"), co("value", "@foo.com"))))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_examples(String input, Filter expected) {
        assertThat(parse(input)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2 Table 3: every operator.

    static Stream<Arguments> rfc7644_3_4_2_2_everyOperator() {
        return Stream.of(
                arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
                arguments("userName ne \"bjensen\"", ne("userName", "bjensen")),
                arguments("displayName co \"Jen\"", co("displayName", "Jen")),
                arguments("displayName sw \"Bar\"", sw("displayName", "Bar")),
                arguments("displayName ew \"sen\"", ew("displayName", "sen")),
                arguments("meta.version gt 3", gt("meta.version", FilterValue.of(3))),
                arguments("meta.version ge 3", ge("meta.version", FilterValue.of(3))),
                arguments("meta.version lt 3", lt("meta.version", FilterValue.of(3))),
                arguments("meta.version le 3", le("meta.version", FilterValue.of(3))),
                arguments("active eq true", eq("active", FilterValue.of(true))),
                arguments("active ne false", ne("active", FilterValue.of(false))),
                arguments("nickName eq null", eq("nickName", FilterValue.NULL)),
                arguments("nickName pr", pr("nickName")),
                arguments("x co \"\"", co("x", "")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_everyOperator(String input, Filter expected) {
        assertThat(parse(input)).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_4_2_2_everyCompareOpIsRecognised() {
        for (CompareOp op : CompareOp.values()) {
            assertThat(parse("x " + op.token() + " 1"))
                    .as(op.token())
                    .isEqualTo(Filter.compare("x", op, FilterValue.of(1)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2: "Attribute names and attribute operators used in filters are case insensitive"; the
    // keywords and literals are too.

    static Stream<Arguments> rfc7644_3_4_2_2_operatorsAndKeywordsAreCaseInsensitive() {
        return Stream.of(
                arguments("userName EQ \"x\"", eq("userName", "x")),
                arguments("userName Eq \"x\"", eq("userName", "x")),
                arguments("userName eQ \"x\"", eq("userName", "x")),
                arguments("userName NE \"x\"", ne("userName", "x")),
                arguments("userName Co \"x\"", co("userName", "x")),
                arguments("userName SW \"x\"", sw("userName", "x")),
                arguments("userName eW \"x\"", ew("userName", "x")),
                arguments("x GT 1", gt("x", FilterValue.of(1))),
                arguments("x Ge 1", ge("x", FilterValue.of(1))),
                arguments("x lT 1", lt("x", FilterValue.of(1))),
                arguments("x LE 1", le("x", FilterValue.of(1))),
                arguments("title PR", pr("title")),
                arguments("title Pr", pr("title")),
                arguments("a pr AND b pr", and(pr("a"), pr("b"))),
                arguments("a pr aNd b pr", and(pr("a"), pr("b"))),
                arguments("a pr Or b pr", or(pr("a"), pr("b"))),
                arguments("a pr OR b pr", or(pr("a"), pr("b"))),
                arguments("NOT (a pr)", not(pr("a"))),
                arguments("Not (a pr)", not(pr("a"))),
                arguments("active eq TRUE", eq("active", FilterValue.of(true))),
                arguments("active eq True", eq("active", FilterValue.of(true))),
                arguments("active eq FALSE", eq("active", FilterValue.of(false))),
                arguments("nickName eq Null", eq("nickName", FilterValue.NULL)),
                arguments("nickName eq NULL", eq("nickName", FilterValue.NULL)),
                arguments("x eq 1E3", eq("x", num("1e3"))),
                arguments("a PR AND b Pr OR NOT (c pr)", or(and(pr("a"), pr("b")), not(pr("c")))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_operatorsAndKeywordsAreCaseInsensitive(String input, Filter expected) {
        assertThat(parse(input)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2 precedence: "not" binds tighter than "and", which binds tighter than "or"; parentheses group.

    static Stream<Arguments> rfc7644_3_4_2_2_precedence() {
        return Stream.of(
                arguments("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                arguments("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and b pr or c pr and d pr", or(and(pr("a"), pr("b")), and(pr("c"), pr("d")))),
                arguments("a pr or b pr and c pr or d pr", or(pr("a"), and(pr("b"), pr("c")), pr("d"))),
                arguments("not (a pr) and b pr", and(not(pr("a")), pr("b"))),
                arguments("not (a pr) or b pr and c pr", or(not(pr("a")), and(pr("b"), pr("c")))),
                arguments("a pr and not (b pr or c pr)", and(pr("a"), not(or(pr("b"), pr("c"))))),
                arguments("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
                arguments("(a pr and b pr) or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                arguments("not (a pr and b pr)", not(and(pr("a"), pr("b")))),
                arguments("a pr and b pr and c pr", and(pr("a"), pr("b"), pr("c"))),
                arguments("a pr or b pr or c pr", or(pr("a"), pr("b"), pr("c"))),
                arguments("(a pr and b pr) and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and (b pr and c pr)", and(pr("a"), and(pr("b"), pr("c")))),
                arguments("(a pr or b pr) or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                arguments("((a pr))", pr("a")),
                arguments("(a pr or b pr)", or(pr("a"), pr("b"))),
                arguments("not (not (a pr))", not(not(pr("a")))),
                arguments("emails[type eq \"work\" or primary eq true] and title pr",
                        and(valuePath("emails", or(eq("type", "work"), eq("primary", FilterValue.of(true)))),
                                pr("title"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_precedence(String input, Filter expected) {
        assertThat(parse(input)).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_4_2_2_andBindsTighterThanOr() {
        assertThat(parse("title pr or email pr and userType pr"))
                .isEqualTo(new Or(List.of(pr("title"), new And(List.of(pr("email"), pr("userType"))))));
        assertThat(parse("title pr and email pr or userType pr"))
                .isEqualTo(new Or(List.of(new And(List.of(pr("title"), pr("email"))), pr("userType"))));
    }

    @Test
    void rfc7644_3_4_2_2_notBindsTighterThanAnd() {
        assertThat(parse("not (a pr) and b pr")).isEqualTo(new And(List.of(new Not(pr("a")), pr("b"))));
    }

    @Test
    void unparenthesisedChainIsOneNaryNode() {
        Filter chain = parse("a pr and b pr and c pr and d pr");
        assertThat(chain).isInstanceOf(And.class);
        assertThat(((And) chain).operands()).containsExactly(pr("a"), pr("b"), pr("c"), pr("d"));
    }

    @Test
    void parenthesesThatChangeGroupingAreKeptAsNesting() {
        assertThat(parse("(a pr and b pr) and c pr")).isNotEqualTo(parse("a pr and b pr and c pr"));
        assertThat(parse("(a pr and b pr) or c pr")).isEqualTo(parse("a pr and b pr or c pr"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2 compValue = false / null / true / number / string (RFC 7159 JSON literals).

    static Stream<Arguments> rfc7644_3_4_2_2_jsonLiterals() {
        return Stream.of(
                arguments("x eq true", FilterValue.of(true)),
                arguments("x eq false", FilterValue.of(false)),
                arguments("x eq null", FilterValue.NULL),
                arguments("x eq 0", FilterValue.of(0)),
                arguments("x eq -0", FilterValue.of(0)),
                arguments("x eq 7", FilterValue.of(7)),
                arguments("x eq 42", FilterValue.of(42)),
                arguments("x eq -42", FilterValue.of(-42)),
                arguments("x eq 9223372036854775807", FilterValue.of(Long.MAX_VALUE)),
                arguments("x eq 123456789012345678901234567890", num("123456789012345678901234567890")),
                arguments("x eq 3.14", num("3.14")),
                arguments("x eq -0.5", num("-0.5")),
                arguments("x eq 0.1", num("0.1")),
                arguments("x eq 1.50", num("1.50")),
                arguments("x eq 1e3", num("1e3")),
                arguments("x eq 1E3", num("1E3")),
                arguments("x eq 1e+3", num("1e+3")),
                arguments("x eq 1E-3", num("1E-3")),
                arguments("x eq -1.5e-10", num("-1.5e-10")),
                arguments("x eq 2.5E+20", num("2.5E+20")),
                arguments("x eq 0e0", num("0e0")),
                arguments("x eq \"\"", FilterValue.of("")),
                arguments("x eq \"plain\"", FilterValue.of("plain")),
                arguments("x eq \"O'Malley\"", FilterValue.of("O'Malley")),
                arguments("x eq \"a\\\"b\"", FilterValue.of("a\"b")),
                arguments("x eq \"a\\\\b\"", FilterValue.of("a\\b")),
                arguments("x eq \"a\\/b\"", FilterValue.of("a/b")),
                arguments("x eq \"a/b\"", FilterValue.of("a/b")),
                arguments("x eq \"a\\bb\"", FilterValue.of("a\bb")),
                arguments("x eq \"a\\fb\"", FilterValue.of("a\fb")),
                arguments("x eq \"a\\nb\"", FilterValue.of("a\nb")),
                arguments("x eq \"a\\rb\"", FilterValue.of("a\rb")),
                arguments("x eq \"a\\tb\"", FilterValue.of("a\tb")),
                arguments("x eq \"\\u00e9\"", FilterValue.of("\u00e9")),
                arguments("x eq \"\\u00E9\"", FilterValue.of("\u00e9")),
                arguments("x eq \"\\u0000\"", FilterValue.of("\u0000")),
                arguments("x eq \"\\ud83d\\ude00\"", FilterValue.of("\ud83d\ude00")),
                arguments("x eq \"\ud83d\ude00\"", FilterValue.of("\ud83d\ude00")),
                arguments("x eq \"caf\u00e9 \u4e2d\u6587\"", FilterValue.of("caf\u00e9 \u4e2d\u6587")),
                arguments("x eq \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"",
                        FilterValue.of("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00")),
                // Filter syntax inside a string is just text.
                arguments("x eq \"a pr and (b) or not [c] eq \\\"d\\\"\"",
                        FilterValue.of("a pr and (b) or not [c] eq \"d\"")),
                arguments("x eq \"true\"", FilterValue.of("true")),
                arguments("x eq \"1\"", FilterValue.of("1")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_jsonLiterals(String input, FilterValue expected) {
        assertThat(parse(input)).isEqualTo(eq("x", expected));
    }

    @Test
    void rfc7644_3_4_2_2_numbersKeepTheirExactDecimalValue() {
        FilterValue oneFifty = ((Comparison) parse("x eq 1.50")).value();
        assertThat(oneFifty).isInstanceOf(FilterValue.NumberValue.class);
        BigDecimal value = ((FilterValue.NumberValue) oneFifty).value();
        assertThat(value.unscaledValue()).hasToString("150");
        assertThat(value.scale()).isEqualTo(2);

        // 1.0 and 1 are different literals; 0.1 is exactly one tenth, not the nearest double.
        assertThat(parse("x eq 1.0")).isNotEqualTo(parse("x eq 1"));
        assertThat(((FilterValue.NumberValue) ((Comparison) parse("x eq 0.1")).value()).value())
                .isEqualTo(new BigDecimal("0.1"))
                .isNotEqualTo(new BigDecimal(0.1));
        assertThat(((FilterValue.NumberValue) ((Comparison) parse("x eq 1e-400")).value()).value())
                .isEqualTo(BigDecimal.ONE.scaleByPowerOfTen(-400));
    }

    @Test
    void rfc7644_3_4_2_2_stringsAreNotNumbersOrKeywords() {
        assertThat(parse("x eq \"1\"")).isNotEqualTo(parse("x eq 1"));
        assertThat(parse("x eq \"true\"")).isNotEqualTo(parse("x eq true"));
        assertThat(parse("x eq \"null\"")).isNotEqualTo(parse("x eq null"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.10 / RFC 7643 §2.1: attribute paths, with schema URN prefixes, sub-attributes and "$ref".

    static Stream<Arguments> rfc7644_3_10_attributePaths() {
        return Stream.of(
                arguments("userName", new AttributePath(null, "userName", null)),
                arguments("name.familyName", new AttributePath(null, "name", "familyName")),
                arguments("$ref", new AttributePath(null, "$ref", null)),
                arguments("members.$ref", new AttributePath(null, "members", "$ref")),
                arguments("x509Certificates.value", new AttributePath(null, "x509Certificates", "value")),
                arguments("a_b-c", new AttributePath(null, "a_b-c", null)),
                arguments(ENTERPRISE_USER + ":employeeNumber",
                        new AttributePath(ENTERPRISE_USER, "employeeNumber", null)),
                arguments(ENTERPRISE_USER + ":manager.value", new AttributePath(ENTERPRISE_USER, "manager", "value")),
                arguments(ENTERPRISE_USER + ":manager.$ref", new AttributePath(ENTERPRISE_USER, "manager", "$ref")),
                arguments(CORE_USER + ":name.familyName", new AttributePath(CORE_USER, "name", "familyName")),
                arguments(CORE_USER + ":userName", new AttributePath(CORE_USER, "userName", null)),
                arguments("urn:ietf:params:scim:schemas:core:2.0:Group:members.value",
                        new AttributePath("urn:ietf:params:scim:schemas:core:2.0:Group", "members", "value")),
                arguments("urn:example:x-y_z:v1.2:Custom:field",
                        new AttributePath("urn:example:x-y_z:v1.2:Custom", "field", null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_10_attributePaths(String path, AttributePath expected) {
        assertThat(parse(path + " pr")).isEqualTo(new Presence(expected));
        assertThat(parse(path + " eq 1")).isEqualTo(new Comparison(expected, CompareOp.EQ, FilterValue.of(1)));
        assertThat(AttributePath.parse(path)).isEqualTo(expected);
        assertThat(FilterParser.strict().parseAttributePath(path)).isEqualTo(expected);
        assertThat(expected).hasToString(path);
    }

    @Test
    void rfc7644_3_10_schemaIsSplitAtTheLastColonAndSubAttributeAtTheDot() {
        AttributePath path = AttributePath.parse(CORE_USER + ":name.familyName");
        assertThat(path.schema()).isEqualTo(CORE_USER);
        assertThat(path.name()).isEqualTo("name");
        assertThat(path.subAttribute()).isEqualTo("familyName");
        assertThat(path.hasSubAttribute()).isTrue();
        assertThat(path.withoutSchema()).isEqualTo(new AttributePath(null, "name", "familyName"));
        assertThat(path.withSubAttribute(null)).isEqualTo(new AttributePath(CORE_USER, "name", null));
        assertThat(AttributePath.of("emails").withSubAttribute("value")).isEqualTo(AttributePath.parse("emails.value"));
    }

    @Test
    void rfc7644_3_4_2_2_valuePathWithSchemaQualifiedAttribute() {
        assertThat(parse(ENTERPRISE_USER + ":manager[value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"]"))
                .isEqualTo(new ValuePath(new AttributePath(ENTERPRISE_USER, "manager", null),
                        eq("value", "26118915-6090-4610-87e4-49d8ca9f808d")));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Whitespace: the strict parser requires the spaces RFC 7644 requires, and tolerates more (and tabs, newlines).

    static Stream<Arguments> extraWhitespaceIsTolerated() {
        return Stream.of(
                arguments("  userName   eq    \"x\"  ", eq("userName", "x")),
                arguments("userName\teq\t\"x\"", eq("userName", "x")),
                arguments("a pr\r\nand\nb pr", and(pr("a"), pr("b"))),
                arguments("( a pr )", pr("a")),
                arguments("not  ( a pr )", not(pr("a"))),
                arguments("not(a pr)", not(pr("a"))),
                arguments("emails[ type eq \"w\" ]", valuePath("emails", eq("type", "w"))),
                arguments("emails [type eq \"w\"]", valuePath("emails", eq("type", "w"))),
                arguments("(a pr)   or   (b pr)", or(pr("a"), pr("b"))),
                arguments("\ta pr\t", pr("a")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void extraWhitespaceIsTolerated(String input, Filter expected) {
        assertThat(parse(input)).isEqualTo(expected);
    }

    @Test
    void strictAndLenientParsersAgreeOnValidFilters() {
        String text = "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]";
        assertThat(FilterParser.lenient().parse(text)).isEqualTo(FilterParser.strict().parse(text));
        assertThat(FilterParser.strict().isLenient()).isFalse();
        assertThat(FilterParser.lenient().isLenient()).isTrue();
        assertThat(FilterParser.strict().withLenient(true).parse("x eq y")).isEqualTo(eq("x", "y"));
    }

    @Test
    void parserConfigurationIsImmutable() {
        FilterParser strict = FilterParser.strict();
        FilterParser tight = strict.withMaxLength(64).withMaxDepth(4);
        assertThat(tight.maxLength()).isEqualTo(64);
        assertThat(tight.maxDepth()).isEqualTo(4);
        assertThat(strict.maxLength()).isEqualTo(FilterParser.DEFAULT_MAX_LENGTH);
        assertThat(strict.maxDepth()).isEqualTo(FilterParser.DEFAULT_MAX_DEPTH);
        assertThat(tight).hasToString("FilterParser[strict, maxLength=64, maxDepth=4]");
    }

    @Test
    void deepNestingWithinTheConfiguredLimitParses() {
        // 200 levels need well under 512 KiB of stack; deeper limits depend on the caller's thread stack (next test).
        FilterParser deep = FilterParser.strict().withMaxDepth(200);
        Filter nested = pr("a");
        for (int i = 0; i < 200; i++) {
            nested = not(nested);
        }
        assertThat(deep.parse("not (".repeat(200) + "a pr" + ")".repeat(200))).isEqualTo(nested);
        assertThat(deep.parse("(".repeat(200) + "a pr" + ")".repeat(200))).isEqualTo(pr("a"));
        assertThat(deep.parse("(".repeat(199) + "emails[type eq \"w\"]" + ")".repeat(199)))
                .isEqualTo(valuePath("emails", eq("type", "w")));
    }

    @Test
    void stackOverflowOnASmallThreadStackBecomesAParseError() throws InterruptedException {
        String deep = "(".repeat(1000) + "a pr" + ")".repeat(1000);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Runnable parse = () -> {
            try {
                outcome.set(FilterParser.strict().withMaxDepth(1000).parse(deep));
            } catch (Throwable t) {
                outcome.set(t);
            }
        };
        // The stack size is a hint: where the platform ignores it the parse may succeed, which is also correct.
        Thread small = new Thread(null, parse, "small-stack-parser", 128 * 1024);
        small.start();
        small.join();
        if (outcome.get() instanceof Throwable thrown) {
            assertThat(thrown).isInstanceOf(FilterParseException.class);
            FilterParseException e = (FilterParseException) thrown;
            assertThat(e.position()).isZero();
            assertThat(e.reason()).isEqualTo("nested too deeply to parse");
        } else {
            assertThat(outcome.get()).isEqualTo(pr("a"));
        }
    }

    @Test
    void parserIsSafeToShareBetweenThreads() throws Exception {
        List<String> inputs = List.of(
                "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                "a pr or b pr and not (c pr)", "x eq -1.5e-10", "userName eq \"john\"#", "x eq \"a\\qb\"",
                "not a pr", "emails[type eq \"w\"].value eq \"x\"", "(a pr", "x eq 01");
        FilterParser parser = FilterParser.strict();
        List<String> expected = inputs.stream().map(input -> outcome(parser, input)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                tasks.add(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        int k = (i + offset) % inputs.size();
                        String actual = outcome(parser, inputs.get(k));
                        if (!actual.equals(expected.get(k))) {
                            mismatches.add(inputs.get(k) + " -> " + actual);
                        }
                    }
                    return mismatches;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(FilterParser parser, String input) {
        try {
            return "ok " + parser.parse(input);
        } catch (FilterParseException e) {
            return "error " + e.getMessage();
        }
    }

    @Test
    void longChainsParseIntoOneNode() {
        String text = "a pr" + " and a pr".repeat(1999);
        Filter chain = FilterParser.strict().withMaxLength(text.length()).parse(text);
        assertThat(((And) chain).operands()).hasSize(2000).containsOnly(pr("a"));
    }
}
