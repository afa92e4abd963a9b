package org.scim2j.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.core.Generators.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.core.Fixtures;
import org.scim2j.filter.Pbt;
import org.scim2j.filter.AttributePath;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/** RFC 7644 §3.4.2.3 sorting is a total order consistent with equality of the sort key. */
class ResourceSorterProperties {

    /** A sort attribute of every type the devices have, single- and multi-valued, top-level and sub-attribute. */
    static Gen<String> sortBy() {
        return Pbt.pick("label", "serial", "ports", "weight", "enabled", "installed", "tags", "location.floor",
                "location.building");
    }

    /** A sortBy with a sortOrder. */
    record Sort(String by, SortOrder order) {
    }

    static Gen<Sort> sorts() {
        return sortBy().zip(Generate.enumValues(SortOrder.class), Sort::new);
    }

    private static Comparator<JsonNode> comparator(String sortBy, SortOrder order) {
        return ResourceSorter.comparator(Fixtures.REGISTRY, Fixtures.DEVICE_TYPE, AttributePath.parse(sortBy), order);
    }

    @Test
    void theOrderIsAntisymmetricAndTransitive() {
        Pbt.qt(500).forAll(sorts(), devices(true), devices(true), devices(true)).checkAssert((sort, a, b, c) -> {
            Comparator<JsonNode> cmp = comparator(sort.by(), sort.order());
            assertThat(Integer.signum(cmp.compare(a, b))).isEqualTo(-Integer.signum(cmp.compare(b, a)));
            assertThat(cmp.compare(a, a.deepCopy())).isZero();
            if (cmp.compare(a, b) <= 0 && cmp.compare(b, c) <= 0) {
                assertThat(cmp.compare(a, c)).isLessThanOrEqualTo(0);
            }
            if (cmp.compare(a, b) == 0) {
                assertThat(Integer.signum(cmp.compare(a, c))).isEqualTo(Integer.signum(cmp.compare(b, c)));
            }
        });
    }

    @Test
    void resourcesTieExactlyWhenTheirSortKeysAreEqual() {
        Pbt.qt(500).forAll(sortBy(), devices(true), devices(true)).checkAssert((sortBy, a, b) -> {
            boolean tie = comparator(sortBy, SortOrder.ASCENDING).compare(a, b) == 0;
            assertThat(tie).isEqualTo(Objects.equals(modelKey(sortBy, a), modelKey(sortBy, b)));
        });
    }

    @Test
    void descendingIsTheReverseOfAscending() {
        Pbt.qt(200).forAll(sortBy(), devices(true), devices(true)).checkAssert((sortBy, a, b) ->
                assertThat(Integer.signum(comparator(sortBy, SortOrder.DESCENDING).compare(a, b)))
                        .isEqualTo(Integer.signum(comparator(sortBy, SortOrder.ASCENDING).compare(b, a))));
    }

    /** An independent model of the sort key: null when absent or unusable. */
    private static Object modelKey(String sortBy, ObjectNode d) {
        JsonNode v = sortBy.startsWith("location.") ? d.path("location").path(sortBy.substring(9))
                : d.path(sortBy);
        if (sortBy.equals("tags")) {
            v = v.isArray() && v.size() > 0 ? v.get(0) : v;
            for (JsonNode tag : d.path("tags")) {
                if (!tag.asText().isEmpty()) {
                    v = tag;
                    break;
                }
            }
        }
        switch (sortBy) {
            case "label", "tags", "location.building":
                return v.isTextual() && !v.asText().isEmpty() ? v.asText().toUpperCase(Locale.ROOT)
                        .toLowerCase(Locale.ROOT) : null;
            case "serial":
                return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
            case "ports", "weight", "location.floor":
                return v.isNumber() ? v.decimalValue().stripTrailingZeros() : null;
            case "enabled":
                return v.isBoolean() ? v.booleanValue() : null;
            case "installed":
                return v.isTextual() ? OffsetDateTime.parse(v.asText()).toInstant() : null;
            default:
                throw new IllegalArgumentException(sortBy);
        }
    }

    /**
     * Decimal weights sort by value, as {@link BigDecimal#compareTo} does, whatever their scales: the same number
     * written with more zeros ties, any other number sorts as its value says.
     */
    @Test
    void numbersCompareByValueNotScale() {
        Gen<BigDecimal> decimals = longs().between(-1_000_000, 1_000_000)
                .zip(integers().between(-3, 6), BigDecimal::valueOf);
        Pbt.qt(200).forAll(decimals, decimals, integers().between(0, 6), devices(false))
                .checkAssert((x, y, moreZeros, device) -> {
                    Comparator<JsonNode> cmp = comparator("weight", SortOrder.ASCENDING);
                    ObjectNode a = device.deepCopy().put("weight", x);
                    ObjectNode sameValue = device.deepCopy().put("weight", x.setScale(x.scale() + moreZeros));
                    ObjectNode b = device.deepCopy().put("weight", y);
                    assertThat(cmp.compare(a, sameValue)).isZero();
                    assertThat(Integer.signum(cmp.compare(a, b))).isEqualTo(x.compareTo(y));
                });
    }
}
