package org.scim2j.core.schema;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scim2j.filter.Pbt;
import org.scim2j.core.internal.DateTimes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.core.Generators.commonDateTimeTexts;

/**
 * RFC 7643 §2.3.5: one reading of {@code dateTime} for every reader (JSON, PATCH values, filters and sorting in
 * memory, SQL bindings), and it agrees with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} wherever that formatter
 * reads a value.
 */
class ScimDateTimeProperties {

    /** What the formatter alone says, with RFC 3339's lower-case 'z' allowed. */
    private static Optional<OffsetDateTime> byFormatter(String text) {
        String t = text.strip();
        if (t.endsWith("z")) {
            t = t.substring(0, t.length() - 1) + 'Z';
        }
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void theCommonFormReadsAsTheFormatterReadsIt() {
        Pbt.qt(2000).forAll(commonDateTimeTexts()).checkAssert(text -> {
            assertThat(ScimDateTime.parse(text)).as(text).isEqualTo(byFormatter(text)).isPresent();
            assertThat(ScimDateTime.isValid(text)).isTrue();
        });
    }

    @Test
    void everyReaderAgreesOnAnyText() {
        Pbt.qt(3000).forAll(mutatedForms()).checkAssert(text -> {
            Optional<OffsetDateTime> parsed = ScimDateTime.parse(text);
            // the readers of filters and sorting compare instants without building a date-time
            assertThat(parsed.map(OffsetDateTime::toInstant).orElse(null)).as(text).isEqualTo(DateTimes.parse(text));
            assertThat(ScimDateTime.isValid(text)).as(text).isEqualTo(parsed.isPresent());
            // where the formatter reads a value (it needs an offset and at most nine fraction digits), the same one
            // except what RFC 3339 refuses and the formatter reads: a year not of four digits, a '.' without digits
            String t = text.strip();
            if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && !t.matches(".*\\.(\\D.*)?")) {
                byFormatter(text).ifPresent(expected -> assertThat(parsed).as(text).contains(expected));
            }
        });
    }

    @Test
    void formattedDateTimesReadBackEqual() {
        Gen<OffsetDateTime> times = longs().between(-62_135_596_800L + 86_400, 253_402_300_799L - 86_400)
                .zip(integers().between(0, 999_999_999), integers().between(-18 * 3600, 18 * 3600),
                        (s, n, o) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n),
                                ZoneOffset.ofTotalSeconds(o / 60 * 60)));
        Pbt.qt(2000).forAll(times).checkAssert(time ->
                assertThat(ScimDateTime.parse(ScimDateTime.format(time))).contains(time));
    }

    @Test
    void edgeCases() {
        assertThat(ScimDateTime.parse("2011-08-01t18:29:49.793z"))
                .contains(OffsetDateTime.of(2011, 8, 1, 18, 29, 49, 793_000_000, ZoneOffset.UTC));
        // xsd:dateTime allows no offset: UTC; whitespace around the value is collapsed
        assertThat(ScimDateTime.parse(" 2011-08-01T18:29:49 "))
                .contains(OffsetDateTime.of(2011, 8, 1, 18, 29, 49, 0, ZoneOffset.UTC));
        assertThat(ScimDateTime.parse("2011-08-01T18:29:49.1234567891+05:30"))
                .contains(OffsetDateTime.of(2011, 8, 1, 18, 29, 49, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(ScimDateTime.parse("2011-08-01T18:29:49+18:00")).isPresent();
        for (String refused : new String[] {"2023-02-29T10:00:00Z", "2011-08-01T24:00:00Z", "2011-08-01T23:59:60Z",
                "2011-08-01T18:29Z", "2011-08-01T18:29:49.Z", "2011-08-01T18:29:49+18:01", "2011-08-01T18:29:49+5:30",
                "2011-08-01 18:29:49Z", "2011-08-01", "+12011-08-01T18:29:49Z", "２０１１-08-01T18:29:49Z", "", "  "}) {
            assertThat(ScimDateTime.parse(refused)).as(refused).isEmpty();
            assertThat(ScimDateTime.isValid(refused)).as(refused).isFalse();
        }
    }

    /** A common form with one character replaced, inserted or deleted, or none. */
    private static Gen<String> mutatedForms() {
        Gen<Character> replacement = Pbt.pick('0', '1', '2', '3', '5', '9', ':', '-', '+', '.', 'T', 'Z', 'z', ' ', 'x',
                '６');
        Gen<Integer> edits = integers().between(0, 3);
        Gen<Integer> positions = integers().between(0, 40);
        Gen<String> forms = commonDateTimeTexts();
        return in -> {
            String text = forms.generate(in);
            int i = Math.min(positions.generate(in), text.length() - 1);
            char c = replacement.generate(in);
            return switch (edits.generate(in)) {
                case 0 -> text.substring(0, i) + c + text.substring(i + 1); // replace
                case 1 -> text.substring(0, i) + c + text.substring(i);     // insert
                case 2 -> text.substring(0, i) + text.substring(i + 1);     // delete
                default -> text;
            };
        };
    }
}
