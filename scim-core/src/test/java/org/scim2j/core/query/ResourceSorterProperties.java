package org.scim2j.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.core.Fixtures;
import org.scim2j.core.Generators;
import org.scim2j.filter.AttributePath;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/** RFC 7644 §3.4.2.3 sorting is a total order consistent with equality of the sort key. */
class ResourceSorterProperties {

    @Provide
    Arbitrary<ObjectNode> devices() {
        return Generators.devices(true);
    }

    @Provide
    Arbitrary<String> sortBy() {
        return Arbitraries.of("label", "serial", "ports", "weight", "enabled", "installed", "tags", "location.floor",
                "location.building");
    }

    private static Comparator<JsonNode> comparator(String sortBy, SortOrder order) {
        return ResourceSorter.comparator(Fixtures.REGISTRY, Fixtures.DEVICE_TYPE, AttributePath.parse(sortBy), order);
    }

    @Property(tries = 500)
    void theOrderIsAntisymmetricAndTransitive(@ForAll("sortBy") String sortBy, @ForAll SortOrder order,
                                              @ForAll("devices") ObjectNode a, @ForAll("devices") ObjectNode b,
                                              @ForAll("devices") ObjectNode c) {
        Comparator<JsonNode> cmp = comparator(sortBy, order);
        assertThat(Integer.signum(cmp.compare(a, b))).isEqualTo(-Integer.signum(cmp.compare(b, a)));
        assertThat(cmp.compare(a, a.deepCopy())).isZero();
        if (cmp.compare(a, b) <= 0 && cmp.compare(b, c) <= 0) {
            assertThat(cmp.compare(a, c)).isLessThanOrEqualTo(0);
        }
        if (cmp.compare(a, b) == 0) {
            assertThat(Integer.signum(cmp.compare(a, c))).isEqualTo(Integer.signum(cmp.compare(b, c)));
        }
    }

    @Property(tries = 500)
    void resourcesTieExactlyWhenTheirSortKeysAreEqual(@ForAll("sortBy") String sortBy,
                                                      @ForAll("devices") ObjectNode a,
                                                      @ForAll("devices") ObjectNode b) {
        boolean tie = comparator(sortBy, SortOrder.ASCENDING).compare(a, b) == 0;
        assertThat(tie).isEqualTo(Objects.equals(modelKey(sortBy, a), modelKey(sortBy, b)));
    }

    @Property(tries = 200)
    void descendingIsTheReverseOfAscending(@ForAll("sortBy") String sortBy, @ForAll("devices") ObjectNode a,
                                           @ForAll("devices") ObjectNode b) {
        assertThat(Integer.signum(comparator(sortBy, SortOrder.DESCENDING).compare(a, b)))
                .isEqualTo(Integer.signum(comparator(sortBy, SortOrder.ASCENDING).compare(b, a)));
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

    @Property(tries = 50)
    void numbersCompareByValueNotScale(@ForAll("devices") ObjectNode a) {
        ObjectNode b = a.deepCopy();
        if (a.path("weight").isNumber()) {
            b.put("weight", a.get("weight").decimalValue().setScale(4));
            assertThat(comparator("weight", SortOrder.ASCENDING).compare(a, b)).isZero();
            assertThat(new BigDecimal("1.0000").compareTo(BigDecimal.ONE)).isZero();
        }
    }
}
