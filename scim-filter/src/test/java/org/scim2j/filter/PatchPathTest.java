package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.eq;
import static org.scim2j.filter.Filter.ew;
import static org.scim2j.filter.Filter.pr;
import static org.scim2j.filter.Filter.valuePath;

/** The {@code path} of a PATCH operation, RFC 7644 §3.5.2: {@code PATH = attrPath / valuePath [subAttr]}. */
class PatchPathTest {

    private static final String MEMBER_ID = "2819c223-7f76-453a-919d-413861904646";
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static AttributePath attr(String name) {
        return AttributePath.of(name);
    }

    // RFC 7644 §3.5.2 (Figure 2 and the add / remove / replace examples of §3.5.2.1 to §3.5.2.3).
    static Stream<Arguments> rfc7644_3_5_2_examplePaths() {
        return Stream.of(
                arguments("members", new PatchPath(attr("members"), null, null)),
                arguments("name.familyName", new PatchPath(attr("name"), null, "familyName")),
                arguments("addresses[type eq \"work\"]",
                        new PatchPath(attr("addresses"), eq("type", "work"), null)),
                arguments("members[value eq \"" + MEMBER_ID + "\"]",
                        new PatchPath(attr("members"), eq("value", MEMBER_ID), null)),
                arguments("members[value eq \"" + MEMBER_ID + "\"].displayName",
                        new PatchPath(attr("members"), eq("value", MEMBER_ID), "displayName")),
                arguments("emails[type eq \"work\" and value ew \"example.com\"]",
                        new PatchPath(attr("emails"), and(eq("type", "work"), ew("value", "example.com")), null)),
                arguments("addresses[type eq \"work\"].streetAddress",
                        new PatchPath(attr("addresses"), eq("type", "work"), "streetAddress")),
                arguments("emails", new PatchPath(attr("emails"), null, null)),
                arguments("name.givenName", new PatchPath(attr("name"), null, "givenName")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_5_2_examplePaths(String input, PatchPath expected) {
        assertThat(PatchPath.parse(input)).isEqualTo(expected);
        assertThat(FilterParser.lenient().parsePatchPath(input)).isEqualTo(expected);
    }

    static Stream<Arguments> rfc7644_3_5_2_schemaQualifiedPaths() {
        return Stream.of(
                arguments(ENTERPRISE_USER + ":employeeNumber",
                        new PatchPath(new AttributePath(ENTERPRISE_USER, "employeeNumber", null), null, null)),
                arguments(ENTERPRISE_USER + ":manager.value",
                        new PatchPath(new AttributePath(ENTERPRISE_USER, "manager", null), null, "value")),
                arguments(CORE_USER + ":name.givenName",
                        new PatchPath(new AttributePath(CORE_USER, "name", null), null, "givenName")),
                arguments(CORE_USER + ":emails[type eq \"work\"].value",
                        new PatchPath(new AttributePath(CORE_USER, "emails", null), eq("type", "work"), "value")),
                arguments("members[value eq \"1\"].$ref",
                        new PatchPath(attr("members"), eq("value", "1"), "$ref")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void rfc7644_3_5_2_schemaQualifiedPaths(String input, PatchPath expected) {
        assertThat(PatchPath.parse(input)).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_subAttributeAfterValueFilter() {
        PatchPath path = PatchPath.parse("emails[type eq \"work\"].value");
        assertThat(path.attribute()).isEqualTo(attr("emails"));
        assertThat(path.valueFilter()).isEqualTo(eq("type", "work"));
        assertThat(path.subAttribute()).isEqualTo("value");
        assertThat(path.hasValueFilter()).isTrue();
        assertThat(path.attributePath()).isEqualTo(AttributePath.parse("emails.value"));
    }

    @Test
    void rfc7644_3_5_2_dottedPathSplitsIntoAttributeAndSubAttribute() {
        PatchPath path = PatchPath.parse("name.givenName");
        assertThat(path.attribute()).isEqualTo(attr("name"));
        assertThat(path.attribute().hasSubAttribute()).isFalse();
        assertThat(path.valueFilter()).isNull();
        assertThat(path.hasValueFilter()).isFalse();
        assertThat(path.subAttribute()).isEqualTo("givenName");
        assertThat(path.attributePath()).isEqualTo(AttributePath.parse("name.givenName"));
    }

    @Test
    void valueFilterIsAFullFilter() {
        assertThat(PatchPath.parse("emails[type EQ \"work\" or (primary eq true and not (display pr))]").valueFilter())
                .isEqualTo(Filter.or(eq("type", "work"),
                        and(eq("primary", FilterValue.of(true)), Filter.not(pr("display")))));
    }

    @Test
    void lenientPatchPathAcceptsUnquotedValues() {
        assertThat(FilterParser.lenient().parsePatchPath("emails[type eq work].value"))
                .isEqualTo(new PatchPath(attr("emails"), eq("type", "work"), "value"));
    }

    static Stream<Arguments> invalidPatchPaths() {
        return Stream.of(
                arguments("", 0, "unexpected end of input"),
                arguments("emails[type eq \"work\"].value.display", 22, "unexpected '.value.display'"),
                arguments("emails.value[type eq \"work\"]", 6, "not to the sub-attribute"),
                arguments("name.givenName.x", 14, "at most one sub-attribute"),
                arguments("emails[]", 7, "unexpected ']'"),
                arguments("emails[type eq \"work\"", 21, "unexpected end of input"),
                arguments("emails[type eq \"work\"]]", 22, "unexpected ']'"),
                arguments("emails[type eq \"work\"] and x pr", 23, "unexpected 'and'"),
                arguments("emails[type eq \"work\"].", 22, "unexpected '.'"),
                arguments("emails[type eq \"work\" and x[y pr]]", 26, "cannot contain another value filter"),
                arguments("emails[type eq\"work\"]", 14, "expected a space"),
                arguments("emails[type eq work]", 15, "must be quoted"),
                arguments("name.givenName x", 15, "unexpected 'x'"),
                arguments("title pr", 6, "unexpected 'pr'"),
                arguments("(emails)", 0, "unexpected '('"),
                arguments("1emails", 0, "unexpected '1emails'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void invalidPatchPaths(String input, int position, String reasonFragment) {
        Throwable thrown = catchThrowable(() -> PatchPath.parse(input));
        assertThat(thrown).isInstanceOf(FilterParseException.class);
        FilterParseException e = (FilterParseException) thrown;
        assertThat(e.input()).isEqualTo(input);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.reason()).contains(reasonFragment);
        assertThat(e).hasMessage("at " + position + ": " + e.reason());
    }

    @Test
    void patchPathRejectsSubAttributeInsideAttribute() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PatchPath(AttributePath.parse("name.givenName"), null, null));
    }

    @Test
    void patchPathRejectsNestedValuePath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PatchPath(attr("emails"), valuePath("x", pr("y")), null));
    }

    @Test
    void patchPathRejectsInvalidSubAttribute() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PatchPath(attr("emails"), null, "a.b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PatchPath(attr("emails"), null, "1x"));
    }

    @Test
    void patchPathRespectsTheParserLimits() {
        FilterParser shortLimit = FilterParser.strict().withMaxLength(8);
        Throwable tooLong = catchThrowable(() -> shortLimit.parsePatchPath("name.givenName"));
        assertThat(tooLong).isInstanceOf(FilterParseException.class);
        assertThat(((FilterParseException) tooLong).position()).isEqualTo(8);
        Throwable tooDeep = catchThrowable(() -> FilterParser.strict().withMaxDepth(1)
                .parsePatchPath("emails[(type eq \"work\")]"));
        assertThat(tooDeep).isInstanceOf(FilterParseException.class);
        assertThat(((FilterParseException) tooDeep).position()).isEqualTo(7);
    }
}
