package org.scim2j.servlet;

/** The servlet behaviour suite in embedded Tomcat 11. */
class TomcatScimServletTest extends ScimServletBehaviour {

    @Override
    ServletContainer start(ScimServlet servlet) throws Exception {
        return new TomcatContainer(servlet);
    }
}
