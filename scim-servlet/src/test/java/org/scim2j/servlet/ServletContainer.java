package org.scim2j.servlet;

import java.net.URI;

/** A real servlet container running one {@link ScimServlet} on a free loopback port. */
interface ServletContainer {

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/api/scim/v2}. */
    URI baseUrl();

    /** Stops the container. */
    void stop() throws Exception;
}
