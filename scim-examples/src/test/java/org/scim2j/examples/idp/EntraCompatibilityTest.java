package org.scim2j.examples.idp;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.testkit.idp.EntraContract;
import org.scim2j.testkit.idp.IdpOptions;
import org.scim2j.testkit.idp.ScimTarget;

/**
 * Entra ID's suite against a deployed SCIM endpoint, as {@link OktaCompatibilityTest} runs Okta's: set
 * {@code SCIM_TEST_BASE_URL} and {@code SCIM_TEST_TOKEN}; without them it is skipped.
 */
@EnabledIfEnvironmentVariable(named = "SCIM_TEST_BASE_URL", matches = "https?://.+")
// Every test and assertion is inherited from EntraContract; this class only supplies the target.
// tag::entra[]
class EntraCompatibilityTest extends EntraContract {
    @Override
    protected ScimTarget target() {
        return ScimTarget.bearer(System.getenv("SCIM_TEST_BASE_URL"), System.getenv("SCIM_TEST_TOKEN"));
    }

    @Override
    protected IdpOptions options() {
        return IdpOptions.defaults().withPatchNoContent("Group");
    }
}
// end::entra[]
