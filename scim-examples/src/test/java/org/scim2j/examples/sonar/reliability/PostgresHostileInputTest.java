package org.scim2j.examples.sonar.reliability;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

// Every test and assertion is inherited from HostileInputBehaviour; this class only supplies the setup.
/** Hostile input against the in-process server on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresHostileInputTest extends HostileInputBehaviour {

    @Override
    TestDatabase newDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
