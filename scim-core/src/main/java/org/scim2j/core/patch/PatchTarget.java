package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;

/** Where an attribute lives: in the resource, or in its extension object. */
final class PatchTarget {
    final ResolvedAttribute resolved;
    final AttributeDefinition attribute;

    PatchTarget(ResolvedAttribute resolved, AttributeDefinition attribute) {
        this.resolved = resolved;
        this.attribute = attribute;
    }

    JsonNode current(ObjectNode root) {
        ObjectNode container = container(root, false);
        return container == null ? null : container.get(attribute.name());
    }

    void set(ObjectNode root, JsonNode value) {
        container(root, true).set(attribute.name(), value);
    }

    void remove(ObjectNode root) {
        ObjectNode container = container(root, false);
        if (container == null) {
            return;
        }
        container.remove(attribute.name());
        if (resolved.extension() && container.isEmpty()) {
            root.remove(resolved.schemaUrn());
            JsonNode schemas = root.get("schemas");
            if (schemas instanceof ArrayNode list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).asText().equalsIgnoreCase(resolved.schemaUrn())) {
                        list.remove(i);
                    }
                }
            }
        }
    }

    private ObjectNode container(ObjectNode root, boolean create) {
        if (!resolved.extension()) {
            return root;
        }
        JsonNode existing = root.get(resolved.schemaUrn());
        if (existing instanceof ObjectNode o) {
            return o;
        }
        if (!create) {
            return null;
        }
        ObjectNode created = root.putObject(resolved.schemaUrn());
        JsonNode schemas = root.get("schemas");
        ArrayNode list = schemas instanceof ArrayNode a ? a : root.putArray("schemas");
        boolean present = false;
        for (JsonNode s : list) {
            present |= s.asText().equalsIgnoreCase(resolved.schemaUrn());
        }
        if (!present) {
            list.add(resolved.schemaUrn());
        }
        return created;
    }
}
