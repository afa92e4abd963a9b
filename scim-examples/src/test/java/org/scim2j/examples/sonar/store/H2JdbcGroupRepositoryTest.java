package org.scim2j.examples.sonar.store;

// Every test and assertion is inherited from JdbcGroupRepositoryContract; this class only supplies the setup.
/** The group contract on embedded H2. */
class H2JdbcGroupRepositoryTest extends JdbcGroupRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
