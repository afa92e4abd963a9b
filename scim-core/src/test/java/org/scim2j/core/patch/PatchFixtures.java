package org.scim2j.core.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;

/** Shared helpers: JSON from text, and applying a PatchOp body with a profile. */
final class PatchFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private PatchFixtures() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static JsonNode node(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A PatchOp body around the given Operations array text. */
    static JsonNode patchBody(String operationsJson) {
        return node("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + operationsJson + "}");
    }

    static PatchResult apply(PatchOptions options, ResourceType type, ObjectNode resource, String operationsJson) {
        PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), options);
        return engine.apply(type, resource, PatchRequest.fromJson(patchBody(operationsJson), options));
    }
}
