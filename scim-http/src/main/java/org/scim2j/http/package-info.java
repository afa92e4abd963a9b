/**
 * The transport-neutral HTTP entry point of scim2j: {@link org.scim2j.http.ScimHttpHandler} takes an
 * {@link org.scim2j.http.HttpRequest} (method, path, raw query, headers, body stream) and gives a
 * {@link org.scim2j.spi.service.ScimResponse} (status, headers, body). Authentication, content negotiation
 * (RFC 7644 §3.8), body limits, the enable switch, base URLs and tenant routing happen there once, so that a binding
 * (the servlet of {@code scim-servlet}, a JAX-RS resource) only copies a request in and a response out.
 *
 * <ul>
 *   <li>Who may call: an {@link org.scim2j.http.Authenticator}, usually
 *       {@link org.scim2j.http.TokenAuthenticator#bearerOrBasic} over a {@link org.scim2j.http.TokenVerifier} that
 *       compares the hex SHA-256 of the admin token ({@link org.scim2j.http.TokenVerifier#hash}) in constant time.
 *       That is how Okta
 *       (<a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/">SCIM 2.0 reference</a>) and
 *       Microsoft Entra ID
 *       (<a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 *       provisioning tutorial</a>) send a shared secret: as a bearer token, or as HTTP Basic user name. An
 *       authenticator may attach attributes (tenant, roles) to the principal.</li>
 *   <li>Tenants: a {@link org.scim2j.http.ScimServiceResolver} picks a service per principal.</li>
 *   <li>How it behaves: {@link org.scim2j.http.ScimHttpSettings} (enable switch, body limit, base URL, proxy
 *       headers), or {@link org.scim2j.http.ScimConfiguration}, which reads the documented {@code scim.*} keys and
 *       builds both these settings and the service's configuration.</li>
 * </ul>
 */
package org.scim2j.http;
