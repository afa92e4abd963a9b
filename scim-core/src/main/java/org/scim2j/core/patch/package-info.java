/**
 * PATCH (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2">RFC 7644 §3.5.2</a>):
 * {@link org.scim2j.core.patch.PatchRequest} and {@link org.scim2j.core.patch.PatchOperation} read from the wire,
 * {@link org.scim2j.core.patch.PatchEngine} applies them all-or-nothing to a resource through its schema, and
 * {@link org.scim2j.core.patch.MembershipPatch} turns a group PATCH into a membership delta a store can apply
 * without rewriting the member list.
 *
 * <p>Identity providers deviate from the RFC in known ways. {@link org.scim2j.core.patch.PatchOptions} groups the
 * {@link org.scim2j.core.patch.Tolerance}s they need into profiles ({@code strict}, {@code okta}, {@code entra},
 * {@code lenient}); each is documented by the identity provider's own pages, e.g. Microsoft's
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * Known issues and resolutions with SCIM 2.0 protocol compliance</a> and Okta's
 * <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/">SCIM 2.0 protocol reference</a>.
 */
package org.scim2j.core.patch;
