package org.scim2j.examples.sonar.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.examples.sonar.reliability.TestDatabase;
import org.scim2j.examples.sonar.store.UnmappedAttributes;
import org.scim2j.testkit.idp.EntraContract;
import org.scim2j.testkit.idp.IdpOptions;
import org.scim2j.testkit.idp.ScimTarget;

// Every test and assertion is inherited from scim-testkit's EntraContract; this class only supplies the host.
/** Entra ID's checks against the example server on PostgreSQL, when SCIM_TEST_JDBC_URL names one. */
@Tag("e2e")
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresEntraContractE2ETest extends EntraContract {

    private static IdpSuiteHost host;

    @BeforeAll
    static void start() throws Exception {
        host = new IdpSuiteHost(TestDatabase.postgres(), UnmappedAttributes.KEEP);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Override
    protected ScimTarget target() {
        return host.entra();
    }

    @Override
    protected IdpOptions options() {
        return host.options();
    }
}
