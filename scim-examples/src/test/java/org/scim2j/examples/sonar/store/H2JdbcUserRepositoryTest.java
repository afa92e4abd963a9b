package org.scim2j.examples.sonar.store;

// Every test and assertion is inherited from JdbcUserRepositoryContract; this class only supplies the setup.
/** The user contract on embedded H2. */
class H2JdbcUserRepositoryTest extends JdbcUserRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
