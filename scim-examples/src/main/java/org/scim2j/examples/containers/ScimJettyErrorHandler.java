package org.scim2j.examples.containers;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.scim2j.core.error.ErrorResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Jetty 12's answers to requests under the SCIM path that never reach the SCIM servlet, as SCIM Error bodies
 * instead of Jetty's HTML page: an ambiguous URI ({@code /Users/%2Fetc}, {@code %2e%2e}) or a NUL (400), a request
 * line or headers over Jetty's limits (414, 431). Other paths keep Jetty's own error pages.
 * Install it with {@code server.setErrorHandler(new ScimJettyErrorHandler("/api/scim/v2"))}. Self-contained, so it
 * can be copied as it is into a host (it needs jetty-server and scim-core).
 */
public class ScimJettyErrorHandler extends ErrorHandler {

    private final String scimPath;

    /** @param scimPath the path the SCIM servlet is mapped at, e.g. {@code /api/scim/v2} */
    public ScimJettyErrorHandler(String scimPath) {
        this.scimPath = Objects.requireNonNull(scimPath);
    }

    /** Every method gets a body, PUT, PATCH and DELETE included (Jetty's default: GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        String path = request.getHttpURI().getPath();
        if (path == null || !(path.equals(scimPath) || path.startsWith(scimPath + "/"))) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        byte[] body = body(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The SCIM Error body (RFC 7644 §3.12); fixed details, so no parser message or class name reaches a client. */
    static byte[] body(int status) {
        String detail = switch (status) {
            case 400 -> "malformed request: the URI (an encoded '/', '.', '\\' or '%', a NUL, a '..' segment) or a "
                    + "header cannot be accepted";
            case 404 -> "no SCIM endpoint at this path";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> null;
        };
        return new ErrorResponse(status >= 300 && status <= 599 ? status : 500, null, detail).toJson().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
