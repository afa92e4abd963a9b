package org.scim2j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The allocation-free dateTime reader agrees with java.time on RFC 3339 text (RFC 7643 §2.3.5). */
class DateTimesProperties {

    @Property(tries = 1000)
    void readsTheSameInstantAsJavaTime(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
                                       @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
                                       @ForAll @IntRange(min = -18 * 60 + 1, max = 18 * 60 - 1) int offsetMinutes) {
        OffsetDateTime time = Instant.ofEpochSecond(second, nano)
                .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        if (time.getYear() < 1 || time.getYear() > 9999) {
            return;
        }
        String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(DateTimes.parse(text)).as(text).isEqualTo(time.toInstant());
        assertThat(DateTimes.compare(text, second, nano)).isZero();
        assertThat(DateTimes.compare(text, second + 1, nano)).isNegative();
    }

    @Property(tries = 200)
    void rejectsTextThatIsNotADateTime(@ForAll @IntRange(min = 0, max = 18) int cut) {
        String valid = "2011-05-13T04:42:34.123+02:00";
        String broken = valid.substring(0, cut);
        assertThat(DateTimes.parse(broken)).isNull();
        assertThat(DateTimes.parse(valid.substring(0, 19) + valid.substring(19).replace(':', '-'))).isNull();
    }

    @Example
    void rejectsImpossibleDatesAndAcceptsRfc3339Variants() {
        assertThat(DateTimes.parse("2011-05-1x04:42:34Z")).isNull();
        assertThat(DateTimes.parse("2011-02-29T00:00:00Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:60Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:34.Z")).isNull();
        assertThat(DateTimes.parse("2011-05-13T04:42:34+2:00")).isNull();
        assertThat(DateTimes.parse("2012-02-29T24:00:00Z")).isNull();
        assertThat(DateTimes.parse("2012-02-29t00:00:00z")).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
        assertThat(DateTimes.parse("2012-02-29T00:00:00")).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
    }
}
