package org.scim2j.examples.sonar.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.scim2j.examples.sonar.reliability.TestDatabase;
import org.scim2j.examples.sonar.store.UnmappedAttributes;
import org.scim2j.testkit.idp.OktaContract;
import org.scim2j.testkit.idp.IdpOptions;
import org.scim2j.testkit.idp.ScimTarget;

// Every test and assertion is inherited from scim-testkit's OktaContract; this class only supplies the host.
/** Okta's checks against the example server on H2, keeping every attribute. */
@Tag("e2e")

class H2OktaContractE2ETest extends OktaContract {

    private static IdpSuiteHost host;

    @BeforeAll
    static void start() throws Exception {
        host = new IdpSuiteHost(TestDatabase.h2Memory(), UnmappedAttributes.KEEP);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Override
    protected ScimTarget target() {
        return host.okta();
    }

    @Override
    protected IdpOptions options() {
        return host.options();
    }
}
