package org.scim2j.servlet;

// Every test and assertion is inherited from ScimServletBehaviour; this class only supplies the setup.
/** The servlet behaviour suite in embedded Jetty 12. */
class JettyScimServletTest extends ScimServletBehaviour {

    @Override
    ServletContainer start(ScimServlet servlet) throws Exception {
        return new JettyContainer(servlet);
    }
}
