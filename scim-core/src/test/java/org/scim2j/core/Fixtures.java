package org.scim2j.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared test data: the RFC 7643 §8 example users and a schema with one attribute of every type. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A test schema with an attribute of every RFC 7643 §2.3 type. */
    public static final String DEVICE = "urn:example:params:scim:schemas:Device";
    public static final ResourceType DEVICE_TYPE = new ResourceType("Device", "Device", null, "/Devices", DEVICE,
            List.of());

    private static final Schema DEVICE_SCHEMA = new Schema(DEVICE, "Device", null, List.of(
            attr("label", AttributeType.STRING).build(),
            attr("serial", AttributeType.STRING).caseExact(true).build(),
            attr("ports", AttributeType.INTEGER).build(),
            attr("weight", AttributeType.DECIMAL).build(),
            attr("enabled", AttributeType.BOOLEAN).build(),
            attr("firmware", AttributeType.BINARY).build(),
            attr("homepage", AttributeType.REFERENCE).build(),
            attr("exactLink", AttributeType.REFERENCE).caseExact(true).build(),
            attr("installed", AttributeType.DATE_TIME).build(),
            attr("tags", AttributeType.STRING).multiValued(true).build(),
            attr("readings", AttributeType.DECIMAL).multiValued(true).build(),
            attr("secret", AttributeType.STRING).returned(Returned.NEVER).build(),
            attr("notes", AttributeType.STRING).returned(Returned.REQUEST).build(),
            attr("location", AttributeType.COMPLEX)
                    .subAttribute(attr("building", AttributeType.STRING).build())
                    .subAttribute(attr("floor", AttributeType.INTEGER).build())
                    .build()));

    public static final SchemaRegistry REGISTRY = SchemaRegistry.builder().addStandard().addSchema(DEVICE_SCHEMA)
            .addResourceType(DEVICE_TYPE).build();

    private Fixtures() {
    }

    private static AttributeDefinition.Builder attr(String name, AttributeType type) {
        return AttributeDefinition.builder(name, type);
    }

    /** The full User of RFC 7643 §8.2 (a fresh copy). */
    public static ObjectNode fullUser() {
        return (ObjectNode) read("/rfc7643/full-user.json");
    }

    /** The Enterprise User of RFC 7643 §8.3: the §8.2 user with the extension (a fresh copy). */
    public static ObjectNode enterpriseUser() {
        ObjectNode user = fullUser();
        user.putArray("schemas").add(Schemas.USER).add(Schemas.ENTERPRISE_USER);
        user.set(Schemas.ENTERPRISE_USER, read("/rfc7643/enterprise-extension.json"));
        return user;
    }

    /** Parses JSON text. */
    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
