package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.filter.Filter.and;
import static org.scim2j.filter.Filter.eq;
import static org.scim2j.filter.Filter.not;
import static org.scim2j.filter.Filter.or;
import static org.scim2j.filter.Filter.pr;
import static org.scim2j.filter.Filter.valuePath;

/** The AST records and the builders the other tests use as expected values. */
class FilterAstTest {

    @Test
    void buildersBuildTheRecords() {
        AttributePath userName = new AttributePath(null, "userName", null);
        assertThat(eq("userName", "bjensen"))
                .isEqualTo(new Comparison(userName, CompareOp.EQ, new FilterValue.StringValue("bjensen")));
        assertThat(Filter.ne("userName", "x")).isEqualTo(new Comparison(userName, CompareOp.NE, FilterValue.of("x")));
        assertThat(Filter.co("userName", "x")).isEqualTo(new Comparison(userName, CompareOp.CO, FilterValue.of("x")));
        assertThat(Filter.sw("userName", "x")).isEqualTo(new Comparison(userName, CompareOp.SW, FilterValue.of("x")));
        assertThat(Filter.ew("userName", "x")).isEqualTo(new Comparison(userName, CompareOp.EW, FilterValue.of("x")));
        assertThat(Filter.gt("userName", FilterValue.of(1)))
                .isEqualTo(new Comparison(userName, CompareOp.GT, new FilterValue.NumberValue(BigDecimal.ONE)));
        assertThat(Filter.ge("userName", FilterValue.NULL))
                .isEqualTo(new Comparison(userName, CompareOp.GE, FilterValue.NullValue.INSTANCE));
        assertThat(Filter.lt("userName", FilterValue.of(true)))
                .isEqualTo(new Comparison(userName, CompareOp.LT, new FilterValue.BooleanValue(true)));
        assertThat(Filter.le("userName", FilterValue.of(false)))
                .isEqualTo(new Comparison(userName, CompareOp.LE, new FilterValue.BooleanValue(false)));
        assertThat(Filter.ne("userName", FilterValue.of(2)))
                .isEqualTo(Filter.compare("userName", CompareOp.NE, FilterValue.of(2)));
        assertThat(pr("name.givenName")).isEqualTo(new Presence(new AttributePath(null, "name", "givenName")));
        assertThat(and(pr("a"), pr("b"), pr("c"))).isEqualTo(new And(List.of(pr("a"), pr("b"), pr("c"))));
        assertThat(or(pr("a"), pr("b"))).isEqualTo(new Or(List.of(pr("a"), pr("b"))));
        assertThat(not(pr("a"))).isEqualTo(new Not(pr("a")));
        assertThat(valuePath("emails", pr("value")))
                .isEqualTo(new ValuePath(new AttributePath(null, "emails", null), pr("value")));
    }

    @Test
    void filterValuesHaveValueEquality() {
        assertThat(FilterValue.of("a")).isEqualTo(FilterValue.of("a")).isNotEqualTo(FilterValue.of("A"));
        assertThat(FilterValue.of(1)).isEqualTo(FilterValue.of(BigDecimal.ONE));
        assertThat(FilterValue.of(new BigDecimal("1.0"))).isNotEqualTo(FilterValue.of(1));
        assertThat(FilterValue.of(true)).isSameAs(FilterValue.of(true)).isNotEqualTo(FilterValue.of(false));
        assertThat(FilterValue.NULL).isNotEqualTo(FilterValue.of("null"));
        assertThatNullPointerException().isThrownBy(() -> FilterValue.of((String) null));
        assertThatNullPointerException().isThrownBy(() -> FilterValue.of((BigDecimal) null));
    }

    @Test
    void andAndOrCopyTheirOperands() {
        List<Filter> operands = new ArrayList<>(List.of(pr("a"), pr("b")));
        And and = new And(operands);
        operands.add(pr("c"));
        assertThat(and.operands()).containsExactly(pr("a"), pr("b"));
        assertThatThrownBy(() -> and.operands().add(pr("d"))).isInstanceOf(UnsupportedOperationException.class);
        Or or = new Or(operands);
        operands.clear();
        assertThat(or.operands()).hasSize(3);
    }

    @Test
    void andAndOrNeedTwoOperands() {
        assertThatIllegalArgumentException().isThrownBy(() -> new And(List.of(pr("a"))))
                .withMessageContaining("at least two");
        assertThatIllegalArgumentException().isThrownBy(() -> new Or(List.of()))
                .withMessageContaining("at least two");
    }

    @Test
    void nodesRejectNullParts() {
        AttributePath a = AttributePath.of("a");
        assertThatNullPointerException().isThrownBy(() -> new Comparison(null, CompareOp.EQ, FilterValue.NULL));
        assertThatNullPointerException().isThrownBy(() -> new Comparison(a, null, FilterValue.NULL));
        assertThatNullPointerException().isThrownBy(() -> new Comparison(a, CompareOp.EQ, null));
        assertThatNullPointerException().isThrownBy(() -> new Presence(null));
        assertThatNullPointerException().isThrownBy(() -> new Not(null));
        assertThatNullPointerException().isThrownBy(() -> new ValuePath(a, null));
        assertThatNullPointerException().isThrownBy(() -> and(pr("a"), null));
        assertThatNullPointerException().isThrownBy(() -> new And(java.util.Arrays.asList(pr("a"), null)));
    }

    @Test
    void rfc7644_3_4_2_2_valuePathHoldsNoValuePath() {
        Filter inner = valuePath("x", pr("y"));
        assertThatIllegalArgumentException().isThrownBy(() -> valuePath("emails", inner));
        assertThatIllegalArgumentException().isThrownBy(() -> valuePath("emails", and(pr("a"), not(inner))));
        assertThatIllegalArgumentException().isThrownBy(() -> valuePath("emails", or(pr("a"), inner)));
    }

    @Test
    void rfc7644_3_4_2_2_valuePathAppliesToAnAttributeWithoutSubAttribute() {
        assertThatIllegalArgumentException().isThrownBy(() -> valuePath("name.givenName", pr("x")))
                .withMessageContaining("name.givenName");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "1a", "-a", "a b", "a.b", "a:b", "a$", "\u00e9", "a\"", "a[", "_a"})
    void attributePathRejectsInvalidNames(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new AttributePath(null, name, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AttributePath(null, "a", name));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "1urn", "urn::x", "urn:x.", "urn:x-", "urn:$x", "urn:x y", "urn:x[", ":urn", "urn:x:",
        "urn:"})
    void attributePathRejectsInvalidSchemas(String schema) {
        assertThatIllegalArgumentException().isThrownBy(() -> new AttributePath(schema, "a", null));
    }

    @Test
    void attributePathRequiresAName() {
        assertThatNullPointerException().isThrownBy(() -> new AttributePath("urn:x", null, null));
    }

    @Test
    void compareOpKnowsItsTokenAndKind() {
        assertThat(CompareOp.GE.token()).isEqualTo("ge");
        assertThat(CompareOp.values()).filteredOn(CompareOp::isOrdering)
                .containsExactly(CompareOp.GT, CompareOp.GE, CompareOp.LT, CompareOp.LE);
        assertThat(CompareOp.values()).filteredOn(CompareOp::isSubstring)
                .containsExactly(CompareOp.CO, CompareOp.SW, CompareOp.EW);
    }

    @Test
    void visitorReachesEveryNodeKind() {
        Filter f = Filter.parse("a eq 1 and (b pr or not (c pr)) and emails[type eq \"w\"]");
        FilterVisitor<String> kinds = new FilterVisitor<>() {
            @Override
            public String visitComparison(Comparison filter) {
                return "Comparison(" + filter.path() + ")";
            }

            @Override
            public String visitPresence(Presence filter) {
                return "Presence(" + filter.path() + ")";
            }

            @Override
            public String visitAnd(And filter) {
                return "And" + filter.operands().stream().map(o -> o.accept(this)).toList();
            }

            @Override
            public String visitOr(Or filter) {
                return "Or" + filter.operands().stream().map(o -> o.accept(this)).toList();
            }

            @Override
            public String visitNot(Not filter) {
                return "Not(" + filter.filter().accept(this) + ")";
            }

            @Override
            public String visitValuePath(ValuePath filter) {
                return "ValuePath(" + filter.attribute() + ", " + filter.filter().accept(this) + ")";
            }
        };
        assertThat(f.accept(kinds)).isEqualTo(
                "And[Comparison(a), Or[Presence(b), Not(Presence(c))], ValuePath(emails, Comparison(type))]");
    }
}
