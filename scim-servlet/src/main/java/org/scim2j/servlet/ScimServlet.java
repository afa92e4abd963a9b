package org.scim2j.servlet;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.scim2j.core.error.ScimException;
import org.scim2j.http.Authenticator;
import org.scim2j.http.HttpRequest;
import org.scim2j.http.ScimHttpHandler;
import org.scim2j.http.ScimHttpSettings;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one servlet a host registers, e.g. at {@code /api/scim/v2/*}: a thin binding of {@link ScimHttpHandler},
 * which authenticates, checks media types and body size, hands the request to the {@link ScimService} and answers
 * {@code application/scim+json}.
 *
 * <pre>{@code
 *   ScimConfiguration config = ScimConfiguration.of(properties);         // the scim.* keys
 *   ScimServlet servlet = new ScimServlet(service,
 *       TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(storedHexSha256, "scim-admin")),
 *       config.httpSettings());
 *   servletContext.addServlet("scim", servlet).addMapping("/api/scim/v2/*");   // jakarta.servlet.ServletContext
 * }</pre>
 *
 * <p>The README's "Add SCIM to your application" shows the registration in embedded Jetty and Tomcat and in
 * {@code web.xml}, with compiled code. A host with several tenants gives the servlet a handler built with a
 * {@link org.scim2j.http.ScimServiceResolver}: {@link #ScimServlet(ScimHttpHandler)}.
 *
 * <p>Hosts that declare servlets in {@code web.xml} use the no-argument constructor with the init parameter
 * {@code factory} naming a {@link ScimServletFactory} class.
 *
 * <p>What every answer is (a SCIM Error body for every refusal, the request id in the MDC and in
 * {@code X-Request-Id}, one log line per request) is the handler's; see {@link ScimHttpHandler}. This servlet adds
 * one thing: a response that fails while its body is being sent (most often, the client went away) is logged at
 * WARN and the connection aborted, since a truncated body cannot be answered any more.
 */
public class ScimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScimServlet.class);

    /** The init parameter naming a {@link ScimServletFactory} for declarative registration. */
    public static final String FACTORY_PARAMETER = "factory";

    /** The SLF4J MDC key of the request id while a request runs: {@link ScimHttpHandler#MDC_REQUEST_ID}. */
    public static final String MDC_REQUEST_ID = ScimHttpHandler.MDC_REQUEST_ID;

    private transient ScimHttpHandler handler;

    /** For declarative registration: {@link #init(ServletConfig)} builds the parts with the named factory. */
    public ScimServlet() {
    }

    /**
     * @param service       the protocol service
     * @param authenticator who may call it
     * @param settings      HTTP-level settings
     */
    public ScimServlet(ScimService service, Authenticator authenticator, ScimHttpSettings settings) {
        this(ScimHttpHandler.builder().service(Objects.requireNonNull(service, "service"))
                .authenticator(authenticator).settings(settings).build());
    }

    /** @param handler the HTTP entry point, for instance one that routes tenants to their services */
    public ScimServlet(ScimHttpHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (handler != null) {
            return;
        }
        String factoryClass = config.getInitParameter(FACTORY_PARAMETER);
        if (factoryClass == null) {
            throw new ServletException("ScimServlet needs the init parameter '" + FACTORY_PARAMETER
                    + "' naming a " + ScimServletFactory.class.getName());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            parameters.put(name, config.getInitParameter(name));
        }
        try {
            ScimServletFactory factory = Class.forName(factoryClass, true, Thread.currentThread()
                    .getContextClassLoader()).asSubclass(ScimServletFactory.class).getDeclaredConstructor()
                    .newInstance();
            ScimServletFactory.Parts parts = factory.create(parameters);
            this.handler = ScimHttpHandler.builder().service(parts.service()).authenticator(parts.authenticator())
                    .settings(parts.settings()).build();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ServletException("cannot create the SCIM servlet factory " + factoryClass, e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpRequest http = HttpRequest.builder(request.getMethod(),
                        request.getPathInfo() == null ? "/" : request.getPathInfo())
                .query(request.getQueryString())
                .headers(name -> Collections.list(request.getHeaders(name)))
                .body(request.getInputStream(), request.getContentLengthLong())
                .server(request.getScheme(), request.getServerName(), request.getServerPort(),
                        request.getContextPath() + request.getServletPath())
                .build();
        ScimResponse scim = handler.handle(http);
        try {
            write(response, scim);
        } catch (IOException | RuntimeException e) {
            String requestId = scim.header(ScimHttpHandler.REQUEST_ID_HEADER);
            if (response.isCommitted()) {
                // The status and part of the streamed body are sent (most often: the client went away). Nothing
                // can be answered any more; rethrowing lets the container abort the connection instead of ending
                // a truncated body as if it were whole.
                LOG.warn("SCIM request {} ended while its response was being sent: {}", requestId, e.toString());
                throw e;
            }
            LOG.error("SCIM request {} failed while its response was being written", requestId, e);
            response.reset(); // drops a part of a body still in the container's buffer
            write(response, ScimResponse.error(ScimException.internal(e))
                    .withHeader(ScimHttpHandler.REQUEST_ID_HEADER, requestId));
        }
    }

    private static void write(HttpServletResponse response, ScimResponse scim) throws IOException {
        response.setStatus(scim.status());
        scim.headers().forEach(response::setHeader);
        if (scim.hasBody()) {
            // Streamed: the container sends Content-Length when the body fits its buffer, else chunks.
            scim.writeBody(response.getOutputStream());
        }
    }
}
