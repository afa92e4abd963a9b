package org.scim2j.examples.sonar;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.scim2j.spi.service.ScimResponse;

import java.nio.ByteBuffer;

/**
 * Jetty's answers to requests that never reach the SCIM servlet, as SCIM Error bodies (RFC 7644 §3.12) instead of
 * Jetty's HTML or empty pages: a request URI that is ambiguous ({@code %2F}, {@code %2e%2e}, {@code ..;}) or holds
 * a NUL (400), a request line or headers over Jetty's limits (414, 431), an unknown path outside the servlet (404).
 * An identity provider then sees the same error format for every failure, and the details are fixed texts: no
 * parser message, class name or stack trace reaches the client.
 */
final class ScimErrorHandler extends ErrorHandler {

    /** Every method gets a body, PUT, PATCH and DELETE included (Jetty's default: GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ScimResponse error = ScimResponse.containerError(code);
        error.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, error.body().length);
        // Jetty closes the connection after refusing a request it could not parse, and may not read the body that
        // followed; saying so keeps a client from sending its next request on a connection about to close.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(error.body()), callback);
    }
}
