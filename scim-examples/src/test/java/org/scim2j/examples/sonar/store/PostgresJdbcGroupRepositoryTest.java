package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

// Every test and assertion is inherited from JdbcGroupRepositoryContract; this class only supplies the setup.
/** The group contract on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
class PostgresJdbcGroupRepositoryTest extends JdbcGroupRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.postgres();
    }
}
