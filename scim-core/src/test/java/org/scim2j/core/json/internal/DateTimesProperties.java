package org.scim2j.core.json.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Property(tries = 2000)
    void theCommonFormReadsAsTheFormatterReadsIt(@ForAll("commonForms") String text) {
        OffsetDateTime fast = org.scim2j.core.internal.DateTimes.offsetDateTime(text);
        assertThat(fast).as(text).isNotNull();
        assertThat(Optional.of(fast)).as(text).isEqualTo(byFormatter(text));
        assertThat(DateTimes.parse(text)).isEqualTo(byFormatter(text));
    }

    @Property(tries = 3000)
    void anyTextParsesAsTheFormatterParsesIt(@ForAll("mutatedForms") String text) {
        assertThat(DateTimes.parse(text)).as(text).isEqualTo(byFormatter(text));
        OffsetDateTime fast = org.scim2j.core.internal.DateTimes.offsetDateTime(text.trim());
        if (fast != null) {
            assertThat(Optional.of(fast)).as(text).isEqualTo(byFormatter(text));
        }
    }

    @Example
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

    @Provide
    Arbitrary<String> commonForms() {
        Arbitrary<LocalDateTime> times = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59)).as((y, mo, d, h, mi, s) ->
                LocalDateTime.of(y, mo, Math.min(d, java.time.YearMonth.of(y, mo).lengthOfMonth()), h, mi, s));
        Arbitrary<String> fractions = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
        Arbitrary<String> offsets = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 17),
                        Arbitraries.integers().between(0, 59))
                        .as((sign, h, m) -> String.format(Locale.ROOT, "%s%02d:%02d", sign, h, m)));
        return Combinators.combine(times, Arbitraries.of("T", "t"), fractions, offsets).as((time, t, f, o) ->
                String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d%s%s", time.getYear(),
                        time.getMonthValue(), time.getDayOfMonth(), t, time.getHour(), time.getMinute(),
                        time.getSecond(), f, o));
    }

    @Provide
    Arbitrary<String> mutatedForms() {
        Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '9', ':', '-', '+', '.', 'T',
                'Z', 'z', ' ', 'x', '６');
        return Combinators.combine(commonForms(), Arbitraries.integers().between(0, 40), replacement,
                Arbitraries.integers().between(0, 3)).as((text, at, c, how) -> {
                    int i = Math.min(at, text.length() - 1);
                    return switch (how) {
                        case 0 -> text.substring(0, i) + c + text.substring(i + 1); // replace
                        case 1 -> text.substring(0, i) + c + text.substring(i);     // insert
                        case 2 -> text.substring(0, i) + text.substring(i + 1);     // delete
                        default -> text;
                    };
                });
    }
}
