package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

// Every test and assertion is inherited from JdbcUserRepositoryContract; this class only supplies the setup.
/** The user contract on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
class PostgresJdbcUserRepositoryTest extends JdbcUserRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.postgres();
    }
}
