package org.scim2j.servlet;

/** The servlet behaviour suite in embedded Jetty 12. */
class JettyScimServletTest extends ScimServletBehaviour {

    @Override
    ServletContainer start(ScimServlet servlet) throws Exception {
        return new JettyContainer(servlet);
    }
}
