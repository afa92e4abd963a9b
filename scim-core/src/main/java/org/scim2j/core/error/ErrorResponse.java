package org.scim2j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Error response body of RFC 7644 §3.12:
 *
 * <pre>
 * {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
 *  "status":"400","scimType":"invalidFilter","detail":"at 18: unexpected '#'; expected end of input"}
 * </pre>
 *
 * The status is written as a JSON string, as the RFC's examples do; it is read from a string or a number.
 *
 * @param status   the HTTP status code
 * @param scimType the detail error keyword, or {@code null}
 * @param detail   a human-readable message a client can act on, or {@code null}
 */
public record ErrorResponse(int status, ScimType scimType, String detail) {

    /** The schema URN of an Error response. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** Requires a status in the HTTP error range. */
    public ErrorResponse {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
    }

    /** The wire form, with the members in the RFC's order. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("schemas").add(SCHEMA);
        json.put("status", Integer.toString(status));
        if (scimType != null) {
            json.put("scimType", scimType.wireName());
        }
        if (detail != null) {
            json.put("detail", detail);
        }
        return json;
    }

    /**
     * Reads the wire form; {@code status} may be a string or a number, an unknown {@code scimType} reads as null.
     *
     * @throws IllegalArgumentException if the JSON is not an Error response
     */
    public static ErrorResponse fromJson(JsonNode json) {
        JsonNode status = json == null ? null : json.get("status");
        if (status == null || !(status.isTextual() || status.isIntegralNumber())) {
            throw new IllegalArgumentException("not a SCIM Error response: " + json);
        }
        int code;
        try {
            code = status.isTextual() ? Integer.parseInt(status.asText().trim()) : status.asInt();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status is not a number: " + status, e);
        }
        JsonNode scimType = json.get("scimType");
        JsonNode detail = json.get("detail");
        return new ErrorResponse(code,
                scimType == null || scimType.isNull() ? null : ScimType.fromWireName(scimType.asText()),
                detail == null || detail.isNull() ? null : detail.asText());
    }
}
