package org.scim2j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.scim2j.core.Generators.offsetDateTimes;

import org.junit.jupiter.api.Test;
import org.scim2j.filter.Pbt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** The allocation-free dateTime reader agrees with java.time on RFC 3339 text (RFC 7643 §2.3.5). */
class DateTimesProperties {

    /** A date and a time without an offset, which the reader takes as UTC. */
    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");

    @Test
    void readsTheSameInstantAsJavaTime() {
        Pbt.qt(1000).forAll(offsetDateTimes()).checkAssert(time -> {
            String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            long second = time.toEpochSecond();
            int nano = time.getNano();
            assertThat(DateTimes.parse(text)).as(text).isEqualTo(time.toInstant());
            assertThat(DateTimes.compare(text, second, nano)).isZero();
            assertThat(DateTimes.compare(text, second + 1, nano)).isNegative();
        });
    }

    /**
     * Every prefix of a dateTime is rejected unless it is itself a date and time without offset (read as UTC), and
     * an offset written with '-' instead of ':' is rejected.
     */
    @Test
    void rejectsTextThatIsNotADateTime() {
        Pbt.qt(200).forAll(offsetDateTimes(), integers().between(0, 40)).checkAssert((time, at) -> {
            String valid = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String prefix = valid.substring(0, Math.min(at, valid.length() - 1));
            Instant expected = LOCAL.matcher(prefix).matches()
                    ? LocalDateTime.parse(prefix).toInstant(ZoneOffset.UTC) : null;
            assertThat(DateTimes.parse(prefix)).as(prefix).isEqualTo(expected);
            if (!valid.endsWith("Z")) {
                String dashed = valid.substring(0, valid.length() - 3) + "-" + valid.substring(valid.length() - 2);
                assertThat(DateTimes.parse(dashed)).as(dashed).isNull();
            }
        });
    }

    @Test
    void rejectsImpossibleDatesAndAcceptsRfc3339Variants() {
        assertThat(DateTimes.parse("2011-05-1x04:42:34Z")).isNull();
        assertThat(DateTimes.parse("2011-02-29T00:00:00Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:60Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:34.Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:34+2:00")).isNull();
        assertThat(DateTimes.parse("2012-02-29T24:00:00Z")).isNull();
        assertThat(DateTimes.parse("2012-02-29t00:00:00z")).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
        assertThat(DateTimes.parse("2012-02-29T00:00:00")).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
        assertThat(DateTimes.parse("2011-05-13T04:42:34.123+02-00")).isNull();
    }
}
