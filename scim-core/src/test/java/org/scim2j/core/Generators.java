package org.scim2j.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.util.List;

/** jqwik generators of Device resources (see {@link Fixtures#DEVICE_TYPE}) with small value domains. */
public final class Generators {

    public static final List<String> LABELS = List.of("alpha", "Alpha", "ALPHA", "beta", "Beta", "gamma", "");
    public static final List<String> INSTANTS = List.of("2024-01-01T10:00:00Z", "2024-01-01T12:00:00+02:00",
            "2024-01-01T05:00:00-05:00", "2024-01-01T09:00:00Z", "2024-01-01T09:00:00.5Z", "2024-01-02T00:00:00Z");
    public static final List<BigDecimal> NUMBERS = List.of(new BigDecimal("1"), new BigDecimal("1.0"),
            new BigDecimal("2.5"), new BigDecimal("-1"), new BigDecimal("0"), new BigDecimal("10"));

    private Generators() {
    }

    /**
     * Devices whose single-valued attributes may be absent, null or of the wrong JSON type when {@code messy}, and
     * are always present and well typed otherwise.
     */
    public static Arbitrary<ObjectNode> devices(boolean messy) {
        Arbitrary<String> label = Arbitraries.of(LABELS);
        Arbitrary<String> serial = Arbitraries.of(LABELS);
        Arbitrary<Integer> ports = Arbitraries.integers().between(-3, 3);
        Arbitrary<BigDecimal> weight = Arbitraries.of(NUMBERS);
        Arbitrary<Boolean> enabled = Arbitraries.of(true, false);
        Arbitrary<String> installed = Arbitraries.of(INSTANTS);
        Arbitrary<List<String>> tags = Arbitraries.of(LABELS).list().ofMaxSize(3);
        Arbitrary<Integer> shape = messy ? Arbitraries.integers().between(0, 3) : Arbitraries.just(0);
        Arbitrary<List<Integer>> shapes = shape.list().ofSize(7);
        return Combinators.combine(label, serial, ports, weight, enabled, installed, tags, shapes)
                .as((l, s, p, w, e, i, t, sh) -> {
                    ObjectNode d = Fixtures.JSON.createObjectNode();
                    d.put("id", "d");
                    put(d, "label", sh.get(0), () -> d.put("label", l));
                    put(d, "serial", sh.get(1), () -> d.put("serial", s));
                    put(d, "ports", sh.get(2), () -> d.put("ports", p));
                    put(d, "weight", sh.get(3), () -> d.put("weight", w));
                    put(d, "enabled", sh.get(4), () -> d.put("enabled", e));
                    put(d, "installed", sh.get(5), () -> d.put("installed", i));
                    if (sh.get(6) != 1) {
                        ArrayNode array = d.putArray("tags");
                        t.forEach(array::add);
                    }
                    d.putObject("location").put("building", s).put("floor", p);
                    return d;
                });
    }

    /** shape 0: the value; 1: absent; 2: JSON null; 3: a value of the wrong JSON type. */
    private static void put(ObjectNode d, String name, int shape, Runnable value) {
        switch (shape) {
            case 0 -> value.run();
            case 2 -> d.putNull(name);
            case 3 -> d.putArray(name).addObject().put("x", 1);
            default -> {
            }
        }
    }
}
