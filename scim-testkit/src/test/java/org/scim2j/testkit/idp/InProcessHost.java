package org.scim2j.testkit.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server (the JDK's) in front of a real {@link ScimService}, with a bearer token: the smallest host the
 * suites can run against in this module, which has no servlet container. {@code rewrite} lets a test plant one flaw
 * between the service and the wire.
 */
final class InProcessHost implements AutoCloseable {

    static final String TOKEN = "in-process-token";

    /** What a planted flaw does to an answer. */
    @FunctionalInterface
    interface Rewrite {
        ScimResponse apply(ScimRequest request, ScimResponse response);
    }

    private final HttpServer server;

    InProcessHost(ScimService service, Rewrite rewrite) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/scim/v2", exchange -> {
            try (exchange) {
                handle(service, rewrite, exchange);
            }
        });
        server.start();
    }

    ScimTarget target() {
        return ScimTarget.bearer(baseUrl(), TOKEN);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
    }

    private void handle(ScimService service, Rewrite rewrite, HttpExchange exchange)
            throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, new ScimResponse(401, Map.of("Content-Type", ScimResponse.CONTENT_TYPE),
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\"}"
                            .getBytes(StandardCharsets.UTF_8)));
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/scim/v2".length());
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        ScimRequest request = new ScimRequest(exchange.getRequestMethod(), path.isEmpty() ? "/" : path, query,
                headers, body, "idp", baseUrl(), null);
        send(exchange, rewrite.apply(request, service.handle(request)));
    }

    private static void send(HttpExchange exchange, ScimResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (!response.hasBody()) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            response.writeBody(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
