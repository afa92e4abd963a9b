package org.scim2j.examples.sonar.store;

/** The group contract on embedded H2. */
class H2JdbcGroupRepositoryTest extends JdbcGroupRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
