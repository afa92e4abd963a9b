package org.scim2j.examples.containers;

import org.scim2j.core.error.ErrorResponse;

import java.nio.charset.StandardCharsets;

/**
 * The SCIM Error body (RFC 7644 §3.12) for a request the container refused before any servlet ran. The details are
 * fixed texts: no parser message, class name or stack trace reaches the client.
 */
final class ScimErrorBody {

    static final String CONTENT_TYPE = "application/scim+json;charset=utf-8";

    private ScimErrorBody() {
    }

    static byte[] json(int status) {
        String detail = switch (status) {
            case 400 -> "malformed request: the URI (an encoded '/', '.', '\\' or '%', a NUL, a '..' segment) or a "
                    + "header cannot be accepted";
            case 404 -> "no SCIM endpoint at this path";
            case 405 -> "method not allowed";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "the service provider failed to process the request";
            default -> null;
        };
        int code = status >= 300 && status <= 599 ? status : 500;
        return new ErrorResponse(code, null, detail).toJson().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a raw request path is under the SCIM servlet's path. */
    static boolean isUnder(String scimPath, String rawPath) {
        return rawPath != null && (rawPath.equals(scimPath) || rawPath.startsWith(scimPath + "/"));
    }
}
