package org.scim2j.servlet;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;

/** Embedded Jetty 12 (EE 10). */
final class JettyContainer implements ServletContainer {

    private final Server server;
    private final URI baseUrl;

    JettyContainer(ScimServlet servlet) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/api");
        context.addServlet(new ServletHolder(servlet), "/scim/v2/*");
        server.setHandler(context);
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/scim/v2");
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
