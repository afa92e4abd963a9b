package org.scim2j.examples.sonar.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.examples.sonar.reliability.TestDatabase;

// Every test and assertion is inherited from LosslessBehaviour; this class only supplies the setup.
/**
 * Lossless read-back, filters and sorts through the example server on PostgreSQL (document filters in jsonb), when
 * {@code SCIM_TEST_JDBC_URL} names one.
 */
@Tag("e2e")
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresLosslessE2ETest extends LosslessBehaviour {

    @Override
    TestDatabase newDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
