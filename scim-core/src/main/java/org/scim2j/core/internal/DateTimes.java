package org.scim2j.core.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one reader of the dateTime values of RFC 7643 §2.3.5 behind {@link org.scim2j.core.schema.ScimDateTime},
 * allocation-free for the comparisons of filters and sorting. Accepted form, surrounding whitespace ignored:
 * {@code YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]}; {@code T} and {@code Z} may be lower case (RFC 3339 §5.6); a
 * value without an offset is read as UTC; fraction digits beyond nanoseconds are ignored. Hour 24, leap seconds,
 * impossible days such as February 30 and offsets beyond ±18:00 are rejected.
 */
public final class DateTimes {

    /** What {@link #epochSecond(String)} returns for text that is not a dateTime. */
    public static final long INVALID = Long.MIN_VALUE;

    private DateTimes() {
    }

    /** The instant, or {@code null} when the text is not a dateTime. */
    public static Instant parse(String text) {
        long seconds = epochSecond(text);
        return seconds == INVALID ? null : Instant.ofEpochSecond(seconds, nanoOfSecond(text));
    }

    /** The date-time with the offset the text gives (UTC when none), or {@code null} when it is not a dateTime. */
    public static OffsetDateTime offsetDateTime(String text) {
        long seconds = epochSecond(text);
        if (seconds == INVALID) {
            return null;
        }
        String t = text.strip();
        int n = t.length();
        char last = t.charAt(n - 1);
        int offsetSeconds = 0;
        if (n >= 25 && t.charAt(n - 3) == ':' && (t.charAt(n - 6) == '+' || t.charAt(n - 6) == '-')) {
            offsetSeconds = (digits(t, n - 5, 2) * 3600 + digits(t, n - 2, 2) * 60) * (t.charAt(n - 6) == '-' ? -1 : 1);
        } else if (last != 'Z' && last != 'z' && !isDigit(last)) {
            return null;
        }
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanoOfSecond(t)),
                ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /**
     * Compares the instant written in {@code text} with {@code (seconds, nanos)}.
     *
     * @return negative, zero or positive as for {@link Comparable}, or {@link Integer#MIN_VALUE} when the text is not
     *         a dateTime
     */
    public static int compare(String text, long seconds, int nanos) {
        long s = epochSecond(text);
        if (s == INVALID) {
            return Integer.MIN_VALUE;
        }
        int c = Long.compare(s, seconds);
        return c != 0 ? Integer.signum(c) : Integer.signum(Integer.compare(nanoOfSecond(text), nanos));
    }

    /** The seconds since the epoch, offset applied, or {@link #INVALID}. */
    public static long epochSecond(String text) {
        if (text == null) {
            return INVALID;
        }
        String t = text.strip();
        if (t.length() < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || (t.charAt(10) != 'T' && t.charAt(10) != 't')) {
            return INVALID;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int i = 19;
        int n = t.length();
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == start) {
                return INVALID;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = t.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && i + 6 == n && t.charAt(i + 3) == ':') {
                int oh = digits(t, i + 1, 2);
                int om = digits(t, i + 4, 2);
                if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) { // java.time's ZoneOffset bounds
                    return INVALID;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
            } else {
                return INVALID;
            }
        }
        return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    /** The fraction of the second in nanoseconds; call only on text {@link #epochSecond(String)} accepts. */
    public static int nanoOfSecond(String text) {
        String t = text.strip();
        if (t.length() <= 19 || t.charAt(19) != '.') {
            return 0;
        }
        int nanos = 0;
        int scale = 100_000_000;
        for (int i = 20; i < t.length() && isDigit(t.charAt(i)); i++) {
            nanos += (t.charAt(i) - '0') * scale;
            scale /= 10;
        }
        return nanos;
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
