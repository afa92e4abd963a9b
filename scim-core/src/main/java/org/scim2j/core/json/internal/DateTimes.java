package org.scim2j.core.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * RFC 3339 date-times as SCIM uses them (RFC 7643 §2.3.5): always with an offset. Writing keeps the value's offset
 * and the fraction digits it needs ({@code 2011-08-01T18:29:49.793Z}); reading accepts any offset and a lower-case
 * {@code t}/{@code z}.
 */
public final class DateTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DateTimes() {
    }

    /** The RFC 3339 text of a date-time. */
    public static String format(OffsetDateTime value) {
        return FORMAT.format(value);
    }

    /** Parses RFC 3339 text with an offset; empty if it is not one. */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        // the form nearly every SCIM date-time takes, without the formatter (a quarter of binding a User)
        OffsetDateTime common = org.scim2j.core.internal.DateTimes.offsetDateTime(t);
        if (common != null) {
            return Optional.of(common);
        }
        try {
            // ISO_OFFSET_DATE_TIME is case-insensitive for 'T'; RFC 3339 §5.6 also allows a lower-case 'z'.
            if (t.endsWith("z")) {
                t = t.substring(0, t.length() - 1) + 'Z';
            }
            return Optional.of(OffsetDateTime.parse(t, FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Writes an {@link OffsetDateTime} as RFC 3339 text. */
    public static final class Serializer extends StdScalarSerializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads RFC 3339 text with an offset into an {@link OffsetDateTime}. */
    public static final class Deserializer extends StdScalarDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public Deserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getText();
            return parse(text).orElseThrow(() -> ctxt.weirdStringException(text, OffsetDateTime.class,
                    "not an RFC 3339 date-time with offset"));
        }
    }
}
