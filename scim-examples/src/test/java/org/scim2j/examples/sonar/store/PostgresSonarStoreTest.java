package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

// Every test and assertion is inherited from SonarStoreBehaviour; this class only supplies the setup.
/** SonarQube semantics of the store on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
class PostgresSonarStoreTest extends SonarStoreBehaviour {

    @Override
    TestStore newStore() {
        return TestStore.postgres();
    }
}
