package org.scim2j.servlet;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.scim2j.core.error.ErrorResponse;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;
import org.scim2j.servlet.internal.HttpParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one servlet a host registers, e.g. at {@code /api/scim/v2/*}. It authenticates, checks media types and body
 * size, hands the request to the {@link ScimService} and writes its response as {@code application/scim+json}.
 *
 * <pre>{@code
 *   ScimConfiguration config = ScimConfiguration.of(properties);         // the scim.* keys
 *   ScimServlet servlet = new ScimServlet(service,
 *       TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(storedHexSha256, "scim-admin")),
 *       config.servletSettings());
 *   servletContext.addServlet("scim", servlet).addMapping("/api/scim/v2/*");   // jakarta.servlet.ServletContext
 * }</pre>
 *
 * <p>The README's "Add SCIM to your application" shows the registration in embedded Jetty and Tomcat and in
 * {@code web.xml}, with compiled code.
 *
 * <p>Hosts that declare servlets in {@code web.xml} use the no-argument constructor with the init parameter
 * {@code factory} naming a {@link ScimServletFactory} class.
 *
 * <p>Every answer, including 401, 404, 405, 406, 413 and 415, is a SCIM Error body; a failure that is not a SCIM
 * error becomes a 500 whose detail reveals nothing. One log line per request (method, path, status, duration,
 * request id) goes to SLF4J logger {@code org.scim2j.servlet.ScimServlet}; tokens, query strings and bodies are
 * never logged. ERROR is for the server's own failures only: what a client causes (a 4xx, a {@code /Me} that is
 * not implemented, a body it cut short) is logged at DEBUG with its {@code scimType} and detail. The request id (the
 * client's {@code X-Request-Id} when it is safe to log, else a new one) is in the SLF4J MDC under
 * {@link #MDC_REQUEST_ID} while the request runs, and in the {@code X-Request-Id} header of every answer.
 *
 * <p>A request with more than one {@code Authorization} header is refused with 400: which one would count is
 * not defined, and a proxy and this servlet might pick different ones.
 */
public class ScimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScimServlet.class);
    private static final AtomicLong REQUESTS = new AtomicLong();

    /** The init parameter naming a {@link ScimServletFactory} for declarative registration. */
    public static final String FACTORY_PARAMETER = "factory";

    /** The SLF4J MDC key of the request id while a request runs (for the host's log pattern: {@code %X{...}}). */
    public static final String MDC_REQUEST_ID = "scim.requestId";

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private transient ScimService service;
    private transient Authenticator authenticator;
    private transient ScimServletSettings settings;

    /** For declarative registration: {@link #init(ServletConfig)} builds the parts with the named factory. */
    public ScimServlet() {
    }

    /**
     * @param service       the protocol service
     * @param authenticator who may call it
     * @param settings      HTTP-level settings
     */
    public ScimServlet(ScimService service, Authenticator authenticator, ScimServletSettings settings) {
        this.service = Objects.requireNonNull(service, "service");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (service != null) {
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
            this.service = parts.service();
            this.authenticator = parts.authenticator();
            this.settings = parts.settings();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ServletException("cannot create the SCIM servlet factory " + factoryClass, e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String requestId = HttpParts.requestId(request.getHeader("X-Request-Id"), REQUESTS.incrementAndGet());
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        MDC.put(MDC_REQUEST_ID, requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        try {
            int status;
            try {
                status = respond(request, response, method, path, requestId);
            } catch (ScimException e) {
                status = write(response, errorResponse(e, requestId), null);
            } catch (IOException | RuntimeException e) {
                if (response.isCommitted()) {
                    // The status and part of the streamed body are sent (most often: the client went away). Nothing
                    // can be answered any more; rethrowing lets the container abort the connection instead of ending
                    // a truncated body as if it were whole.
                    LOG.warn("SCIM request {} ({} {}) ended while its response was being sent: {}", requestId,
                            method, printable(path), e.toString());
                    throw e;
                }
                LOG.error("SCIM request {} ({} {}) failed", requestId, method, printable(path), e);
                response.reset(); // drops a part of a body still in the container's buffer
                response.setHeader(REQUEST_ID_HEADER, requestId);
                status = write(response, errorResponse(ScimException.internal(e), requestId), null);
            }
            LOG.info("SCIM {} {} {} {}ms id={}", method, printable(path), status,
                    (System.nanoTime() - start) / 1_000_000, requestId);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    private int respond(HttpServletRequest request, HttpServletResponse response, String method, String path,
                        String requestId) throws IOException {
        if (!settings.enabled().getAsBoolean()) {
            return write(response, errorResponse(ScimException.notFound("SCIM is not enabled"), requestId), null);
        }
        if (method.equals("POST")) {
            String override = request.getHeader("X-HTTP-Method-Override");
            if (override != null && override.trim().equalsIgnoreCase("PATCH")) {
                method = "PATCH";
            }
        }
        if (count(request.getHeaders("Authorization")) > 1) {
            return write(response, errorResponse(new ScimException(400, null, "send one Authorization header, not "
                    + "several: which one counts is not defined"), requestId), null);
        }
        AuthenticationResult auth = authenticator.authenticate(request::getHeader);
        if (auth instanceof AuthenticationResult.Unauthenticated u) {
            return write(response, errorResponse(new ScimException(401, null, u.detail()), requestId),
                    authenticator.challenge());
        }
        if (auth instanceof AuthenticationResult.Forbidden f) {
            return write(response, errorResponse(new ScimException(403, null, f.detail()), requestId), null);
        }
        String principal = ((AuthenticationResult.Authenticated) auth).principal();
        if (!HttpParts.accepts(request.getHeader("Accept"))) {
            return write(response, errorResponse(new ScimException(406, null,
                    "responses are application/scim+json; the Accept header excludes it"), requestId), null);
        }
        byte[] body = new byte[0];
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            String contentType = request.getContentType();
            if (contentType != null && !HttpParts.isJson(contentType)) {
                return write(response, errorResponse(new ScimException(415, null,
                        "send application/scim+json or application/json, not " + printable(contentType)), requestId),
                        null);
            }
            try {
                body = HttpParts.body(request, settings.maxPayloadBytes());
            } catch (IOException cutShort) {
                // the client announced more than it sent, or went away while sending: its failure, not ours
                throw new ScimException(400, ScimType.INVALID_SYNTAX, "the request body ended before it was "
                        + "complete (" + request.getContentLengthLong() + " bytes were announced)", cutShort);
            }
            if (contentType == null && body.length > 0) {
                return write(response, errorResponse(new ScimException(415, null,
                        "a request body needs Content-Type application/scim+json or application/json"), requestId),
                        null);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("If-Match", "If-None-Match")) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String baseUrl = settings.baseUrl() != null ? settings.baseUrl()
                : HttpParts.baseUrl(request, settings.trustForwardedHeaders());
        ScimRequest scimRequest = new ScimRequest(method, path, HttpParts.query(request.getQueryString()), headers,
                body, principal, baseUrl, requestId);
        return write(response, service.handle(scimRequest), null);
    }

    /** The Error answer of a refusal made here (the service logs its own); a client's error is logged at DEBUG. */
    private static ScimResponse errorResponse(ScimException e, String requestId) {
        ErrorResponse error = e.toErrorResponse();
        if (e.status() < 500 && LOG.isDebugEnabled()) {
            LOG.debug("SCIM request {} refused: {} {} {}", requestId, e.status(), error.scimType(), error.detail());
        }
        Map<String, String> headers = Map.of("Content-Type", ScimResponse.CONTENT_TYPE);
        return new ScimResponse(e.status(), headers, error.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int count(Enumeration<String> values) {
        int n = 0;
        while (values != null && values.hasMoreElements()) {
            values.nextElement();
            n++;
        }
        return n;
    }

    private static int write(HttpServletResponse response, ScimResponse scim, String challenge) throws IOException {
        response.setStatus(scim.status());
        scim.headers().forEach(response::setHeader);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        if (scim.hasBody()) {
            // Streamed: the container sends Content-Length when the body fits its buffer, else chunks.
            scim.writeBody(response.getOutputStream());
        }
        return scim.status();
    }

    /** A value safe to put in a log line or error detail: no control characters, bounded length. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        for (int i = 0; i < value.length() && out.length() < 200; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
