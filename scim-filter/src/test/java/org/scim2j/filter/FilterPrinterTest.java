package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.eq;
import static org.scim2j.filter.Filter.not;
import static org.scim2j.filter.Filter.or;
import static org.scim2j.filter.Filter.pr;
import static org.scim2j.filter.Filter.valuePath;

/**
 * {@code toString()} prints canonical filter text: lower-case operators and keywords, single spaces, JSON values and
 * parentheses only where the tree's grouping differs from what precedence gives.
 */
class FilterPrinterTest {

    static Stream<Arguments> printsCanonicalText() {
        return Stream.of(
                arguments(eq("userName", "bjensen"), "userName eq \"bjensen\""),
                arguments(pr("title"), "title pr"),
                arguments(Filter.ne("a", FilterValue.of(1)), "a ne 1"),
                arguments(Filter.co("a", "x"), "a co \"x\""),
                arguments(Filter.sw("a", "x"), "a sw \"x\""),
                arguments(Filter.ew("a", "x"), "a ew \"x\""),
                arguments(Filter.gt("a", FilterValue.of(1)), "a gt 1"),
                arguments(Filter.ge("a", FilterValue.of(1)), "a ge 1"),
                arguments(Filter.lt("a", FilterValue.of(1)), "a lt 1"),
                arguments(Filter.le("a", FilterValue.of(1)), "a le 1"),
                arguments(eq("active", FilterValue.of(true)), "active eq true"),
                arguments(eq("active", FilterValue.of(false)), "active eq false"),
                arguments(eq("nickName", FilterValue.NULL), "nickName eq null"),
                arguments(not(pr("a")), "not (a pr)"),
                arguments(valuePath("emails", eq("type", "work")), "emails[type eq \"work\"]"),
                arguments(new Presence(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name",
                        "familyName")), "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName pr"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void printsCanonicalText(Filter filter, String expected) {
        assertThat(filter).hasToString(expected);
        assertThat(Filter.parse(expected)).isEqualTo(filter);
    }

    // RFC 7644 §3.4.2.2 precedence decides where the printer needs parentheses.
    static Stream<Arguments> rfc7644_3_4_2_2_printsMinimalParentheses() {
        return Stream.of(
                arguments(or(pr("a"), and(pr("b"), pr("c"))), "a pr or b pr and c pr"),
                arguments(or(and(pr("a"), pr("b")), pr("c")), "a pr and b pr or c pr"),
                arguments(and(or(pr("a"), pr("b")), pr("c")), "(a pr or b pr) and c pr"),
                arguments(and(pr("a"), or(pr("b"), pr("c"))), "a pr and (b pr or c pr)"),
                arguments(and(and(pr("a"), pr("b")), pr("c")), "(a pr and b pr) and c pr"),
                arguments(and(pr("a"), and(pr("b"), pr("c"))), "a pr and (b pr and c pr)"),
                arguments(or(or(pr("a"), pr("b")), pr("c")), "(a pr or b pr) or c pr"),
                arguments(or(pr("a"), or(pr("b"), pr("c"))), "a pr or (b pr or c pr)"),
                arguments(and(pr("a"), pr("b"), pr("c")), "a pr and b pr and c pr"),
                arguments(or(pr("a"), pr("b"), pr("c")), "a pr or b pr or c pr"),
                arguments(and(not(pr("a")), pr("b")), "not (a pr) and b pr"),
                arguments(not(and(pr("a"), pr("b"))), "not (a pr and b pr)"),
                arguments(not(or(pr("a"), pr("b"))), "not (a pr or b pr)"),
                arguments(not(not(pr("a"))), "not (not (a pr))"),
                arguments(valuePath("emails", or(pr("a"), pr("b"))), "emails[a pr or b pr]"),
                arguments(and(pr("x"), valuePath("emails", or(pr("a"), pr("b")))), "x pr and emails[a pr or b pr]"),
                arguments(or(valuePath("emails", pr("a")), valuePath("ims", pr("b"))), "emails[a pr] or ims[b pr]"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void rfc7644_3_4_2_2_printsMinimalParentheses(Filter filter, String expected) {
        assertThat(filter).hasToString(expected);
        assertThat(Filter.parse(expected)).isEqualTo(filter);
    }

    static Stream<Arguments> normalisesCaseSpacesAndRedundantParentheses() {
        return Stream.of(
                arguments("userName EQ \"x\"", "userName eq \"x\""),
                arguments("  a   PR   AND   b Pr  ", "a pr and b pr"),
                arguments("NOT(a pr)", "not (a pr)"),
                arguments("((a pr))", "a pr"),
                arguments("(a pr and b pr) or c pr", "a pr and b pr or c pr"),
                arguments("a pr or (b pr and c pr)", "a pr or b pr and c pr"),
                arguments("x eq TRUE", "x eq true"),
                arguments("x eq Null", "x eq null"),
                arguments("x eq 1e3", "x eq 1E+3"),
                arguments("x eq 1.50", "x eq 1.50"),
                arguments("x eq -0", "x eq 0"),
                arguments("x eq \"\\u00e9\\/\"", "x eq \"\u00e9/\""),
                arguments("emails[ type eq \"w\" ]", "emails[type eq \"w\"]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void normalisesCaseSpacesAndRedundantParentheses(String input, String canonical) {
        Filter parsed = Filter.parse(input);
        assertThat(parsed).hasToString(canonical);
        assertThat(Filter.parse(canonical)).isEqualTo(parsed);
        assertThat(Filter.parse(canonical)).hasToString(canonical);
    }

    // RFC 8259 §7: the printer escapes exactly what JSON requires ('"', '\' and control characters).
    static Stream<Arguments> rfc8259_7_escapesStrings() {
        return Stream.of(
                arguments("plain", "\"plain\""),
                arguments("", "\"\""),
                arguments("a\"b", "\"a\\\"b\""),
                arguments("a\\b", "\"a\\\\b\""),
                arguments("a/b", "\"a/b\""),
                arguments("\b", "\"\\b\""),
                arguments("\f", "\"\\f\""),
                arguments("\n", "\"\\n\""),
                arguments("\r", "\"\\r\""),
                arguments("\t", "\"\\t\""),
                arguments("\u0000", "\"\\u0000\""),
                arguments("\u0001", "\"\\u0001\""),
                arguments("\u001f", "\"\\u001f\""),
                arguments("\u007f", "\"\u007f\""),
                arguments("\u00e9", "\"\u00e9\""),
                arguments("\u2028", "\"\u2028\""),
                arguments("\ud83d\ude00", "\"\ud83d\ude00\""),
                arguments("O'Malley", "\"O'Malley\""),
                arguments("say \"hi\"\\\n", "\"say \\\"hi\\\"\\\\\\n\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void rfc8259_7_escapesStrings(String value, String json) {
        assertThat(FilterValue.of(value)).hasToString(json);
        assertThat(eq("x", value)).hasToString("x eq " + json);
        assertThat(Filter.parse("x eq " + json)).isEqualTo(eq("x", value));
    }

    @Test
    void printsFilterValuesAsJson() {
        assertThat(FilterValue.of(true)).hasToString("true");
        assertThat(FilterValue.of(false)).hasToString("false");
        assertThat(FilterValue.NULL).hasToString("null");
        assertThat(FilterValue.of(42)).hasToString("42");
        assertThat(FilterValue.of(-7)).hasToString("-7");
        assertThat(FilterValue.of(Long.MIN_VALUE)).hasToString("-9223372036854775808");
        assertThat(FilterValue.of(new BigDecimal("1.50"))).hasToString("1.50");
        assertThat(FilterValue.of(new BigDecimal("1e3"))).hasToString("1E+3");
        assertThat(FilterValue.of(new BigDecimal("1E-7"))).hasToString("1E-7");
        assertThat(FilterValue.of(new BigDecimal("0.001"))).hasToString("0.001");
        assertThat(FilterValue.of("x")).hasToString("\"x\"");
    }

    @Test
    void printsAttributePaths() {
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        assertThat(AttributePath.of("userName")).hasToString("userName");
        assertThat(new AttributePath(null, "name", "familyName")).hasToString("name.familyName");
        assertThat(new AttributePath(enterprise, "employeeNumber", null))
                .hasToString(enterprise + ":employeeNumber");
        assertThat(new AttributePath(enterprise, "manager", "$ref")).hasToString(enterprise + ":manager.$ref");
        assertThat(AttributePath.of("members").withSubAttribute("value")).hasToString("members.value");
        assertThat(new AttributePath(enterprise, "manager", "value").withoutSchema()).hasToString("manager.value");
    }

    @Test
    void printsPatchPaths() {
        assertThat(new PatchPath(AttributePath.of("members"), null, null)).hasToString("members");
        assertThat(new PatchPath(AttributePath.of("name"), null, "givenName")).hasToString("name.givenName");
        assertThat(new PatchPath(AttributePath.of("emails"), eq("type", "work"), null))
                .hasToString("emails[type eq \"work\"]");
        assertThat(new PatchPath(AttributePath.of("emails"), and(eq("type", "work"), not(pr("primary"))), "value"))
                .hasToString("emails[type eq \"work\" and not (primary pr)].value");
        assertThat(new PatchPath(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "name", null), null,
                "givenName")).hasToString("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName");
    }

    @Test
    void everyNodeKindPrintsItself() {
        Filter f = Filter.parse("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co "
                + "\"example.org\") and not (title pr) and ims[type eq \"xmpp\"]");
        And and = (And) f;
        assertThat(and.operands()).extracting(Object::toString).containsExactly(
                "userType eq \"Employee\"",
                "emails co \"example.com\" or emails.value co \"example.org\"",
                "not (title pr)",
                "ims[type eq \"xmpp\"]");
        assertThat(f).hasToString("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co "
                + "\"example.org\") and not (title pr) and ims[type eq \"xmpp\"]");
    }
}
