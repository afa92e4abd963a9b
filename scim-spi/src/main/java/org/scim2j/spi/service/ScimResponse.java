package org.scim2j.spi.service;

import org.scim2j.core.error.ErrorResponse;
import org.scim2j.core.error.ScimException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SCIM response, independent of any transport: a status, headers and a body.
 *
 * <p>The service's JSON bodies are written when they are sent, not when the response is made: a transport calls
 * {@link #writeBody(OutputStream)}, and a body of many megabytes (a group of 100,000 members) goes to the client
 * in the transport's buffers instead of first becoming one array in the heap. {@link #body()} gives the same
 * bytes as an array for callers that want them (tests, bulk operations); it writes the body once and keeps it.
 * Instances are immutable in what they show and safe to share.
 */
public final class ScimResponse {

    /** The media type of every SCIM body (RFC 7644 §3.1). */
    public static final String CONTENT_TYPE = "application/scim+json; charset=utf-8";

    private static final byte[] EMPTY = new byte[0];

    /** Writes a body to a stream, without closing it. */
    @FunctionalInterface
    public interface BodyWriter {

        /**
         * Writes the whole body.
         *
         * @param out the stream; left open
         * @throws IOException if the stream fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers;
    private final BodyWriter writer;
    private volatile byte[] bytes;

    /**
     * A response with a body already written.
     *
     * @param status  the HTTP status
     * @param headers the response headers ({@code Content-Type}, {@code Location}, {@code ETag}, {@code Allow});
     *                copied
     * @param body    the body, {@code null} or empty for 204 and 304; not copied
     */
    public ScimResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = copy(headers);
        this.bytes = body == null ? EMPTY : body;
        this.writer = null;
    }

    private ScimResponse(int status, Map<String, String> headers, BodyWriter writer) {
        this.status = status;
        this.headers = copy(headers);
        this.writer = writer;
    }

    /**
     * A response whose (non-empty) body is written by {@code body} when it is sent or first asked for. The writer
     * must write the same bytes each time it is called and must not depend on state that changes afterwards.
     *
     * @param status  the HTTP status
     * @param headers the response headers; copied
     * @param body    writes the body
     * @return the response
     */
    public static ScimResponse streaming(int status, Map<String, String> headers, BodyWriter body) {
        return new ScimResponse(status, headers, Objects.requireNonNull(body, "body"));
    }

    private static Map<String, String> copy(Map<String, String> headers) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }

    /**
     * The Error response of RFC 7644 §3.12 for {@code error}: its status, {@code Content-Type: application/scim+json}
     * and the body {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404",...}}. Every
     * SCIM error body of scim2j is written here: the service's, an HTTP binding's (401, 406, 413, 415), and a
     * container's own refusals when its error handler calls this (see the README's container recipes).
     */
    public static ScimResponse error(ErrorResponse error) {
        byte[] body = error.toJson().toString().getBytes(StandardCharsets.UTF_8);
        return new ScimResponse(error.status(), Map.of("Content-Type", CONTENT_TYPE), body);
    }

    /** The Error response of a {@link ScimException} ({@link #error(ErrorResponse)}). */
    public static ScimResponse error(ScimException e) {
        return error(e.toErrorResponse());
    }

    /**
     * The Error response for a request a servlet container (or proxy) refused before SCIM ran, for its error
     * handler: fixed details, so that no parser message or class name reaches the client. 400: an ambiguous URI
     * (an encoded {@code /}, a NUL, a {@code ..} segment) or a malformed header; 404: no endpoint; 414: a URI too
     * long; 431: headers too large; 500: a failure; another error status has no detail, and a status that is not
     * an error becomes 500.
     */
    public static ScimResponse containerError(int status) {
        String detail = switch (status) {
            case 400 -> "malformed request: the URI (an encoded '/', '.', '\\' or '%', a NUL, a '..' segment) or a "
                    + "header cannot be accepted";
            case 404 -> "no SCIM endpoint at this path";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "the service provider failed to process the request";
            default -> null;
        };
        return error(new ErrorResponse(status >= 400 && status <= 599 ? status : 500, null, detail));
    }

    /** This response with one more header (or another value for it), the body unchanged. */
    public ScimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return writer != null && bytes == null ? new ScimResponse(status, h, writer)
                : new ScimResponse(status, h, body());
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the headers, unmodifiable */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return whether there is a body to send ({@code false} for 204 and 304) */
    public boolean hasBody() {
        byte[] written = bytes;
        return written == null || written.length > 0;
    }

    /**
     * The body as bytes, empty for 204 and 304. A streaming body is written into an array on the first call and
     * kept; transports should prefer {@link #writeBody(OutputStream)}.
     *
     * @return the body; do not modify
     */
    public byte[] body() {
        byte[] written = bytes;
        if (written == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            try {
                writer.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
            written = out.toByteArray();
            bytes = written;
        }
        return written;
    }

    /**
     * Writes the body to {@code out} (nothing for 204 and 304), streaming it if it was not written before.
     *
     * @param out the transport's stream; left open
     * @throws IOException if the stream fails
     */
    public void writeBody(OutputStream out) throws IOException {
        byte[] written = bytes;
        if (written != null) {
            out.write(written);
        } else {
            writer.writeTo(out);
        }
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * @param name a header name, matched ignoring case
     * @return its value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Equal when status, headers and body bytes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScimResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body(), r.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body()));
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + bodyText();
    }
}
