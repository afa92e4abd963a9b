/**
 * The SCIM protocol service, independent of any transport: {@link org.scim2j.spi.service.ScimService} takes a
 * {@link org.scim2j.spi.service.ScimRequest} and gives a {@link org.scim2j.spi.service.ScimResponse}, implementing
 * <a href="https://www.rfc-editor.org/rfc/rfc7644">RFC 7644</a> (create, read, replace, PATCH, delete, query and
 * {@code /.search}, bulk, ETags, the discovery endpoints of §4, {@code /Me} with a
 * {@link org.scim2j.spi.service.MeResolver}) and <a href="https://www.rfc-editor.org/rfc/rfc9865">RFC 9865</a> cursor
 * paging over the host's repositories.
 *
 * <p>{@link org.scim2j.spi.service.ScimServiceConfig} (built with its builder) sets limits, the filter policy for
 * what a repository does not evaluate, the PATCH compatibility profile and what {@code /ServiceProviderConfig}
 * advertises ({@link org.scim2j.spi.service.AuthenticationScheme}). Observers registered on the service
 * ({@link org.scim2j.spi.event.ScimObserver}) see its writes and request outcomes. An HTTP host does not call the
 * service directly: {@code org.scim2j.http.ScimHttpHandler} (module {@code scim-http}) is its HTTP entry point,
 * and {@code org.scim2j.servlet.ScimServlet} binds that to a servlet container.
 */
package org.scim2j.spi.service;
