package org.scim2j.servlet;

import java.net.URI;

/** A real servlet container running one {@link ScimServlet} on a free loopback port. */
interface ServletContainer extends AutoCloseable {

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/api/scim/v2}. */
    URI baseUrl();

    @Override
    void close() throws Exception;
}
