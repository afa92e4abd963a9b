package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.co;
import static org.scim2j.filter.Filter.eq;
import static org.scim2j.filter.Filter.or;
import static org.scim2j.filter.Filter.pr;
import static org.scim2j.filter.Filter.valuePath;

/**
 * Every invalid filter is a {@link FilterParseException} that names the exact 0-based {@code char} position of the
 * offending character ({@code input.length()} when the text ends too early) and why.
 */
class InvalidFilterTest {

    private static FilterParseException parseError(FilterParser parser, String input) {
        Throwable thrown = catchThrowable(() -> parser.parse(input));
        assertThat(thrown).as("parsing %s", input).isInstanceOf(FilterParseException.class);
        return (FilterParseException) thrown;
    }

    private static void assertRejected(FilterParser parser, String input, int position, String reasonFragment) {
        FilterParseException e = parseError(parser, input);
        assertThat(e.input()).isEqualTo(input);
        assertThat(e.position()).as("position of the error in %s (%s)", input, e.reason()).isEqualTo(position);
        assertThat(e.reason()).contains(reasonFragment);
        assertThat(e).hasMessage("at " + position + ": " + e.reason());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7644 §3.4.2.2 grammar violations, strict parser: input, position, fragment of the reason.

    static Stream<Arguments> rfc7644_3_4_2_2_rejectsWithPosition() {
        return Stream.of(
                // Trailing garbage: the lexer's error is not lost on the console (scimple's verified gap).
                arguments("userName eq \"john\"#", 18, "unexpected '#'; expected 'and', 'or' or end of input"),
                arguments("a eq \"x\" b pr", 9, "unexpected 'b'"),
                arguments("a pr pr", 5, "unexpected 'pr'"),
                arguments("a eq true false", 10, "unexpected 'false'"),
                arguments("a pr not (b pr)", 5, "unexpected 'not'"),
                arguments("emails[type eq \"w\"] pr", 20, "unexpected 'pr'"),
                // Strings must be quoted, and the strict parser requires the spaces of the ABNF.
                arguments("userName eq john", 12, "string values must be quoted"),
                arguments("userName eq\"john\"", 11, "expected a space before '\"john\"'"),
                arguments("(a pr)and(b pr)", 6, "expected a space before 'and'"),
                arguments("a pr and(b pr)", 8, "expected a space after 'and'"),
                arguments("a pr or(b pr)", 7, "expected a space after 'or'"),
                arguments("a eq \"x\"or b pr", 8, "expected a space before 'or'"),
                arguments("value eq a@b.com", 9, "string values must be quoted"),
                // Empty and missing parts.
                arguments("", 0, "unexpected end of input; expected an attribute path, 'not' or '('"),
                arguments("   ", 3, "unexpected end of input"),
                arguments("userName eq", 11, "unexpected end of input; expected a value"),
                arguments("userName eq and b pr", 12, "unexpected 'and'; expected a value"),
                arguments("userName \"john\"", 9, "a comparison operator"),
                arguments("userName", 8, "unexpected end of input"),
                arguments("and a pr", 0, "unexpected 'and'"),
                arguments("or a pr", 0, "unexpected 'or'"),
                arguments("a pr and", 8, "unexpected end of input; expected an attribute path"),
                arguments("a pr and or b pr", 9, "unexpected 'or'"),
                arguments("title pr and userType eq \"Employee\" or", 38, "unexpected end of input"),
                // "not" needs parentheses (RFC 7644: "not" "(" valFilter ")").
                arguments("not a pr", 4, "unexpected 'a'; expected '('"),
                arguments("not", 3, "unexpected end of input; expected '('"),
                // Unbalanced parentheses and brackets.
                arguments("(a pr", 5, "unexpected end of input; expected 'and', 'or' or ')'"),
                arguments("((a pr)", 7, "expected 'and', 'or' or ')'"),
                arguments("a pr)", 4, "unexpected ')'"),
                arguments("()", 1, "unexpected ')'"),
                arguments(")", 0, "unexpected ')'"),
                arguments("emails[type eq \"w\"", 18, "unexpected end of input; expected 'and', 'or' or ']'"),
                arguments("emails[type eq \"w\"]]", 19, "unexpected ']'"),
                arguments("emails[type eq \"w\")", 18, "unexpected ')'"),
                arguments("emails type eq \"w\"]", 7, "unexpected 'type'"),
                arguments("a[]", 2, "unexpected ']'"),
                arguments("[a pr]", 0, "unexpected '['"),
                // Value paths: no nesting, no sub-attribute on the attribute, no ".sub" after ']' in a filter.
                arguments("emails[type eq \"work\" and x[y pr]]", 26, "cannot contain another value filter"),
                arguments("emails[x[y pr]]", 7, "cannot contain another value filter"),
                arguments("emails[type eq \"w\"].value eq \"x\"", 19, "cannot be followed by a sub-attribute"),
                arguments("name.familyName[x pr]", 4, "not to the sub-attribute 'name.familyName'"),
                // Attribute paths.
                arguments("a.b.c pr", 3, "at most one sub-attribute"),
                arguments("a$b pr", 1, "invalid character '$'"),
                arguments("urn:a: pr", 6, "expected attribute name"),
                arguments("urn::a pr", 3, "invalid schema URN"),
                arguments("urn:a.:b pr", 5, "invalid schema URN"),
                arguments("1a pr", 0, "unexpected '1a'"),
                arguments("-a pr", 0, "unexpected '-a'"),
                arguments("a. pr", 2, "expected sub-attribute name"),
                arguments("userName# eq \"x\"", 0, "unexpected 'userName#'"),
                // Strings (RFC 8259 §7).
                arguments("x eq \"abc", 5, "unterminated string"),
                arguments("x eq \"", 5, "unterminated string"),
                arguments("x eq \"a\\qb\"", 7, "invalid escape sequence"),
                arguments("x eq \"\\U00e9\"", 6, "invalid escape sequence"),
                arguments("x eq \"\\u12\"", 6, "invalid escape sequence"),
                arguments("x eq \"\\u00g9\"", 6, "invalid escape sequence"),
                arguments("x eq \"\\'\"", 6, "invalid escape sequence"),
                arguments("x eq \"ab\\", 8, "invalid escape sequence"),
                arguments("x eq \"a\u0001b\"", 7, "control character U+0001 must be escaped"),
                arguments("x eq \"a\tb\"", 7, "control character U+0009"),
                arguments("x eq \"a\nb\"", 7, "control character U+000A"),
                arguments("x eq \"\u0000\"", 6, "control character U+0000"),
                arguments("x eq \"\u001f\"", 6, "control character U+001F"),
                arguments("x eq 'single'", 5, "must be quoted"),
                // Numbers (RFC 8259 §6).
                arguments("x eq 01", 5, "invalid number '01' (JSON numbers have no leading zeros"),
                arguments("x eq -01", 5, "no leading zeros"),
                arguments("x eq 00.5", 5, "no leading zeros"),
                arguments("x eq 1.", 5, "invalid number '1.' (not a JSON number"),
                arguments("x eq 1e", 5, "invalid number '1e'"),
                arguments("x eq 1e+", 5, "invalid number '1e+'"),
                arguments("x eq -", 5, "invalid number '-'"),
                arguments("x eq 1.5.5", 5, "invalid number"),
                arguments("x eq 0x10", 5, "invalid number"),
                arguments("x eq +1", 5, "must be quoted"),
                arguments("x eq .5", 5, "must be quoted"),
                arguments("x eq 1e99999999999", 5, "number out of range"),
                // Positions count chars: a surrogate pair (one code point, as ANTLR counts) is two.
                arguments("x eq \"\ud83d\ude00\"#", 9, "unexpected '#'"),
                arguments("x eq \"\ud83d\ude00\" and a.b.c pr", 17, "at most one sub-attribute"),
                arguments("x eq \"\ud83d\ude00\ud83d\ude00\" and y eq ja", 21, "must be quoted"),
                arguments("x eq \"\ud83d\ude00\" and y eq 01", 19, "no leading zeros"),
                arguments("x eq \"\ud83d\ude00\" and y eq \"a\\q\"", 21, "invalid escape"),
                arguments("x eq \"\ud83d\ude00\" and y eq \"a", 19, "unterminated string"),
                arguments("\ud83d\ude00 pr", 0, "unexpected '\ud83d\ude00'"),
                arguments("x eq \"\ud83d\ude00\" and \ud83d\ude00 pr", 14, "unexpected '\ud83d\ude00'"),
                // RFC 8259 §8.2: half of a surrogate pair, escaped or raw, is no Unicode text; the whole literal
                arguments("x eq \"a\\ud800\"", 5, "not valid Unicode"),
                arguments("x eq \"\\udfffa\" or y pr", 5, "half of a surrogate pair (U+DFFF)"),
                arguments("x eq \"a\ud800\"", 5, "not valid Unicode"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_4_2_2_rejectsWithPosition(String input, int position, String reasonFragment) {
        assertRejected(FilterParser.strict(), input, position, reasonFragment);
    }

    @Test
    void staticParseIsTheStrictParser() {
        Throwable thrown = catchThrowable(() -> Filter.parse("userName eq john"));
        assertThat(thrown).isInstanceOf(FilterParseException.class);
        assertThat(((FilterParseException) thrown).position()).isEqualTo(12);
    }

    @Test
    void strictMessageForUnquotedValueMentionsTheLenientParser() {
        FilterParseException e = parseError(FilterParser.strict(), "externalId eq jyoung");
        assertThat(e.position()).isEqualTo(14);
        assertThat(e.getMessage()).isEqualTo(
                "at 14: string values must be quoted: \"jyoung\" (the lenient parser accepts unquoted values)");
        assertThat(parseError(FilterParser.strict(), "value eq a@b.com").getMessage()).contains("lenient parser");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Lenient parser: unquoted strings and missing spaces, but the same errors for everything else.

    static Stream<Arguments> lenientParserAcceptsCommonMistakes() {
        return Stream.of(
                arguments("externalId eq jyoung", eq("externalId", "jyoung")),
                arguments("value eq a@b.com", eq("value", "a@b.com")),
                arguments("(a pr)and(b pr)", and(pr("a"), pr("b"))),
                arguments("a pr or(b pr)", or(pr("a"), pr("b"))),
                arguments("userName eq\"john\"", eq("userName", "john")),
                arguments("a eq \"x\"or b pr", or(eq("a", "x"), pr("b"))),
                arguments("title pr and userType eq Employee", and(pr("title"), eq("userType", "Employee"))),
                arguments("emails[type eq work]", valuePath("emails", eq("type", "work"))),
                arguments("x eq urn:a:b.c", eq("x", "urn:a:b.c")),
                // An unquoted value that is not a JSON number is a string, not an error.
                arguments("x eq 01", eq("x", "01")),
                // JSON literals keep their meaning.
                arguments("x eq true", eq("x", FilterValue.of(true))),
                arguments("x eq 10", eq("x", FilterValue.of(10))),
                // Entra ID's matching filter (IDP-TRAFFIC §4 #26): a value path followed by a sub-attribute test
                arguments("emails[type eq \"work\"].value eq \"user@contoso.com\"",
                        valuePath("emails", and(eq("type", "work"), eq("value", "user@contoso.com")))),
                arguments("emails[type eq \"work\" and primary eq true].value pr",
                        valuePath("emails", and(eq("type", "work"), eq("primary", FilterValue.of(true)), pr("value")))),
                arguments("emails[type eq \"work\" or type eq \"home\"].Value co \"@x\"",
                        valuePath("emails", and(or(eq("type", "work"), eq("type", "home")), co("Value", "@x")))),
                arguments("addresses[type eq work].locality eq Paris and userName pr",
                        and(valuePath("addresses", and(eq("type", "work"), eq("locality", "Paris"))), pr("userName"))));
    }

    @Test
    void strictParserRefusesAValuePathFollowedByASubAttributeTestWithItsPositionAndTheRfcForm() {
        FilterParseException e = parseError(FilterParser.strict(), "emails[type eq \"work\"].value eq \"x\"");
        assertThat(e.position()).isEqualTo(22);
        assertThat(e.reason()).contains("cannot be followed by a sub-attribute")
                .contains("emails[type eq \"work\" and value eq \"x\"]")
                .contains("lenient parser");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void lenientParserAcceptsCommonMistakes(String input, Filter expected) {
        assertThat(FilterParser.lenient().parse(input)).isEqualTo(expected);
    }

    static Stream<Arguments> lenientParserStillRejectsBrokenFilters() {
        return Stream.of(
                arguments("userName eq \"john\"#", 18, "unexpected '#'"),
                arguments("x eq \"abc", 5, "unterminated string"),
                arguments("x eq \"a\\qb\"", 7, "invalid escape sequence"),
                arguments("a.b.c pr", 3, "at most one sub-attribute"),
                arguments("not a pr", 4, "expected '('"),
                arguments("userName eq", 11, "unexpected end of input"),
                arguments("emails[type eq w and x[y pr]]", 21, "cannot contain another value filter"),
                arguments("emails[type eq w].value.x eq y", 17, "unexpected '.value.x'"),
                arguments("emails[type eq w].value", 23, "unexpected end of input"),
                arguments("a eq b c", 7, "unexpected 'c'"),
                arguments("", 0, "unexpected end of input"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void lenientParserStillRejectsBrokenFilters(String input, int position, String reasonFragment) {
        assertRejected(FilterParser.lenient(), input, position, reasonFragment);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Limits: length and nesting are checked before ANTLR runs.

    @Test
    void deeplyNestedInputFailsFastAtTheDepthLimit() {
        String parens = "(".repeat(100_000);
        FilterParser parser = FilterParser.strict().withMaxLength(200_000);
        FilterParseException e = parseError(parser, parens);
        assertThat(e.position()).isEqualTo(FilterParser.DEFAULT_MAX_DEPTH);
        assertThat(e.reason()).isEqualTo("nested deeper than the limit of 32 levels");
        assertThat(e.input()).isSameAs(parens);
    }

    @Test
    void deeplyNestedInputFailsAtTheHighestDepthLimitToo() {
        String parens = "(".repeat(100_000);
        FilterParseException e = parseError(FilterParser.strict().withMaxLength(200_000).withMaxDepth(1000), parens);
        assertThat(e.position()).isEqualTo(1000);
        assertThat(e.reason()).contains("nested deeper than the limit of 1000 levels");
    }

    @Test
    void depthLimitCountsParenthesesAndBrackets() {
        FilterParser shallow = FilterParser.strict().withMaxDepth(2);
        assertThat(shallow.parse("((a pr))")).isEqualTo(pr("a"));
        assertThat(shallow.parse("(emails[type eq \"w\"])")).isEqualTo(valuePath("emails", eq("type", "w")));
        assertRejected(shallow, "(((a pr)))", 2, "nested deeper than the limit of 2 levels");
        assertRejected(shallow, "((emails[type eq \"w\"]))", 8, "nested deeper");
        assertRejected(shallow, "not (not (not (a pr)))", 14, "nested deeper");
    }

    @Test
    void depthLimitIgnoresBracketsInsideStrings() {
        String value = "((((([[[[[".repeat(10) + "\\\"((((";
        assertThat(Filter.parse("x eq \"" + value + "\"")).isEqualTo(eq("x", value.replace("\\\"", "\"")));
    }

    @Test
    void overLengthInputIsRejectedAtTheLimit() {
        String longFilter = "a pr" + " and a pr".repeat(2000);
        assertThat(longFilter.length()).isGreaterThan(FilterParser.DEFAULT_MAX_LENGTH);
        FilterParseException e = parseError(FilterParser.strict(), longFilter);
        assertThat(e.position()).isEqualTo(FilterParser.DEFAULT_MAX_LENGTH);
        assertThat(e.reason()).isEqualTo("longer than the limit of 16384 characters");

        assertRejected(FilterParser.strict().withMaxLength(10), "userName eq \"john\"", 10, "longer than the limit");
        assertThat(FilterParser.strict().withMaxLength(18).parse("userName eq \"john\"")).isEqualTo(eq("userName",
                "john"));

        Throwable pathTooLong = catchThrowable(() -> FilterParser.strict().withMaxLength(4).parseAttributePath("name"
                + ".givenName"));
        assertThat(pathTooLong).isInstanceOf(FilterParseException.class);
        assertThat(((FilterParseException) pathTooLong).position()).isEqualTo(4);
    }

    @Test
    void limitsMustBeSane() {
        assertThatIllegalArgumentException().isThrownBy(() -> FilterParser.strict().withMaxLength(0));
        assertThatIllegalArgumentException().isThrownBy(() -> FilterParser.strict().withMaxDepth(0));
        assertThatIllegalArgumentException().isThrownBy(() -> FilterParser.strict().withMaxDepth(1001));
    }

    @Test
    void nullIsAProgrammingErrorNotAParseError() {
        assertThatNullPointerException().isThrownBy(() -> Filter.parse(null));
        assertThatNullPointerException().isThrownBy(() -> PatchPath.parse(null));
        assertThatNullPointerException().isThrownBy(() -> AttributePath.parse(null));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Attribute paths parsed on their own.

    static Stream<Arguments> invalidAttributePaths() {
        return Stream.of(
                arguments("", 0, "expected an attribute path"),
                arguments("a.b.c", 3, "at most one sub-attribute"),
                arguments("name.", 5, "expected sub-attribute name"),
                arguments("1a", 0, "invalid character '1'"),
                arguments("a b", 1, "invalid character ' '"),
                arguments("urn:x::a", 5, "invalid schema URN"),
                arguments("urn:x:", 6, "expected attribute name"),
                arguments("a pr", 1, "invalid character ' '"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void invalidAttributePaths(String input, int position, String reasonFragment) {
        Throwable thrown = catchThrowable(() -> AttributePath.parse(input));
        assertThat(thrown).isInstanceOf(FilterParseException.class);
        FilterParseException e = (FilterParseException) thrown;
        assertThat(e.input()).isEqualTo(input);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.reason()).contains(reasonFragment);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ANTLR's ConsoleErrorListener is removed from lexer and parser: errors are exceptions, never console output.

    @Test
    void invalidFilterPrintsNothing() {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Throwable thrown;
        Throwable brokenString;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            thrown = catchThrowable(() -> Filter.parse("userName eq \"john\"#"));
            brokenString = catchThrowable(() -> FilterParser.lenient().parse("x eq \"a\u0001 and ) ] ( #"));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertThat(thrown).isInstanceOf(FilterParseException.class);
        assertThat(((FilterParseException) thrown).position()).isEqualTo(18);
        assertThat(brokenString).isInstanceOf(FilterParseException.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
