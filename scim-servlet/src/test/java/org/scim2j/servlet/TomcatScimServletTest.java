package org.scim2j.servlet;

// Every test and assertion is inherited from ScimServletBehaviour; this class only supplies the setup.
/** The servlet behaviour suite in embedded Tomcat 11. */
class TomcatScimServletTest extends ScimServletBehaviour {

    @Override
    ServletContainer start(ScimServlet servlet) throws Exception {
        return new TomcatContainer(servlet);
    }
}
