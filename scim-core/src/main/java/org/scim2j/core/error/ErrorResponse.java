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
 * <p>A detail that echoes a client's input (a filter, a path, a value) can be as long as that input. Every Error
 * body is built here, so this is where such a detail is bounded: one longer than {@link #MAX_DETAIL_LENGTH} keeps
 * its start and its end (where the position and the reason are) around a note of how much was left out. The
 * {@link ScimException} itself keeps the whole text, for logs.
 *
 * @param status   the HTTP status code
 * @param scimType the detail error keyword, or {@code null}
 * @param detail   a human-readable message a client can act on, or {@code null}
 */
public record ErrorResponse(int status, ScimType scimType, String detail) {

    /** The schema URN of an Error response. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** The longest {@code detail} sent, in characters. */
    public static final int MAX_DETAIL_LENGTH = 1000;

    /** How much of a shortened detail's end is kept: enough for a position and the reason after it. */
    private static final int KEPT_END = 300;

    /** Requires a status in the HTTP error range; shortens a detail over {@link #MAX_DETAIL_LENGTH}. */
    public ErrorResponse {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        detail = bounded(detail);
    }

    private static String bounded(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL_LENGTH) {
            return detail;
        }
        String note = "…[" + (detail.length() - MAX_DETAIL_LENGTH) + " characters left out]…";
        int headEnd = MAX_DETAIL_LENGTH - KEPT_END - note.length();
        int tailStart = detail.length() - KEPT_END;
        // never cut between the two halves of a surrogate pair: the body would then not be valid Unicode
        if (Character.isLowSurrogate(detail.charAt(headEnd))) {
            headEnd--;
        }
        if (Character.isLowSurrogate(detail.charAt(tailStart))) {
            tailStart++;
        }
        return detail.substring(0, headEnd) + note + detail.substring(tailStart);
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
