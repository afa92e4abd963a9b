package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.spi.service.ScimResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds responses: JSON bodies with the SCIM media type (errors: {@link ScimResponse#error}). */
public final class Responses {

    private Responses() {
    }

    /**
     * A JSON response with extra headers (name, value, name, value ...). The body is written when the response
     * is sent: {@code body} must not change afterwards.
     */
    public static ScimResponse json(ScimJson json, int status, JsonNode body, String... headers) {
        return ScimResponse.streaming(status, jsonHeaders(headers), out -> json.write(body, out));
    }

    /** A response showing a resource ({@link Presenter#show}), with its {@code ETag} and extra headers. */
    public static ScimResponse resource(ScimJson json, int status, Presenter.Shown shown, String... headers) {
        Map<String, String> h = jsonHeaders(headers);
        if (shown.etag() != null) {
            h.put("ETag", shown.etag());
        }
        Object model = shown.model();
        return model != null ? ScimResponse.streaming(status, h, out -> json.writeResource(model, out))
                : ScimResponse.streaming(status, h, out -> json.write(shown.tree(), out));
    }

    private static Map<String, String> jsonHeaders(String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", ScimResponse.CONTENT_TYPE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                h.put(headers[i], headers[i + 1]);
            }
        }
        return h;
    }

    /** An empty response (204, 304) with extra headers. */
    public static ScimResponse empty(int status, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                h.put(headers[i], headers[i + 1]);
            }
        }
        return new ScimResponse(status, h, null);
    }

    /** 405 with the Allow header and an Error body. */
    public static ScimResponse methodNotAllowed(String method, String path, String allow) {
        ScimException e = new ScimException(405, null, method + " is not allowed on " + path + "; allowed: " + allow);
        return ScimResponse.error(e).withHeader("Allow", allow);
    }
}
