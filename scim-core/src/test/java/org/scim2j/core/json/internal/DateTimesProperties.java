package org.scim2j.core.json.internal;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scim2j.core.Pbt;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.scim2j.core.Generators.commonDateTimeTexts;

/**
 * The hand-written reader of the common RFC 3339 form (RFC 7643 §2.3.5) agrees with {@link DateTimeFormatter}
 * {@code ISO_OFFSET_DATE_TIME}, which decides everything it does not read itself.
 */
class DateTimesProperties {

    /** What the formatter alone says, with RFC 3339's lower-case 'z' allowed, as before the fast path. */
    private static Optional<OffsetDateTime> byFormatter(String text) {
        String t = text.trim();
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
            OffsetDateTime fast = org.scim2j.core.internal.DateTimes.offsetDateTime(text);
            assertThat(fast).as(text).isNotNull();
            assertThat(Optional.of(fast)).as(text).isEqualTo(byFormatter(text));
            assertThat(DateTimes.parse(text)).isEqualTo(byFormatter(text));
        });
    }

    @Test
    void anyTextParsesAsTheFormatterParsesIt() {
        Pbt.qt(3000).forAll(mutatedForms()).checkAssert(text -> {
            assertThat(DateTimes.parse(text)).as(text).isEqualTo(byFormatter(text));
            OffsetDateTime fast = org.scim2j.core.internal.DateTimes.offsetDateTime(text.trim());
            if (fast != null) {
                assertThat(Optional.of(fast)).as(text).isEqualTo(byFormatter(text));
            }
        });
    }

    @Test
    void edgeCasesAgree() {
        for (String text : new String[] {"2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2024-04-31T10:00:00Z",
                "2011-08-01T18:29:49.793Z", "2011-08-01t18:29:49.793z", "2011-08-01T18:29:49-00:00",
                "2011-08-01T18:29:49+18:00", "2011-08-01T18:29:49+17:59", "2011-08-01T24:00:00Z",
                "2011-08-01T23:59:60Z", "2011-08-01T18:29Z", "2011-08-01T18:29:49.Z", "2011-08-01T18:29:49.1234567891Z",
                "2011-08-01T18:29:49.123456789+05:30", "0000-01-01T00:00:00Z", "+12011-08-01T18:29:49Z",
                "2011-08-01T18:29:49+05:30:15", "2011-08-01 18:29:49Z", " 2011-08-01T18:29:49Z ",
                "2011-13-01T18:29:49Z", "2011-00-01T18:29:49Z", "2011-08-00T18:29:49Z", "2011-08-01T18:29:49+5:30",
                "２０１１-08-01T18:29:49Z"}) {
            assertThat(DateTimes.parse(text)).as(text).isEqualTo(byFormatter(text));
        }
        assertThat(org.scim2j.core.internal.DateTimes.offsetDateTime("2011-08-01T18:29:49.793Z"))
                .isEqualTo(OffsetDateTime.of(2011, 8, 1, 18, 29, 49, 793_000_000, ZoneOffset.UTC));
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
