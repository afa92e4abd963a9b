package org.scim2j.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.Pbt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.filter.Pbt.listsOf;
import static org.scim2j.filter.Pbt.oneOf;

/**
 * Generators of SCIM values and of Device resources (see {@link Fixtures#DEVICE_TYPE}) with small value domains, so
 * that generated resources often tie and generated filters often match; and of filters over those devices.
 */
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
    public static Gen<ObjectNode> devices(boolean messy) {
        Gen<String> labels = Generate.pick(LABELS);
        Gen<Integer> ports = integers().between(-3, 3);
        Gen<BigDecimal> weights = Generate.pick(NUMBERS);
        Gen<Boolean> booleans = Generate.booleans();
        Gen<String> instants = Generate.pick(INSTANTS);
        Gen<List<String>> tagLists = listsOf(labels, 0, 3);
        Gen<List<Integer>> shapes = listsOf(messy ? integers().between(0, 3) : Generate.constant(0), 7, 7);
        return in -> {
            String l = labels.generate(in);
            String s = labels.generate(in);
            int p = ports.generate(in);
            BigDecimal w = weights.generate(in);
            boolean e = booleans.generate(in);
            String i = instants.generate(in);
            List<String> t = tagLists.generate(in);
            List<Integer> sh = shapes.generate(in);
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
        };
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

    /**
     * Atomic filters on every attribute type of a device, with literals from the devices' value domains: comparisons
     * with every operator that applies, presence tests, and a value filter on the complex attribute.
     */
    public static Gen<Filter> deviceAtoms() {
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
        return Generate.pick(atoms);
    }

    /** {@link #deviceAtoms()} under zero to three levels of {@code not}, {@code and} and {@code or}. */
    public static Gen<Filter> deviceFilters() {
        List<Gen<Filter>> byDepth = new ArrayList<>();
        byDepth.add(deviceAtoms());
        for (int depth = 1; depth <= 3; depth++) {
            Gen<Filter> inner = byDepth.get(depth - 1);
            byDepth.add(oneOf(inner, inner.map(Filter::not), inner.zip(inner, Filter::and),
                    inner.zip(inner, Filter::or)));
        }
        Gen<Integer> depths = integers().between(0, 3);
        return in -> byDepth.get(depths.generate(in)).generate(in);
    }

    /** Any BMP character outside the surrogate range, including controls, quotes and backslashes. */
    public static Gen<String> texts(int maxLength) {
        return Pbt.strings('\u0000', '\uD7FF', 0, maxLength);
    }

    /**
     * Date-times of RFC 7643 §2.3.5 between the years 1 and 9999, with any nanosecond and any offset of whole minutes
     * below 18 hours, as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} can print them.
     */
    public static Gen<OffsetDateTime> offsetDateTimes() {
        Gen<Long> seconds = longs().between(-62_135_596_800L, 253_402_300_799L);
        Gen<Integer> nanos = oneOf(Generate.constant(0), integers().between(0, 999).map(ms -> ms * 1_000_000),
                integers().between(0, 999_999_999));
        Gen<Integer> offsetMinutes = integers().between(-18 * 60 + 1, 18 * 60 - 1);
        Gen<OffsetDateTime> times = seconds.zip(nanos, offsetMinutes, (s, n, o) ->
                Instant.ofEpochSecond(s, n).atOffset(ZoneOffset.ofTotalSeconds(o * 60)));
        return Pbt.filtered(times, t -> t.getYear() >= 1 && t.getYear() <= 9999);
    }

    /**
     * dateTime text in the form nearly every SCIM client writes: {@code YYYY-MM-DDThh:mm:ss[.f{1,9}]} and {@code Z} or
     * {@code ±hh:mm} below 18 hours, {@code T} and {@code Z} in either case, years 0 to 9999, days valid for the month.
     */
    public static Gen<String> commonDateTimeTexts() {
        Gen<Integer> years = integers().between(0, 9999);
        Gen<Integer> months = integers().between(1, 12);
        Gen<Integer> days = integers().between(1, 31);
        Gen<Integer> hours = integers().between(0, 23);
        Gen<Integer> sixty = integers().between(0, 59);
        Gen<String> fractions = oneOf(Generate.constant(""), Pbt.strings("0123456789", 1, 9).map(f -> "." + f));
        Gen<String> numericOffsets = Pbt.pick("+", "-").zip(integers().between(0, 17), sixty,
                (sign, h, m) -> String.format(Locale.ROOT, "%s%02d:%02d", sign, h, m));
        Gen<String> offsets = oneOf(Pbt.pick("Z", "z", "+00:00", "-00:00"), numericOffsets);
        Gen<String> separators = Pbt.pick("T", "t");
        return in -> {
            int year = years.generate(in);
            int month = months.generate(in);
            int day = Math.min(days.generate(in), YearMonth.of(year, month).lengthOfMonth());
            return String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d%s%s", year, month, day,
                    separators.generate(in), hours.generate(in), sixty.generate(in), sixty.generate(in),
                    fractions.generate(in), offsets.generate(in));
        };
    }
}
