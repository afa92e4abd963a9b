package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;

import java.util.ArrayList;
import java.util.List;

/** The checks a patched resource must pass as a whole (RFC 7643 §2.4, §7 required). */
final class PatchResultCheck {

    private PatchResultCheck() {
    }

    /**
     * After all operations: required attributes present, at most one primary per attribute.
     *
     * @throws ScimException 400 invalidValue listing every problem
     */
    static void requireValid(SchemaRegistry registry, ResourceType type, ObjectNode resource) {
        List<String> problems = new ArrayList<>();
        checkSchema(registry.coreSchema(type), resource, problems, "");
        for (Schema extension : registry.extensionSchemas(type)) {
            JsonNode object = resource.get(extension.id());
            if (object instanceof ObjectNode o) {
                checkSchema(extension, o, problems, extension.id() + ":");
            }
        }
        if (!problems.isEmpty()) {
            throw ScimException.invalidValue(String.join("; ", problems));
        }
    }

    private static void checkSchema(Schema schema, ObjectNode object, List<String> problems, String prefix) {
        for (AttributeDefinition attribute : schema.attributes()) {
            JsonNode value = object.get(attribute.name());
            boolean absent = value == null || value.isNull() || (value.isArray() && value.isEmpty());
            if (attribute.required() && absent) {
                problems.add("'" + prefix + attribute.name() + "' is required");
            }
            if (!absent && attribute.multiValued() && attribute.isComplex() && attribute.subAttribute("primary") != null
                    && value.isArray()) {
                int primaries = 0;
                for (JsonNode element : value) {
                    if (element.path("primary").asBoolean(false)) {
                        primaries++;
                    }
                }
                if (primaries > 1) {
                    problems.add("'" + prefix + attribute.name() + "' has " + primaries
                            + " values with \"primary\": true; at most one is allowed (RFC 7643 §2.4)");
                }
            }
        }
    }
}
