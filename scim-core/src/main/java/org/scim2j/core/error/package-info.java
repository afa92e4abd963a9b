/**
 * The SCIM error model of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.12">RFC 7644 §3.12</a>:
 * {@link org.scim2j.core.error.ScimException} (unchecked; an HTTP status, a {@link org.scim2j.core.error.ScimType}
 * keyword and a detail), the {@link org.scim2j.core.error.ScimType} keywords of Table 9 and of
 * <a href="https://www.rfc-editor.org/rfc/rfc9865">RFC 9865</a> (cursors), and the
 * {@link org.scim2j.core.error.ErrorResponse} body they become.
 *
 * <p>A repository throws a {@code ScimException} only for what the client did (404, 409 {@code uniqueness}, 412,
 * 400 {@code invalidValue}); a failure of its own store is an ordinary runtime exception, which the service answers
 * with a 500 whose detail reveals nothing.
 */
package org.scim2j.core.error;
