/**
 * Okta and Microsoft Entra ID contract suites over HTTP: abstract JUnit 5 tests that replay, against any SCIM
 * endpoint, what these identity providers send and check, so that a host's own build tells it whether they will
 * provision it.
 *
 * <p>A host extends {@link org.scim2j.testkit.idp.OktaContract} and {@link org.scim2j.testkit.idp.EntraContract}
 * (or any of the concept classes they nest: users, deactivation, groups, paging, the PATCH dialect, soft delete),
 * names its endpoint with a {@link org.scim2j.testkit.idp.ScimTarget}, and declares what it legitimately differs in
 * with {@link org.scim2j.testkit.idp.IdpOptions}:
 * <pre>{@code
 *   class OktaCompatibilityTest extends OktaContract {
 *       @Override
 *       protected ScimTarget target() {
 *           return ScimTarget.bearer(System.getenv("SCIM_TEST_BASE_URL"), System.getenv("SCIM_TEST_TOKEN"));
 *       }
 *   }
 * }</pre>
 *
 * <p>The suites need only the JDK's {@code java.net.http} client and Jackson, so they run against an application
 * started in-process or deployed anywhere. Each test is named by the public Okta or Microsoft page and step it
 * follows, and a failure says what the identity provider would do and which scim2j setting, tolerance or declaration
 * accepts the request. A check that a declaration rules out is reported as skipped, with the declaration as reason.
 * Each test deletes the users and groups it created.
 *
 * <p>Sources: <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">Okta's SCIM 2.0
 * protocol reference</a>, <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-prepare/main/">
 * Okta's SCIM spec test</a>, <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-test/main/">
 * Okta's CRUD test</a>,
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * Microsoft's SCIM tutorial</a>,
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * Entra ID's SCIM compliance notes</a> and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">Microsoft's
 * SCIM validator</a>.
 */
package org.scim2j.testkit.idp;
