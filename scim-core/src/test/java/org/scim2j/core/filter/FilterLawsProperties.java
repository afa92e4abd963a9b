package org.scim2j.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.core.Generators.deviceFilters;
import static org.scim2j.core.Generators.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.Fixtures;
import org.scim2j.filter.Pbt;
import org.scim2j.filter.Filter;

/** Boolean laws of filter evaluation (RFC 7644 §3.4.2.2) over generated devices and filters ({@code Generators}). */
class FilterLawsProperties {

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(Fixtures.REGISTRY);

    private static boolean eval(Filter f, ObjectNode resource) {
        return EVALUATOR.matches(f, Fixtures.DEVICE_TYPE, resource);
    }

    @Test
    void andOrNotAreTheBooleanOperatorsOverTheirOperands() {
        Pbt.qt(300).forAll(deviceFilters(), deviceFilters(), devices(true)).checkAssert((a, b, device) -> {
            boolean x = eval(a, device);
            boolean y = eval(b, device);
            assertThat(eval(Filter.and(a, b), device)).isEqualTo(x && y);
            assertThat(eval(Filter.or(a, b), device)).isEqualTo(x || y);
            assertThat(eval(Filter.not(a), device)).isEqualTo(!x);
        });
    }

    @Test
    void deMorganAndDoubleNegationHold() {
        Pbt.qt(300).forAll(deviceFilters(), deviceFilters(), devices(true)).checkAssert((a, b, device) -> {
            assertThat(eval(Filter.not(Filter.and(a, b)), device))
                    .isEqualTo(eval(Filter.or(Filter.not(a), Filter.not(b)), device));
            assertThat(eval(Filter.not(Filter.or(a, b)), device))
                    .isEqualTo(eval(Filter.and(Filter.not(a), Filter.not(b)), device));
            assertThat(eval(Filter.not(Filter.not(a)), device)).isEqualTo(eval(a, device));
            assertThat(eval(Filter.and(a, b), device)).isEqualTo(eval(Filter.and(b, a), device));
            assertThat(eval(Filter.or(a, b), device)).isEqualTo(eval(Filter.or(b, a), device));
        });
    }

    @Test
    void onPresentSingleValuedAttributesComplementaryOperatorsAreNegations() {
        Pbt.qt(300).forAll(devices(false)).checkAssert(FilterLawsProperties::complementaryOperatorsAreNegations);
    }

    private static void complementaryOperatorsAreNegations(ObjectNode device) {
        String[][] complements = {
            {"label eq \"alpha\"", "label ne \"alpha\""},
            {"serial eq \"alpha\"", "serial ne \"alpha\""},
            {"label gt \"beta\"", "label le \"beta\""},
            {"ports lt 1", "ports ge 1"},
            {"weight gt 1", "weight le 1.0"},
            {"installed ge \"2024-01-01T10:00:00Z\"", "installed lt \"2024-01-01T11:00:00+01:00\""},
            {"enabled eq true", "enabled ne true"},
            {"label eq null", "label pr"},
        };
        for (String[] pair : complements) {
            boolean first = eval(Filter.parse(pair[0]), device);
            boolean second = eval(Filter.parse(pair[1]), device);
            assertThat(first).as("%s vs %s on %s", pair[0], pair[1], device).isNotEqualTo(second);
        }
    }
}
