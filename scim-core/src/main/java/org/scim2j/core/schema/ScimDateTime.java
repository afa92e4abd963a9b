package org.scim2j.core.schema;

import org.scim2j.core.internal.DateTimes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The {@code dateTime} attribute type of RFC 7643 §2.3.5, read by one rule wherever a value is read: resource JSON,
 * PATCH values, filters evaluated in memory or translated to SQL, and sorting. A host's own code that reads a SCIM
 * dateTime (a SQL binding, an import) should use it too, so that it agrees with the service.
 *
 * <p>Accepted: what §2.3.5 requires, "a valid xsd:dateTime ... [that] MUST include both a date and a time", {@code YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]};
 * {@code T} and {@code Z} in either case (RFC 3339 §5.6); surrounding whitespace is ignored (XML Schema's
 * {@code collapse}); a value without an offset, which {@code xsd:dateTime} allows, is read as UTC; fraction digits
 * beyond nanoseconds are ignored. Refused: hour 24, leap seconds ({@code :60}), impossible days
 * such as February 30, and offsets beyond ±18:00, which {@link java.time.ZoneOffset} cannot hold.
 */
public final class ScimDateTime {

    private ScimDateTime() {
    }

    /** The date-time with the offset the text gives (UTC when it gives none), or empty if it is not a dateTime. */
    public static Optional<OffsetDateTime> parse(String text) {
        return Optional.ofNullable(DateTimes.offsetDateTime(text));
    }

    /** Whether {@link #parse} reads the text. */
    public static boolean isValid(String text) {
        return DateTimes.epochSecond(text) != DateTimes.INVALID;
    }

    /**
     * The RFC 3339 text of a date-time, keeping its offset and the fraction digits it needs
     * ({@code 2011-08-01T18:29:49.793Z}).
     */
    public static String format(OffsetDateTime value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
