package org.scim2j.examples.containers;

import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.scim2j.servlet.ScimServlet;

// Every test and assertion is inherited from ContainerRecipeBehaviour; this class only starts the container.
/** {@link EmbeddedJetty} over HTTP. */
class JettyRecipeTest extends ContainerRecipeBehaviour {

    private Server server;

    @Override
    String start(ScimServlet scim) throws Exception {
        server = EmbeddedJetty.start(scim, 0);
        return "http://127.0.0.1:" + ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    void stop() throws Exception {
        server.stop();
    }
}
