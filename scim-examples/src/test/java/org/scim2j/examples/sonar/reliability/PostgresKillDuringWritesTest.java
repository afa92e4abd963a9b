package org.scim2j.examples.sonar.reliability;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;

// Every test and assertion is inherited from KillDuringWritesBehaviour; this class only supplies the setup.
/** SIGTERM and SIGKILL of a server process on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresKillDuringWritesTest extends KillDuringWritesBehaviour {

    @Override
    TestDatabase newDatabase(Path dir) throws Exception {
        return TestDatabase.postgres();
    }
}
