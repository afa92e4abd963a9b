package org.scim2j.examples.containers;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.scim2j.spi.service.ScimResponse;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Jetty 12's answers to requests under the SCIM path that never reach the SCIM servlet, as SCIM Error bodies
 * instead of Jetty's HTML page: an ambiguous URI ({@code /Users/%2Fetc}, {@code %2e%2e}) or a NUL (400), a request
 * line or headers over Jetty's limits (414, 431). Other paths keep Jetty's own error pages.
 * Install it with {@code server.setErrorHandler(new ScimJettyErrorHandler("/api/scim/v2"))}. Self-contained, so it
 * can be copied as it is into a host (it needs jetty-server and scim-spi, whose {@link ScimResponse#containerError} writes the body).
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
        ScimResponse error = ScimResponse.containerError(code);
        error.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, error.body().length);
        response.write(true, ByteBuffer.wrap(error.body()), callback);
    }
}
