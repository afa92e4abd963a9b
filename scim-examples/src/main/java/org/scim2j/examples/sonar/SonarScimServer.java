package org.scim2j.examples.sonar;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.scim2j.examples.sonar.store.AdminTokens;
import org.scim2j.examples.sonar.store.Adoption;
import org.scim2j.examples.sonar.store.Database;
import org.scim2j.examples.sonar.store.HostSchemas;
import org.scim2j.examples.sonar.store.JdbcGroupRepository;
import org.scim2j.examples.sonar.store.JdbcUserRepository;
import org.scim2j.examples.sonar.store.UnmappedAttributes;
import org.scim2j.http.ScimConfiguration;
import org.scim2j.http.ScimHttpSettings;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;
import org.scim2j.servlet.ScimServlet;
import org.scim2j.spi.service.ScimService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SonarQube-style example host: embedded Jetty 12 serving scim2j at {@code /api/scim/v2} over the JDBC
 * repositories, with an admin token (Bearer, or Basic with the token as user name).
 *
 * <pre>{@code
 *   try (SonarScimServer server = SonarScimServer.start(ServerConfig.fromEnvironment(System.getenv()), System.out)) {
 *       server.join();
 *   }
 * }</pre>
 */
public final class SonarScimServer implements AutoCloseable {

    /** The servlet path under the context {@code /api}, as SonarQube's {@code /api/scim/v2}. */
    public static final String SCIM_PATH = "/api/scim/v2";

    private static final Logger LOG = LoggerFactory.getLogger(SonarScimServer.class);
    private static final String PRINCIPAL = "scim-admin";

    private final Server server;
    private final Database database;
    private final URI baseUrl;
    private final AtomicBoolean enabled;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SonarScimServer(Server server, Database database, URI baseUrl, AtomicBoolean enabled) {
        this.server = server;
        this.database = database;
        this.baseUrl = baseUrl;
        this.enabled = enabled;
    }

    /**
     * Opens (and migrates) the database, starts Jetty and prints {@code SCIM base URL: ...} (and a generated admin
     * token, the one time it is generated) to {@code out}.
     *
     * @throws Exception if the database or the server cannot start; nothing is left running then
     */
    public static SonarScimServer start(ServerConfig config, PrintStream out) throws Exception {
        Database database = Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), null);
        Server server = null;
        try {
            AdminTokens.Resolved token = AdminTokens.resolve(database, config.adminToken());
            UnmappedAttributes mode = config.unmappedAttributes();
            // SCIM_MAX_PAYLOAD_BYTES, SCIM_BASE_URL and SCIM_CURSOR_SECRET are the library's own settings.
            ScimConfiguration settings = ScimConfiguration.of(config.scimSettings());
            ScimService service = ScimService.builder()
                    .registry(HostSchemas.of(mode))
                    .users(new JdbcUserRepository(database, Clock.systemUTC(), mode,
                            Adoption.of(config.adoptProviders()), config.searchTimeout()))
                    .groups(new JdbcGroupRepository(database, Clock.systemUTC(), mode, config.searchTimeout()))
                    // Groups can be large: by default their PATCH answers 204 instead of the whole member list.
                    .config(settings.serviceConfig().withNoContentOnPatch(config.noContentOnPatch()))
                    .build();
            AtomicBoolean enabled = new AtomicBoolean(config.enabled());
            ScimHttpSettings servletSettings = settings.httpSettings().withEnabled(enabled::get);
            ScimServlet servlet = new ScimServlet(service,
                    TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(token.sha256(), PRINCIPAL)),
                    servletSettings);

            server = new Server();
            server.setStopTimeout(config.stopTimeout().toMillis());
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(config.bindAddress());
            connector.setPort(config.port());
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/api");
            context.addServlet(new ServletHolder("scim", servlet), "/scim/v2/*");
            // What Jetty itself refuses (ambiguous or NUL-bearing URIs, oversized request lines) is a SCIM Error too.
            server.setErrorHandler(new ScimErrorHandler());
            context.setErrorHandler(new ScimErrorHandler());
            // Requests that may carry whole groups are read whole into memory: beyond this many at once they wait
            // (up to 30 s, then 503) instead of exhausting the heap. The limit covers writing the response too. User
            // lookups and writes, which are small, are not held back.
            QoSHandler limit = new QoSHandler(context);
            limit.setMaxRequestCount(config.maxConcurrentRequests());
            limit.setMaxSuspend(Duration.ofSeconds(30));
            limit.include(request -> mayCarryGroups(request.getHttpURI().getDecodedPath()));
            // On stop, requests in flight finish (up to the stop timeout) and new ones are refused.
            server.setHandler(new GracefulHandler(limit));
            server.start();

            URI baseUrl = URI.create("http://" + host(config.bindAddress()) + ":" + connector.getLocalPort()
                    + SCIM_PATH);
            token.generated().ifPresent(t -> out.println("SCIM admin token (generated; shown only now, only its "
                    + "SHA-256 is stored): " + t));
            if (config.adminToken() == null && token.generated().isEmpty()) {
                out.println("SCIM admin token: the one generated on first start (stored hashed); set "
                        + "SCIM_ADMIN_TOKEN to use another");
            }
            if (!config.enabled()) {
                out.println("SCIM is disabled (SCIM_ENABLED=false): every SCIM URL answers 404");
            }
            out.println("SCIM base URL: " + baseUrl);
            if (servletSettings.baseUrl() != null) {
                out.println("SCIM public base URL (SCIM_BASE_URL; Location and meta.location use it): "
                        + servletSettings.baseUrl());
            }
            out.flush();
            LOG.info("started: {}", config);
            return new SonarScimServer(server, database, baseUrl, enabled);
        } catch (Exception | Error e) {
            if (server != null) {
                stopQuietly(server, e);
            }
            database.close();
            throw e;
        }
    }

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:8080/api/scim/v2}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port listened on. */
    public int port() {
        return baseUrl.getPort();
    }

    /** The database, for hosts and tests that look at the host tables. */
    public Database database() {
        return database;
    }

    /** Switches SCIM on or off while running, as SonarQube's {@code sonar.scim.enabled}. */
    public void setEnabled(boolean value) {
        enabled.set(value);
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: new requests are refused, requests in flight finish (their transactions commit before
     * they are answered), then the database is closed. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed", e);
        } finally {
            database.close();
        }
        LOG.info("stopped");
    }

    private static void stopQuietly(Server server, Throwable cause) {
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** The host part of the printed URL: a wildcard address is reached on loopback. */
    /**
     * Whether a request path is {@code /Groups}, the root {@code /.search} or {@code /Bulk} under the SCIM base:
     * the requests whose answers may hold whole groups.
     */
    static boolean mayCarryGroups(String path) {
        if (path == null || !path.regionMatches(true, 0, SCIM_PATH, 0, SCIM_PATH.length())) {
            return false;
        }
        String rest = path.substring(SCIM_PATH.length()).toLowerCase(Locale.ROOT);
        return rest.startsWith("/groups") || rest.startsWith("/.search") || rest.startsWith("/bulk");
    }

    private static String host(String bindAddress) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(bindAddress);
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }
}
