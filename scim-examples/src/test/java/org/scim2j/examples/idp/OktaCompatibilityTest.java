package org.scim2j.examples.idp;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
// tag::imports[]
import org.scim2j.testkit.idp.IdpOptions;
import org.scim2j.testkit.idp.OktaContract;
import org.scim2j.testkit.idp.ScimTarget;
// end::imports[]

/**
 * The README's "Prove Okta and Entra ID compatibility" example, run against a deployed SCIM endpoint: set
 * {@code SCIM_TEST_BASE_URL} (e.g. {@code http://127.0.0.1:8080/api/scim/v2} of a running example server) and
 * {@code SCIM_TEST_TOKEN}. Without them it is skipped; the build runs the same suites against in-process example
 * servers ({@code H2OktaContractE2ETest} and its twins).
 */
@EnabledIfEnvironmentVariable(named = "SCIM_TEST_BASE_URL", matches = "https?://.+")
// Every test and assertion is inherited from OktaContract; this class only supplies the target.
// tag::okta[]
class OktaCompatibilityTest extends OktaContract {
    @Override
    protected ScimTarget target() {
        return ScimTarget.bearer(System.getenv("SCIM_TEST_BASE_URL"), System.getenv("SCIM_TEST_TOKEN"));
    }

    @Override
    protected IdpOptions options() {  // only what the host legitimately differs in
        return IdpOptions.defaults().withPatchNoContent("Group");
    }
}
// end::okta[]
