package org.scim2j.core.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import org.scim2j.core.schema.ScimDateTime;

import java.io.IOException;
import java.time.OffsetDateTime;

/** Jackson's reading and writing of {@link OffsetDateTime} by {@link ScimDateTime}'s rule (RFC 7643 §2.3.5). */
public final class DateTimes {

    private DateTimes() {
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
            gen.writeString(ScimDateTime.format(value));
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
            return ScimDateTime.parse(text).orElseThrow(() -> ctxt.weirdStringException(text, OffsetDateTime.class,
                    "not a dateTime (RFC 7643 §2.3.5)"));
        }
    }
}
