package org.scim2j.http;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * An HTTP request as any transport sees it, for {@link ScimHttpHandler}: method, path under the SCIM base, raw
 * query, headers and body, and where the server received it (for the base URL of {@code Location} and
 * {@code meta.location}). A binding builds one per request:
 *
 * <pre>{@code
 *   HttpRequest request = HttpRequest.builder("GET", "/Users")      // the path under the SCIM base, decoded
 *       .query("filter=userName%20eq%20%22bjensen%22")               // raw, as received
 *       .headers(name -> headersOf(name))                            // every value of a header, any case
 *       .body(inputStream, contentLength)
 *       .server("https", "sonar.example.com", 443, "/api/scim/v2")  // where SCIM is mounted
 *       .build();
 * }</pre>
 */
public final class HttpRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Function<String, List<String>> headers;
    private final InputStream body;
    private final long contentLength;
    private final String scheme;
    private final String host;
    private final int port;
    private final String mountPath;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.rawQuery = b.rawQuery;
        this.headers = b.headers;
        this.body = b.body;
        this.contentLength = b.contentLength;
        this.scheme = b.scheme;
        this.host = b.host;
        this.port = b.port;
        this.mountPath = b.mountPath;
    }

    /**
     * A builder.
     *
     * @param method the HTTP method as received
     * @param path   the path under the SCIM base, decoded, such as {@code /Users/2819c223}; empty means {@code /}
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The HTTP method as received. */
    public String method() {
        return method;
    }

    /** The path under the SCIM base, decoded, starting with {@code /}. */
    public String path() {
        return path;
    }

    /** The query string as received (still percent-encoded), or {@code null}. */
    public String rawQuery() {
        return rawQuery;
    }

    /** Every value of a header, matching its name ignoring case; empty when absent. */
    public List<String> headers(String name) {
        List<String> values = headers.apply(name);
        return values == null ? List.of() : values;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The body; read at most once, and only for POST, PUT and PATCH. */
    public InputStream body() {
        return body;
    }

    /** The declared {@code Content-Length}, or -1 when unknown. */
    public long contentLength() {
        return contentLength;
    }

    /** The scheme the server received the request with ({@code http}, {@code https}). */
    public String scheme() {
        return scheme;
    }

    /** The host name the server received the request for. */
    public String host() {
        return host;
    }

    /** The port the server received the request on, or -1 for the scheme's default. */
    public int port() {
        return port;
    }

    /** The path SCIM is mounted at, such as {@code /api/scim/v2}; empty at the root. */
    public String mountPath() {
        return mountPath;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Collects a request's parts; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String rawQuery;
        private Function<String, List<String>> headers = name -> List.of();
        private InputStream body = InputStream.nullInputStream();
        private long contentLength = -1;
        private String scheme = "http";
        private String host = "localhost";
        private int port = -1;
        private String mountPath = "";

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            String p = Objects.requireNonNull(path, "path");
            this.path = p.isEmpty() ? "/" : p;
        }

        /** The query string as received (percent-encoded), or {@code null}. */
        public Builder query(String value) {
            this.rawQuery = value;
            return this;
        }

        /** Reads every value of a header by name (ignoring case); may return {@code null} or an empty list. */
        public Builder headers(Function<String, List<String>> value) {
            this.headers = Objects.requireNonNull(value, "headers");
            return this;
        }

        /** The body and its declared length (-1 when unknown). */
        public Builder body(InputStream value, long declaredLength) {
            this.body = Objects.requireNonNull(value, "body");
            this.contentLength = declaredLength;
            return this;
        }

        /**
         * Where the server received the request: scheme, host, port (-1 for the default) and the path SCIM is mounted
         * at. The base URL is made of these unless {@link ScimHttpSettings#baseUrl()} is set (or trusted proxy
         * headers say otherwise).
         */
        public Builder server(String scheme, String host, int port, String mountPath) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            this.mountPath = mountPath == null ? "" : mountPath;
            return this;
        }

        /** The request. */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
