package org.scim2j.examples.sonar.store;

/** The user contract on embedded H2. */
class H2JdbcUserRepositoryTest extends JdbcUserRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
