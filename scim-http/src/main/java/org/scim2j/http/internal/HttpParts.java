package org.scim2j.http.internal;

import org.scim2j.core.error.ScimException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the parts of an HTTP request the way SCIM needs them. */
public final class HttpParts {

    /** Oversize bodies up to this multiple of the limit are drained before the 413 (see {@link #body}). */
    private static final long DRAIN_FACTOR = 4;

    private HttpParts() {
    }

    /**
     * The decoded query parameters: {@code +} and {@code %20} are spaces, {@code %22} a quote (RFC 3986 and
     * HTML form encoding, as IdPs mix them).
     *
     * @throws ScimException 400 for a malformed percent-escape
     */
    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ScimException.badRequest(null, "malformed percent-encoding in the query string");
        }
    }

    /**
     * The body, read as a stream and never more than {@code limit + 1} bytes of it.
     *
     * @param declared the {@code Content-Length}, or -1 when unknown
     *
     * @throws ScimException 413 when the body is over the limit
     */
    public static byte[] body(InputStream in, long declared, long limit) throws IOException {
        if (declared > limit) {
            // A body up to a few times the limit is read and discarded so that the client, still sending, gets the
            // 413 instead of a reset connection; anything larger is refused unread.
            if (declared <= DRAIN_FACTOR * limit) {
                try {
                    in.skipNBytes(declared);
                } catch (IOException shortOrGone) {
                    // the client sent less than it declared or went away: the 413 stands either way
                }
            }
            throw ScimException.payloadTooLarge("the request body is larger than the limit of " + limit + " bytes");
        }
        byte[] buffer = new byte[(int) Math.min(declared > 0 ? declared : 8192, limit + 1)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > limit) {
                    throw ScimException.payloadTooLarge("the request body is larger than the limit of " + limit
                            + " bytes");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1, (long) buffer.length * 2));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                break;
            }
            size += read;
            if (size > limit) {
                throw ScimException.payloadTooLarge("the request body is larger than the limit of " + limit
                        + " bytes");
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /** Whether a Content-Type is one SCIM accepts: {@code application/scim+json} or {@code application/json}. */
    public static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/scim+json") || type.equals("application/json");
    }

    /**
     * Whether an Accept header admits a SCIM response (RFC 7644 §3.8): absent, {@code *}/{@code *},
     * {@code application/*}, {@code application/scim+json} or {@code application/json}, with q above 0.
     */
    public static boolean accepts(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            if (type.isEmpty() || isZeroQuality(range)) {
                continue;
            }
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/scim+json")
                    || type.equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String value) {
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isZeroQuality(String range) {
        for (String parameter : range.split(";")) {
            String p = parameter.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The SCIM base URL of a request: scheme, host, port and the path SCIM is mounted at, optionally from
     * {@code Forwarded} (RFC 7239) or {@code X-Forwarded-Proto/Host/Port/Prefix} when a trusted proxy sets them.
     *
     * @param headers reads a request header by name, {@code null} when absent
     */
    public static String baseUrl(String scheme, String host, int port, String mountPath,
                                 java.util.function.UnaryOperator<String> headers, boolean trustForwarded) {
        String prefix = "";
        if (trustForwarded) {
            String forwarded = headers.apply("Forwarded");
            if (forwarded != null) {
                String first = forwarded.split(",")[0];
                for (String part : first.split(";")) {
                    String[] kv = part.trim().split("=", 2);
                    if (kv.length == 2) {
                        String v = kv[1].trim().replace("\"", "");
                        if (kv[0].trim().equalsIgnoreCase("proto") && isToken(v)) {
                            scheme = v;
                            port = -1;
                        } else if (kv[0].trim().equalsIgnoreCase("host") && isHost(v)) {
                            host = v;
                            port = -1;
                        }
                    }
                }
            } else {
                String proto = first(headers.apply("X-Forwarded-Proto"));
                String fHost = first(headers.apply("X-Forwarded-Host"));
                String fPort = first(headers.apply("X-Forwarded-Port"));
                String fPrefix = first(headers.apply("X-Forwarded-Prefix"));
                if (proto != null && isToken(proto)) {
                    scheme = proto;
                    port = -1;
                }
                if (fHost != null && isHost(fHost)) {
                    host = fHost;
                    port = -1;
                }
                if (fPort != null && fPort.matches("[0-9]{1,5}")) {
                    port = Integer.parseInt(fPort);
                }
                if (fPrefix != null && fPrefix.matches("(/[A-Za-z0-9._~\\-]+)+")) {
                    prefix = fPrefix;
                }
            }
        }
        StringBuilder url = new StringBuilder(64).append(scheme).append("://").append(host);
        boolean defaultPort = port < 0 || (port == 80 && scheme.equalsIgnoreCase("http"))
                || (port == 443 && scheme.equalsIgnoreCase("https"));
        if (!defaultPort && host.indexOf(':') < 0) {
            url.append(':').append(port);
        }
        return url.append(prefix).append(mountPath).toString();
    }

    private static String first(String header) {
        return header == null ? null : header.split(",")[0].trim();
    }

    private static boolean isToken(String v) {
        return v.equalsIgnoreCase("http") || v.equalsIgnoreCase("https");
    }

    private static boolean isHost(String v) {
        return v.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
    }

    /** A request id from {@code X-Request-Id} when it is safe to log, else a new one. */
    public static String requestId(String header, long counter) {
        if (header != null && header.matches("[A-Za-z0-9._\\-]{1,64}")) {
            return header;
        }
        return Long.toString(counter, 36);
    }
}
