package org.scim2j.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.core.Fixtures;
import org.scim2j.core.Generators;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;

import java.util.ArrayList;
import java.util.List;

/** Boolean laws of filter evaluation (RFC 7644 §3.4.2.2) over generated devices and filters. */
class FilterLawsProperties {

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(Fixtures.REGISTRY);

    private static boolean eval(Filter f, ObjectNode resource) {
        return EVALUATOR.matches(f, Fixtures.DEVICE_TYPE, resource);
    }

    /** Atomic comparisons on every attribute type, with literals drawn from the generators' value domains. */
    @Provide
    Arbitrary<Filter> atoms() {
        List<Filter> atoms = new ArrayList<>();
        for (String label : List.of("alpha", "Beta", "")) {
            for (String op : List.of("eq", "ne", "co", "sw", "ew", "gt", "le")) {
                atoms.add(Filter.parse("label " + op + " " + FilterValue.of(label)));
                atoms.add(Filter.parse("serial " + op + " " + FilterValue.of(label)));
                atoms.add(Filter.parse("tags " + op + " " + FilterValue.of(label)));
            }
        }
        for (String op : List.of("eq", "ne", "gt", "ge", "lt", "le")) {
            atoms.add(Filter.parse("ports " + op + " 1"));
            atoms.add(Filter.parse("weight " + op + " 1.00"));
            atoms.add(Filter.parse("installed " + op + " \"2024-01-01T11:00:00+01:00\""));
            atoms.add(Filter.parse("location.floor " + op + " 0"));
        }
        for (String attribute : List.of("label", "ports", "weight", "enabled", "installed", "tags", "location")) {
            atoms.add(Filter.parse(attribute + " pr"));
        }
        atoms.add(Filter.parse("enabled eq true"));
        atoms.add(Filter.parse("enabled ne false"));
        atoms.add(Filter.parse("location[building sw \"a\" and floor gt 0]"));
        return Arbitraries.of(atoms);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return Arbitraries.recursive(this::atoms, inner -> Arbitraries.oneOf(
                inner,
                inner.map(Filter::not),
                net.jqwik.api.Combinators.combine(inner, inner).as(Filter::and),
                net.jqwik.api.Combinators.combine(inner, inner).as(Filter::or)), 0, 3);
    }

    @Provide
    Arbitrary<ObjectNode> messyDevices() {
        return Generators.devices(true);
    }

    @Provide
    Arbitrary<ObjectNode> completeDevices() {
        return Generators.devices(false);
    }

    @Property(tries = 300)
    void andOrNotAreTheBooleanOperatorsOverTheirOperands(@ForAll("filters") Filter a, @ForAll("filters") Filter b,
                                                         @ForAll("messyDevices") ObjectNode device) {
        boolean x = eval(a, device);
        boolean y = eval(b, device);
        assertThat(eval(Filter.and(a, b), device)).isEqualTo(x && y);
        assertThat(eval(Filter.or(a, b), device)).isEqualTo(x || y);
        assertThat(eval(Filter.not(a), device)).isEqualTo(!x);
    }

    @Property(tries = 300)
    void deMorganAndDoubleNegationHold(@ForAll("filters") Filter a, @ForAll("filters") Filter b,
                                       @ForAll("messyDevices") ObjectNode device) {
        assertThat(eval(Filter.not(Filter.and(a, b)), device))
                .isEqualTo(eval(Filter.or(Filter.not(a), Filter.not(b)), device));
        assertThat(eval(Filter.not(Filter.or(a, b)), device))
                .isEqualTo(eval(Filter.and(Filter.not(a), Filter.not(b)), device));
        assertThat(eval(Filter.not(Filter.not(a)), device)).isEqualTo(eval(a, device));
        assertThat(eval(Filter.and(a, b), device)).isEqualTo(eval(Filter.and(b, a), device));
        assertThat(eval(Filter.or(a, b), device)).isEqualTo(eval(Filter.or(b, a), device));
    }

    @Property(tries = 300)
    void onPresentSingleValuedAttributesComplementaryOperatorsAreNegations(
            @ForAll("completeDevices") ObjectNode device) {
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
