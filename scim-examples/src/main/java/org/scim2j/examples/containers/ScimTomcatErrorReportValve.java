package org.scim2j.examples.containers;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.scim2j.spi.service.ScimResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error reports for requests under the SCIM path that never reach the SCIM servlet, as SCIM Error bodies
 * instead of Tomcat's HTML page: a URI Tomcat rejects ({@code /Users/%2Fetc}: an encoded {@code /}, a {@code ..}
 * segment), a path no servlet is mapped to. Other paths keep Tomcat's own report.
 *
 * <p>Self-contained, so it can be copied as it is into a host (it needs tomcat-embed-core, or Tomcat's
 * {@code catalina.jar}, and scim-spi, whose {@link ScimResponse#containerError} writes the body). Embedded:
 * {@code EmbeddedTomcat} shows how to install it. In a standalone Tomcat, put this class's jar in
 * {@code lib/} and declare it on the {@code Host} in {@code server.xml}:
 * <pre>{@code
 *   <Host name="localhost" appBase="webapps"
 *         errorReportValveClass="org.scim2j.examples.containers.ScimTomcatErrorReportValve">
 *     <Valve className="org.scim2j.examples.containers.ScimTomcatErrorReportValve" scimPath="/api/scim/v2"/>
 * }</pre>
 */
public class ScimTomcatErrorReportValve extends ErrorReportValve {

    private String scimPath = "/";

    /** For Tomcat, which creates valves by class name; set the path with {@link #setScimPath}. */
    public ScimTomcatErrorReportValve() {
    }

    /** @param scimPath the path the SCIM servlet is mapped at, e.g. {@code /api/scim/v2} */
    public ScimTomcatErrorReportValve(String scimPath) {
        setScimPath(scimPath);
    }

    /** The path the SCIM servlet is mapped at ({@code scimPath} attribute in server.xml); default {@code /}. */
    public void setScimPath(String scimPath) {
        this.scimPath = scimPath.endsWith("/") && scimPath.length() > 1
                ? scimPath.substring(0, scimPath.length() - 1) : scimPath;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (!"/".equals(scimPath) && (path == null || !(path.equals(scimPath) || path.startsWith(scimPath + "/")))) {
            super.report(request, response, throwable);
            return;
        }
        // The same guards as Tomcat's own report: only an error, only once, only if nothing was written yet, and
        // only while the connection can still take a body.
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ScimResponse error = ScimResponse.containerError(status);
        try {
            error.headers().forEach(response::setHeader);
            response.setContentLength(error.body().length);
            OutputStream out = response.getOutputStream();
            out.write(error.body());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more can be sent.
        }
    }
}
