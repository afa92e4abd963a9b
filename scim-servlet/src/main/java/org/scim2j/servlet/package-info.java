/**
 * The HTTP binding of scim2j for Jakarta Servlet 6 containers (Tomcat 10.1+, Jetty 12, and any other):
 * {@link org.scim2j.servlet.ScimServlet} is the one servlet a host registers, for example at
 * {@code /api/scim/v2/*}.
 *
 * <ul>
 *   <li>Who may call: an {@link org.scim2j.servlet.Authenticator}, usually
 *       {@link org.scim2j.servlet.TokenAuthenticator#bearerOrBasic} over a
 *       {@link org.scim2j.servlet.TokenVerifier} that compares the hex SHA-256 of the admin token
 *       ({@link org.scim2j.servlet.TokenVerifier#hash}) in constant time. That is how Okta
 *       (<a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/">SCIM 2.0 reference</a>) and
 *       Microsoft Entra ID
 *       (<a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 *       provisioning tutorial</a>) send a shared secret: as a bearer token, or as HTTP Basic user name.</li>
 *   <li>How it behaves: {@link org.scim2j.servlet.ScimServletSettings} (enable switch, body limit, base URL, proxy
 *       headers), or {@link org.scim2j.servlet.ScimConfiguration}, which reads the documented {@code scim.*} keys
 *       from properties and builds both these settings and the service's configuration.</li>
 *   <li>Declarative registration in {@code web.xml}: the no-argument {@code ScimServlet} with a
 *       {@link org.scim2j.servlet.ScimServletFactory}.</li>
 * </ul>
 *
 * <p>Requests a container refuses before any servlet runs (an encoded {@code /} in the path, a URI over its limit)
 * are answered by the container's own error handling, not by this servlet; the README shows how to make Jetty and
 * Tomcat answer those with SCIM Error bodies too.
 */
package org.scim2j.servlet;
