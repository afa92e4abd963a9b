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
/** Okta's checks against the example server with SCIM_UNMAPPED_ATTRIBUTES=drop, declaring what it drops. */
@Tag("e2e")

class DropModeOktaContractE2ETest extends OktaContract {

    private static IdpSuiteHost host;

    @BeforeAll
    static void start() throws Exception {
        host = new IdpSuiteHost(TestDatabase.h2Memory(), UnmappedAttributes.DROP);
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
