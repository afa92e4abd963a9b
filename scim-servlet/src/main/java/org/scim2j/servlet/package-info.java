/**
 * The Jakarta Servlet 6 binding of scim2j (Tomcat 10.1+, Jetty 12, and any other container):
 * {@link org.scim2j.servlet.ScimServlet} is the one servlet a host registers, for example at
 * {@code /api/scim/v2/*}. It copies each request into {@link org.scim2j.http.ScimHttpHandler} (module
 * {@code scim-http}), where authentication, content negotiation, limits, the enable switch, base URLs and tenant
 * routing live, and copies the answer back.
 *
 * <ul>
 *   <li>Who may call, and how it behaves: {@link org.scim2j.http.TokenAuthenticator},
 *       {@link org.scim2j.http.ScimHttpSettings} and {@link org.scim2j.http.ScimConfiguration}, in
 *       {@code org.scim2j.http}.</li>
 *   <li>Declarative registration in {@code web.xml}: the no-argument {@code ScimServlet} with a
 *       {@link org.scim2j.servlet.ScimServletFactory}.</li>
 * </ul>
 *
 * <p>Requests a container refuses before any servlet runs (an encoded {@code /} in the path, a URI over its limit)
 * are answered by the container's own error handling, not by this servlet; the README shows how to make Jetty and
 * Tomcat answer those with SCIM Error bodies too ({@link org.scim2j.spi.service.ScimResponse#error}).
 */
package org.scim2j.servlet;
