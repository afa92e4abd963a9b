package org.scim2j.http;

import org.scim2j.core.error.ErrorResponse;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.http.internal.HttpParts;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SCIM HTTP entry point, independent of any transport: an {@link HttpRequest} goes in, a {@link ScimResponse}
 * (status, headers, body) comes out, and nothing is thrown. Every binding (the servlet, a JAX-RS resource, a test)
 * is a thin adapter around it; what SCIM needs from HTTP happens here, once, in this order:
 * <ol>
 *   <li>the request id: the client's {@code X-Request-Id} when it is safe to log, else a new one; in the SLF4J MDC
 *       under {@link #MDC_REQUEST_ID} while the request is handled, and in the {@code X-Request-Id} of every
 *       answer;</li>
 *   <li>the enable switch ({@link ScimHttpSettings#enabled()}): off, every request is 404;</li>
 *   <li>{@code X-HTTP-Method-Override: PATCH} on a POST (RFC 7644 §3.5.2, for clients that cannot send PATCH);</li>
 *   <li>authentication: more than one {@code Authorization} header is 400 (which one counts is not defined); the
 *       {@link Authenticator} decides 401 (with {@code WWW-Authenticate}), 403 or who the principal is; the
 *       {@link ScimServiceResolver} picks the principal's service (403 when it has none);</li>
 *   <li>content negotiation (RFC 7644 §3.8): an {@code Accept} without a JSON type is 406; a body that is not
 *       {@code application/scim+json} or {@code application/json} is 415;</li>
 *   <li>the body limit ({@link ScimHttpSettings#maxPayloadBytes()}): 413 before the body is buffered; a body the
 *       client cuts short is 400;</li>
 *   <li>the base URL: {@link ScimHttpSettings#baseUrl()}, else where the request was received, from trusted proxy
 *       headers when {@link ScimHttpSettings#trustForwardedHeaders()}.</li>
 * </ol>
 * Every refusal is a SCIM Error body ({@link ScimResponse#error}). The chosen service's observers see the outcome
 * of every request, those refused here included once the service is known (with a resolver, a request refused
 * before it is authenticated has no service, and no observer sees it). One INFO line per request (method, path,
 * status, duration, request id; never tokens, queries or bodies) goes to this class's logger.
 *
 * <pre>{@code
 *   ScimHttpHandler scim = ScimHttpHandler.builder()
 *       .service(service)
 *       .authenticator(TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(storedHexSha256, "scim-admin")))
 *       .settings(ScimConfiguration.of(properties).httpSettings())
 *       .build();
 *   ScimResponse response = scim.handle(request);
 *   // the binding sends response.status() and response.headers(), then response.writeBody(out)
 * }</pre>
 */
public final class ScimHttpHandler {

    /** The SLF4J MDC key of the request id while a request runs (for the host's log pattern: {@code %X{...}}). */
    public static final String MDC_REQUEST_ID = "scim.requestId";

    /** The header carrying the request id, in requests and every answer. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(ScimHttpHandler.class);
    private static final AtomicLong REQUESTS = new AtomicLong();

    private final ScimServiceResolver services;
    private final ScimService single;
    private final Authenticator authenticator;
    private final ScimHttpSettings settings;

    private ScimHttpHandler(Builder b) {
        this.single = b.single;
        this.services = b.single != null ? ScimServiceResolver.single(b.single) : b.services;
        this.authenticator = b.authenticator;
        this.settings = b.settings;
    }

    /** A builder; it needs a service (or a resolver) and an authenticator. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings in force. */
    public ScimHttpSettings settings() {
        return settings;
    }

    /** Handles one request. Never throws; every answer carries {@value #REQUEST_ID_HEADER}. */
    public ScimResponse handle(HttpRequest request) {
        long start = System.nanoTime();
        String requestId = HttpParts.requestId(request.header(REQUEST_ID_HEADER), REQUESTS.incrementAndGet());
        String previous = MDC.get(MDC_REQUEST_ID);
        MDC.put(MDC_REQUEST_ID, requestId);
        try {
            Exchange exchange = new Exchange(request, requestId, start);
            ScimResponse response = exchange.respond().withHeader(REQUEST_ID_HEADER, requestId);
            LOG.info("SCIM {} {} {} {}ms id={}", exchange.method, printable(request.path()), response.status(),
                    (System.nanoTime() - start) / 1_000_000, requestId);
            return response;
        } finally {
            if (previous == null) {
                MDC.remove(MDC_REQUEST_ID);
            } else {
                MDC.put(MDC_REQUEST_ID, previous);
            }
        }
    }

    /** One request on its way through the steps of the class comment. */
    private final class Exchange {
        private final HttpRequest request;
        private final String requestId;
        private final long start;
        private final String baseUrl;
        private String method;
        private AuthenticationResult.Authenticated principal;
        private ScimService service;

        Exchange(HttpRequest request, String requestId, long start) {
            this.request = request;
            this.requestId = requestId;
            this.start = start;
            this.method = request.method();
            this.baseUrl = settings.baseUrl() != null ? settings.baseUrl()
                    : HttpParts.baseUrl(request.scheme(), request.host(), request.port(), request.mountPath(),
                            request::header, settings.trustForwardedHeaders());
            this.service = single;
        }

        ScimResponse respond() {
            try {
                ScimResponse refusal = admit();
                return refusal != null ? refusal : service.handle(scimRequest(read()));
            } catch (ScimException e) {
                return refuse(e);
            } catch (RuntimeException e) {
                LOG.error("SCIM request {} ({} {}) failed", requestId, method, printable(request.path()), e);
                return refuse(ScimException.internal(e));
            }
        }

        /** Steps 2 to 5: a refusal, or {@code null} when the request may be read and handled. */
        private ScimResponse admit() {
            if (!settings.enabled().getAsBoolean()) {
                return refuse(ScimException.notFound("SCIM is not enabled"));
            }
            if (method.equals("POST")) {
                String override = request.header("X-HTTP-Method-Override");
                if (override != null && override.trim().equalsIgnoreCase("PATCH")) {
                    method = "PATCH";
                }
            }
            if (request.headers("Authorization").size() > 1) {
                return refuse(ScimException.badRequest(null, "send one Authorization header, not several: which "
                        + "one counts is not defined"));
            }
            AuthenticationResult auth = authenticator.authenticate(request::header);
            if (auth instanceof AuthenticationResult.Unauthenticated u) {
                return refuse(ScimException.unauthorized(u.detail()))
                        .withHeader("WWW-Authenticate", authenticator.challenge());
            }
            if (auth instanceof AuthenticationResult.Forbidden f) {
                return refuse(ScimException.forbidden(f.detail()));
            }
            principal = (AuthenticationResult.Authenticated) auth;
            Optional<ScimService> chosen = services.resolve(principal);
            if (chosen.isEmpty()) {
                return refuse(ScimException.forbidden("no SCIM service for this principal"));
            }
            service = chosen.get();
            if (!HttpParts.accepts(request.header("Accept"))) {
                return refuse(ScimException.notAcceptable(
                        "responses are application/scim+json; the Accept header excludes it"));
            }
            String contentType = request.header("Content-Type");
            if (hasBody() && contentType != null && !HttpParts.isJson(contentType)) {
                return refuse(ScimException.unsupportedMediaType("send application/scim+json or application/json, "
                        + "not " + printable(contentType)));
            }
            return null;
        }

        private boolean hasBody() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }

        /** Step 6: the body, within the limit. */
        private byte[] read() {
            if (!hasBody()) {
                return new byte[0];
            }
            byte[] body;
            try {
                body = HttpParts.body(request.body(), request.contentLength(), settings.maxPayloadBytes());
            } catch (IOException cutShort) {
                // the client announced more than it sent, or went away while sending: its failure, not ours
                throw new ScimException(400, ScimType.INVALID_SYNTAX, "the request body ended before it was "
                        + "complete (" + request.contentLength() + " bytes were announced)", cutShort);
            }
            if (request.header("Content-Type") == null && body.length > 0) {
                throw ScimException.unsupportedMediaType(
                        "a request body needs Content-Type application/scim+json or application/json");
            }
            return body;
        }

        private ScimRequest scimRequest(byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("If-Match", "If-None-Match")) {
                String value = request.header(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            return new ScimRequest(method, request.path(), HttpParts.query(request.rawQuery()), headers, body,
                    principal == null ? null : principal.principal(), baseUrl, requestId,
                    principal == null ? Map.of() : principal.attributes());
        }

        /** The Error answer of a refusal made here (the service logs its own), told to the service's observers. */
        private ScimResponse refuse(ScimException e) {
            ErrorResponse error = e.toErrorResponse();
            if (e.status() < 500 && LOG.isDebugEnabled()) {
                LOG.debug("SCIM request {} refused: {} {} {}", requestId, e.status(), error.scimType(),
                        error.detail());
            }
            if (service != null) {
                ScimRequest seen = new ScimRequest(method, request.path(), Map.of(), Map.of(), null,
                        principal == null ? null : principal.principal(), baseUrl, requestId,
                        principal == null ? Map.of() : principal.attributes());
                service.refused(seen, e.status(), error.scimType() == null ? null : error.scimType().wireName(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            return ScimResponse.error(error);
        }
    }

    /** A value safe to put in a log line or error detail: no control characters, bounded length. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        for (int i = 0; i < value.length() && out.length() < 200; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    /** Collects the parts; not thread-safe. */
    public static final class Builder {
        private ScimService single;
        private ScimServiceResolver services;
        private Authenticator authenticator;
        private ScimHttpSettings settings = ScimHttpSettings.defaults();

        private Builder() {
        }

        /** The one service every authenticated request goes to. */
        public Builder service(ScimService value) {
            this.single = Objects.requireNonNull(value, "service");
            this.services = null;
            return this;
        }

        /** Chooses a service per authenticated principal (tenants); replaces {@link #service}. */
        public Builder services(ScimServiceResolver value) {
            this.services = Objects.requireNonNull(value, "services");
            this.single = null;
            return this;
        }

        /** Who may call. */
        public Builder authenticator(Authenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** The HTTP settings (default: {@link ScimHttpSettings#defaults()}). */
        public Builder settings(ScimHttpSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * The handler.
         *
         * @throws IllegalStateException without a service (or resolver) or an authenticator
         */
        public ScimHttpHandler build() {
            if (single == null && services == null) {
                throw new IllegalStateException("give a service or a service resolver");
            }
            if (authenticator == null) {
                throw new IllegalStateException("give an authenticator");
            }
            return new ScimHttpHandler(this);
        }
    }
}
