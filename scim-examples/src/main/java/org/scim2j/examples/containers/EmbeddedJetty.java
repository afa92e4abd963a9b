package org.scim2j.examples.containers;

// tag::imports[]
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.scim2j.servlet.ScimServlet;

import java.net.InetSocketAddress;
// end::imports[]

/**
 * Recipe: the SCIM servlet in embedded Jetty 12 (jetty-server and jetty-ee10-servlet), with SCIM Error bodies for
 * the requests Jetty refuses itself.
 */
public final class EmbeddedJetty {

    private EmbeddedJetty() {
    }

    /** Starts Jetty on 127.0.0.1 ({@code port} 0 picks a free port); SCIM answers at {@code /api/scim/v2}. */
    public static Server start(ScimServlet scim, int port) throws Exception {
        // tag::jetty[]
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("scim", scim), "/api/scim/v2/*");
        Server server = new Server(new InetSocketAddress("127.0.0.1", port));
        server.setHandler(context);
        // Requests Jetty refuses before any servlet runs (/Users/%2Fetc, a URI or headers over its limits) get a
        // SCIM Error body too, not Jetty's HTML page.
        server.setErrorHandler(new ScimJettyErrorHandler("/api/scim/v2"));
        server.start();
        // end::jetty[]
        return server;
    }
}
