package org.scim2j.examples.sonar;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.scim2j.core.error.ErrorResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own errors (a request it refuses before any servlet runs: an ambiguous or encoded path such as
 * {@code ..%2F}, a NUL byte, a URI that is too long, a malformed request line) as SCIM Error bodies instead of HTML
 * pages, so that an IdP always gets {@code application/scim+json} with a status and a detail, never a stack trace.
 */
final class ScimErrorHandler extends ErrorHandler {

    private static final String CONTENT_TYPE = "application/scim+json; charset=utf-8";

    ScimErrorHandler() {
        setShowStacks(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int code, String message) {
        int status = code < 300 || code > 599 ? 500 : code;
        String detail = status >= 500 ? "the server failed to process the request"
                : "the request was refused before reaching SCIM" + (message == null ? "" : ": " + printable(message));
        return new ErrorResponse(status, null, detail).toJson().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c == '<' || c == '>' ? ' ' : c);
        }
        return out.toString().trim();
    }
}
