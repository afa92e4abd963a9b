package org.scim2j.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.json.internal.ByteSink;
import org.scim2j.core.json.internal.DateTimes;
import org.scim2j.core.json.internal.JacksonErrors;
import org.scim2j.core.json.internal.ResourceReader;
import org.scim2j.core.json.internal.ResourceWriter;
import org.scim2j.core.json.internal.UnicodeCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Reads and writes SCIM JSON (RFC 7644 §3.1 {@code application/scim+json}) with limits for untrusted input, and
 * converts between JSON trees and the typed resources of {@code org.scim2j.core.resource}. Build one per host and
 * share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 *   ScimJson json = ScimJson.builder().maxDocumentBytes(256 * 1024).build();           // once per host
 *   ObjectNode body = json.readObject(request.getInputStream());  // 400 invalidSyntax or 413 on bad input
 *   ObjectNode canonical = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, body).resource();
 *   validator.validate(Schemas.USER_RESOURCE_TYPE, canonical, SchemaValidator.Required.ENFORCE);
 *   User user = json.toTyped(canonical, User.class);              // 400 invalidValue naming the attribute
 * }</pre>
 *
 * <p>dateTime values (RFC 7643 §2.3.5) map to {@link OffsetDateTime}: any RFC 3339 offset is read, and values are
 * written with their offset and only the fraction digits they need, e.g. {@code 2011-08-01T18:29:49.793Z}. Decimals
 * are read as {@link java.math.BigDecimal} so that no precision is lost.
 */
public final class ScimJson {

    /** Default {@link Builder#maxDocumentBytes(long)}: 1 MiB. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
    /** Default {@link Builder#maxNestingDepth(int)}: 64. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Default {@link Builder#maxStringLength(int)}: 64 Ki characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024;

    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    private static final ScimJson DEFAULTS = builder().build();

    private final long maxDocumentBytes;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final boolean rejectDuplicateKeys;
    private final ObjectMapper mapper;
    /**
     * Writes to a caller's stream and leaves it open and unflushed: a servlet container that finds the whole body
     * in its buffer when the servlet returns can still send a Content-Length instead of chunks.
     */
    private final ObjectWriter streamWriter;
    /** {@code User} and {@code Group} in one pass, without databind's reflection; the same bytes. */
    private final ResourceWriter resourceWriter;

    private ScimJson(Builder b) {
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.rejectDuplicateKeys = b.rejectDuplicateKeys;
        this.mapper = newMapper();
        this.streamWriter = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        this.resourceWriter = new ResourceWriter(mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE));
    }

    private ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentBytes)
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(maxStringLength)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, rejectDuplicateKeys)
                .build();
        SimpleModule dateTimes = new SimpleModule("scim2j-dateTime");
        dateTimes.addSerializer(OffsetDateTime.class, new DateTimes.Serializer());
        dateTimes.addDeserializer(OffsetDateTime.class, new DateTimes.Deserializer());
        JsonMapper m = JsonMapper.builder(factory)
                .addModule(dateTimes)
                // RFC 7643 §2.1: attribute names are case-insensitive.
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // As ResourceNormalizer does: a single value where an array is expected is a one-element array.
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                // Typed complex values drop sub-attributes they do not model rather than failing (IdPs add some).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        // "True"/"False" strings become booleans here; whether a request may send them is decided once, before
        // binding, by the service's BOOLEAN_STRINGS tolerance (ResourceNormalizer, SchemaValidator, PATCH values)
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return m;
    }

    /** The defaults: 1 MiB, depth 64, strings up to 64 Ki characters, lenient booleans, duplicate keys rejected. */
    public static ScimJson defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().maxDocumentBytes(maxDocumentBytes).maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength).rejectDuplicateKeys(rejectDuplicateKeys);
    }

    /** The maximum request body size in bytes. */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** The maximum nesting depth of arrays and objects. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** The maximum length of a string value, in characters. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** Whether a JSON object with the same member name twice is rejected. */
    public boolean rejectDuplicateKeys() {
        return rejectDuplicateKeys;
    }

    /**
     * Reads a request body that must be one JSON object.
     *
     * @throws ScimException 413 if the body is over {@link #maxDocumentBytes()}; 400 {@code invalidSyntax} if it is
     *                       not JSON, not an object, has duplicate member names, or exceeds another limit; 400
     *                       {@code invalidValue} if a string or member name is not valid Unicode (an unpaired
     *                       surrogate, RFC 8259 §8.2)
     */
    public ObjectNode readObject(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (body.length > maxDocumentBytes) {
            throw JacksonErrors.documentTooLarge(maxDocumentBytes, null);
        }
        try {
            ObjectNode tree = requireObject(mapper.readTree(body));
            UnicodeCheck.requireValid(tree);
            return tree;
        } catch (JsonProcessingException e) {
            throw parseError(e);
        } catch (IOException e) {
            // Reading from memory cannot fail for I/O reasons: this is a decoding error (CharConversionException).
            throw new ScimException(400, ScimType.INVALID_SYNTAX,
                    "request body is not valid JSON: it is not well-formed Unicode text (RFC 8259 §8.1: use UTF-8)", e);
        }
    }

    /**
     * Reads a request body from a stream, which is not closed. At most {@link #maxDocumentBytes()} + 1 bytes are
     * read, so an oversized body is rejected without reading it all.
     *
     * @throws ScimException as {@link #readObject(byte[])}
     * @throws UncheckedIOException if the stream fails
     */
    public ObjectNode readObject(InputStream body) {
        Objects.requireNonNull(body, "body");
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(maxDocumentBytes + 1, MAX_ARRAY_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readObject(bytes);
    }

    private ScimException parseError(JsonProcessingException e) {
        return JacksonErrors.forParse(e, maxDocumentBytes, maxNestingDepth, maxStringLength);
    }

    private static ObjectNode requireObject(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            throw ScimException.invalidSyntax("request body is empty; expected a JSON object");
        }
        if (!tree.isObject()) {
            throw ScimException.invalidSyntax("request body must be a JSON object, not " + describe(tree));
        }
        return (ObjectNode) tree;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Writes a tree as UTF-8 JSON. */
    public byte[] write(JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw ScimException.internal(e);
        }
    }

    /**
     * Writes a tree as UTF-8 JSON to a stream, without an intermediate array; the stream is neither flushed nor
     * closed.
     *
     * @throws IOException if the stream fails
     */
    public void write(JsonNode tree, OutputStream out) throws IOException {
        streamWriter.writeValue(Objects.requireNonNull(out, "out"), Objects.requireNonNull(tree, "tree"));
    }

    /**
     * Writes a typed resource as UTF-8 JSON to a stream, the same bytes as {@link #writeResource(Object)}, without
     * building a tree or an array; the stream is neither flushed nor closed.
     *
     * @throws IOException if the stream fails
     */
    public void writeResource(Object typedResource, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (ResourceWriter.writes(Objects.requireNonNull(typedResource, "typedResource"))) {
            writeAndClose(streamWriter.createGenerator(out, JsonEncoding.UTF8), typedResource);
        } else {
            streamWriter.writeValue(out, typedResource);
        }
    }

    /** Writes a tree as a JSON string. */
    public String writeString(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw ScimException.internal(e);
        }
    }

    /**
     * A typed resource ({@code User}, {@code Group}) written straight to UTF-8 JSON bytes, without building a tree
     * first; the same bytes as {@code write(toTree(resource))}.
     */
    public byte[] writeResource(Object typedResource) {
        if (!ResourceWriter.writes(Objects.requireNonNull(typedResource, "typedResource"))) {
            try {
                return mapper.writeValueAsBytes(typedResource);
            } catch (JsonProcessingException e) {
                throw ScimException.internal(e);
            }
        }
        ByteSink bytes = new ByteSink();
        try {
            writeAndClose(mapper.createGenerator(bytes, JsonEncoding.UTF8), typedResource);
        } catch (IOException e) {
            throw ScimException.internal(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a typed resource and closes the generator. After a failure the generator is closed without completing
     * the JSON, as databind does, so that a failed stream is not written to again.
     */
    private void writeAndClose(JsonGenerator generator, Object typedResource) throws IOException {
        try {
            resourceWriter.write(generator, typedResource);
        } catch (IOException | RuntimeException e) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            try {
                generator.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        generator.close();
    }

    /** The JSON tree of a typed resource (or any value Jackson can write). Write-only attributes are left out. */
    public ObjectNode toTree(Object typedResource) {
        JsonNode tree = mapper.valueToTree(Objects.requireNonNull(typedResource, "typedResource"));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("not a resource: " + typedResource.getClass().getName());
        }
        return (ObjectNode) tree;
    }

    /**
     * Maps a tree onto a typed resource. Attribute names match ignoring case, and a single value where a list is
     * expected is read as a one-element list. Binding follows Jackson's scalar coercions (a number where a string is
     * expected is read as its text), so run {@link SchemaValidator} first when the input is untrusted.
     *
     * @throws ScimException 400 {@code invalidValue} naming the attribute whose value does not fit
     */
    public <T> T toTyped(JsonNode tree, Class<T> type) {
        // User and Group in one pass when the tree needs no coercion; databind for the rest and for every error.
        T typed = ResourceReader.read(Objects.requireNonNull(tree, "tree"), type);
        if (typed != null) {
            return typed;
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw JacksonErrors.forMapping(e, tree);
        } catch (JsonProcessingException e) {
            throw ScimException.invalidValue("the resource cannot be read: invalid JSON structure");
        }
    }

    /**
     * A copy of the configured mapper for hosts that need Jackson directly (e.g. to bind their own messages). It
     * has this instance's limits, dateTime handling and boolean policy; changing it does not affect this instance.
     */
    public ObjectMapper mapper() {
        return mapper.copy();
    }

    /** Configures a {@link ScimJson}; not thread-safe. */
    public static final class Builder {
        private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private boolean rejectDuplicateKeys = true;

        private Builder() {
        }

        /** The maximum request body size in bytes; larger bodies are a 413. */
        public Builder maxDocumentBytes(long value) {
            if (value < 1 || value >= MAX_ARRAY_BYTES) {
                throw new IllegalArgumentException("maxDocumentBytes must be between 1 and 2 GiB: " + value);
            }
            this.maxDocumentBytes = value;
            return this;
        }

        /** The maximum nesting depth of arrays and objects; deeper bodies are a 400 {@code invalidSyntax}. */
        public Builder maxNestingDepth(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxNestingDepth must be positive: " + value);
            }
            this.maxNestingDepth = value;
            return this;
        }

        /** The maximum length of a string value in characters; longer strings are a 400 {@code invalidSyntax}. */
        public Builder maxStringLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxStringLength must be positive: " + value);
            }
            this.maxStringLength = value;
            return this;
        }

        /** Whether an object with the same member name twice is rejected (default on; RFC 8259 §4). */
        public Builder rejectDuplicateKeys(boolean value) {
            this.rejectDuplicateKeys = value;
            return this;
        }

        /** Builds the immutable instance. */
        public ScimJson build() {
            return new ScimJson(this);
        }
    }
}
