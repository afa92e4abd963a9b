package org.scim2j.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes schemas and resource types in their RFC 7643 §6 / §7 representation, the form the
 * {@code /Schemas} and {@code /ResourceTypes} endpoints serve and hosts can load extension schemas from.
 *
 * <p>Writing always spells out every characteristic (strict client libraries refuse schema documents that rely on
 * the defaults). Reading applies the RFC 7643 §2.2 defaults to characteristics that are absent.
 */
public final class SchemaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    /**
     * Reads a schema document.
     *
     * @throws IllegalArgumentException if the document is not a schema representation
     */
    public static Schema readSchema(JsonNode json) {
        String id = requiredText(json, "id", "schema");
        List<AttributeDefinition> attributes = new ArrayList<>();
        JsonNode list = json.get("attributes");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("schema " + id + ": 'attributes' must be an array");
            }
            for (JsonNode a : list) {
                attributes.add(readAttribute(a, id));
            }
        }
        return new Schema(id, optionalText(json, "name"), optionalText(json, "description"), attributes);
    }

    /** Reads a schema document from a stream (UTF-8 JSON). */
    public static Schema readSchema(InputStream in) {
        try {
            return readSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema document", e);
        }
    }

    /** Reads a resource type document. */
    public static ResourceType readResourceType(JsonNode json) {
        String name = requiredText(json, "name", "resource type");
        String id = json.hasNonNull("id") ? json.get("id").asText() : name;
        List<SchemaExtension> extensions = new ArrayList<>();
        JsonNode list = json.get("schemaExtensions");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                extensions.add(new SchemaExtension(requiredText(e, "schema", "schema extension"),
                        e.path("required").asBoolean(false)));
            }
        }
        return new ResourceType(id, name, optionalText(json, "description"),
                requiredText(json, "endpoint", "resource type"), requiredText(json, "schema", "resource type"),
                extensions);
    }

    /**
     * Writes a schema with every characteristic of every attribute.
     *
     * @param location the value of {@code meta.location}, or {@code null} to omit {@code meta}
     */
    public static ObjectNode writeSchema(Schema schema, String location) {
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(Schemas.SCHEMA);
        json.put("id", schema.id());
        putIfNotNull(json, "name", schema.name());
        putIfNotNull(json, "description", schema.description());
        ArrayNode attributes = json.putArray("attributes");
        for (AttributeDefinition a : schema.attributes()) {
            attributes.add(writeAttribute(a));
        }
        if (location != null) {
            ObjectNode meta = json.putObject("meta");
            meta.put("resourceType", "Schema");
            meta.put("location", location);
        }
        return json;
    }

    /**
     * Writes a resource type.
     *
     * @param location the value of {@code meta.location}, or {@code null} to omit {@code meta}
     */
    public static ObjectNode writeResourceType(ResourceType type, String location) {
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(Schemas.RESOURCE_TYPE);
        json.put("id", type.id());
        json.put("name", type.name());
        putIfNotNull(json, "description", type.description());
        json.put("endpoint", type.endpoint());
        json.put("schema", type.schema());
        if (!type.extensions().isEmpty()) {
            ArrayNode extensions = json.putArray("schemaExtensions");
            for (SchemaExtension e : type.extensions()) {
                extensions.addObject().put("schema", e.schema()).put("required", e.required());
            }
        }
        if (location != null) {
            ObjectNode meta = json.putObject("meta");
            meta.put("resourceType", "ResourceType");
            meta.put("location", location);
        }
        return json;
    }

    /** Writes one attribute definition with all its characteristics. */
    public static ObjectNode writeAttribute(AttributeDefinition a) {
        ObjectNode json = NODES.objectNode();
        json.put("name", a.name());
        json.put("type", a.type().wireName());
        json.put("multiValued", a.multiValued());
        json.put("description", a.description() == null ? "" : a.description());
        json.put("required", a.required());
        json.put("caseExact", a.caseExact());
        if (!a.canonicalValues().isEmpty()) {
            ArrayNode values = json.putArray("canonicalValues");
            a.canonicalValues().forEach(values::add);
        }
        if (a.type() == AttributeType.REFERENCE) {
            ArrayNode values = json.putArray("referenceTypes");
            a.referenceTypes().forEach(values::add);
        }
        json.put("mutability", a.mutability().wireName());
        json.put("returned", a.returned().wireName());
        json.put("uniqueness", a.uniqueness().wireName());
        if (a.isComplex()) {
            ArrayNode subs = json.putArray("subAttributes");
            for (AttributeDefinition sub : a.subAttributes()) {
                subs.add(writeAttribute(sub));
            }
        }
        return json;
    }

    private static AttributeDefinition readAttribute(JsonNode json, String schemaId) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("schema " + schemaId + ": attribute definitions must be objects");
        }
        String name = requiredText(json, "name", "attribute of " + schemaId);
        AttributeType type = json.hasNonNull("type") ? AttributeType.fromWireName(json.get("type").asText())
                : AttributeType.STRING;
        AttributeDefinition.Builder b = AttributeDefinition.builder(name, type)
                .multiValued(json.path("multiValued").asBoolean(false))
                .description(optionalText(json, "description"))
                .required(json.path("required").asBoolean(false))
                .caseExact(json.path("caseExact").asBoolean(false))
                .canonicalValues(texts(json.get("canonicalValues")))
                .referenceTypes(texts(json.get("referenceTypes")));
        if (json.hasNonNull("mutability")) {
            b.mutability(Mutability.fromWireName(json.get("mutability").asText()));
        }
        if (json.hasNonNull("returned")) {
            b.returned(Returned.fromWireName(json.get("returned").asText()));
        }
        if (json.hasNonNull("uniqueness")) {
            b.uniqueness(Uniqueness.fromWireName(json.get("uniqueness").asText()));
        }
        JsonNode subs = json.get("subAttributes");
        if (subs != null && subs.isArray()) {
            for (JsonNode sub : subs) {
                b.subAttribute(readAttribute(sub, schemaId));
            }
        }
        return b.build();
    }

    private static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String requiredText(JsonNode json, String field, String what) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(what + ": '" + field + "' is required");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfNotNull(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
