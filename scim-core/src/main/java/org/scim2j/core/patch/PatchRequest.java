package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.JsonFields;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.FilterParseException;
import org.scim2j.filter.FilterParser;
import org.scim2j.filter.PatchPath;

import java.util.ArrayList;
import java.util.List;

/**
 * A PatchOp request (RFC 7644 §3.5.2):
 *
 * <pre>
 * {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *  "Operations":[{"op":"replace","path":"active","value":false}]}
 * </pre>
 *
 * @param operations the operations, applied in order, all or nothing
 */
public record PatchRequest(List<PatchOperation> operations) {

    /** Copies the list. */
    public PatchRequest {
        operations = List.copyOf(operations);
    }

    /** A request of the given operations. */
    public static PatchRequest of(PatchOperation... operations) {
        return new PatchRequest(List.of(operations));
    }

    /**
     * Reads a PatchOp body. Member names ({@code Operations}, {@code op}, {@code path}, {@code value}) are matched
     * ignoring case (RFC 7643 §2.1); unknown members of an operation are ignored.
     *
     * @throws ScimException 400 {@code invalidSyntax} for a malformed body, {@code invalidPath} for a path that does
     *                       not parse, {@code invalidValue} for a missing value or more operations than
     *                       {@link PatchOptions#maxOperations()}; the detail names the tolerance that would accept a
     *                       request refused only because it is off
     */
    public static PatchRequest fromJson(JsonNode body, PatchOptions options) {
        return fromJson(body, options, FilterParser.strict());
    }

    /**
     * Reads a PatchOp body as {@link #fromJson(JsonNode, PatchOptions)} does, parsing each {@code path} with
     * {@code paths}: a service passes the parser it reads filters with, so that its strict or lenient choice holds
     * for PATCH paths and their value filters too.
     */
    public static PatchRequest fromJson(JsonNode body, PatchOptions options, FilterParser paths) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("a PATCH body must be a JSON object with \"schemas\" and \"Operations\"");
        }
        JsonNode schemas = JsonFields.field(body, "schemas");
        if (schemas == null || !containsText(schemas, Schemas.PATCH_OP)) {
            throw ScimException.invalidSyntax("\"schemas\" must contain \"" + Schemas.PATCH_OP + "\"");
        }
        JsonNode list = JsonFields.field(body, "Operations");
        if (list == null || list.isNull()) {
            throw ScimException.invalidSyntax("a PATCH body needs an \"Operations\" array");
        }
        if (!list.isArray()) {
            throw ScimException.invalidSyntax("\"Operations\" must be an array");
        }
        if (list.isEmpty() && !options.allows(Tolerance.EMPTY_OPERATIONS)) {
            throw ScimException.invalidSyntax("\"Operations\" must hold at least one operation (an empty list is "
                    + "accepted with " + Tolerance.EMPTY_OPERATIONS.settingName() + ")");
        }
        if (list.size() > options.maxOperations()) {
            throw ScimException.invalidValue("\"Operations\" has " + list.size() + " operations; this service provider"
                    + " accepts at most " + options.maxOperations() + " per PATCH request (maxOperations): send them in"
                    + " several requests");
        }
        List<PatchOperation> operations = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            operations.add(readOperation(list.get(i), i, options, paths));
        }
        return new PatchRequest(operations);
    }

    /** The request as JSON. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("schemas").add(Schemas.PATCH_OP);
        var list = json.putArray("Operations");
        for (PatchOperation operation : operations) {
            ObjectNode op = list.addObject().put("op", operation.op().wireName());
            if (operation.path() != null) {
                op.put("path", operation.path().toString());
            }
            if (operation.value() != null) {
                op.set("value", operation.value().deepCopy());
            }
        }
        return json;
    }

    private static PatchOperation readOperation(JsonNode json, int index, PatchOptions options, FilterParser paths) {
        String where = "Operations[" + index + "]";
        if (!json.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object with \"op\"");
        }
        JsonNode opNode = JsonFields.field(json, "op");
        if (opNode == null || !opNode.isTextual()) {
            throw ScimException.invalidSyntax(where + " needs \"op\": \"add\", \"remove\" or \"replace\"");
        }
        PatchOp op = op(opNode.asText(), where, options);
        PatchPath path = null;
        JsonNode pathNode = JsonFields.field(json, "path");
        if (pathNode != null && !pathNode.isNull()) {
            if (!pathNode.isTextual()) {
                throw ScimException.invalidPath(where + ": \"path\" must be a string");
            }
            try {
                path = paths.parsePatchPath(pathNode.asText());
            } catch (FilterParseException e) {
                throw ScimException.invalidPath(e);
            }
        }
        JsonNode value = JsonFields.field(json, "value");
        boolean hasValue = value != null && !value.isNull();
        if (op != PatchOp.REMOVE && value == null) {
            throw ScimException.invalidValue(where + ": \"" + op.wireName() + "\" needs a \"value\"");
        }
        if (op == PatchOp.ADD && !hasValue) {
            throw ScimException.invalidValue(where + ": \"add\" needs a non-null \"value\"");
        }
        if (op == PatchOp.REMOVE && path == null) {
            throw ScimException.noTarget(where + ": \"remove\" needs a \"path\" (RFC 7644 §3.5.2.2)");
        }
        return new PatchOperation(op, path, op == PatchOp.REMOVE && !hasValue ? null : value);
    }

    private static PatchOp op(String text, String where, PatchOptions options) {
        for (PatchOp op : PatchOp.values()) {
            if (op.wireName().equals(text)) {
                return op;
            }
        }
        for (PatchOp op : PatchOp.values()) {
            if (op.wireName().equalsIgnoreCase(text)) {
                if (options.allows(Tolerance.CASE_INSENSITIVE_OPS)) {
                    return op;
                }
                throw ScimException.invalidSyntax(where + ": \"op\" is \"" + text + "\"; RFC 7644 spells it \""
                        + op.wireName() + "\" (accepted with " + Tolerance.CASE_INSENSITIVE_OPS.settingName() + ")");
            }
        }
        throw ScimException.invalidSyntax(where + ": unknown \"op\" \"" + text
                + "\"; expected \"add\", \"remove\" or \"replace\"");
    }

    private static boolean containsText(JsonNode array, String text) {
        if (array.isTextual()) {
            return array.asText().equalsIgnoreCase(text);
        }
        if (array.isArray()) {
            for (JsonNode v : array) {
                if (v.isTextual() && v.asText().equalsIgnoreCase(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
