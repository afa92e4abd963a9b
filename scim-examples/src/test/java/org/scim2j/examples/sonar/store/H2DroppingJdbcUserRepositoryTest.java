package org.scim2j.examples.sonar.store;

// Every test and assertion is inherited from JdbcUserRepositoryContract; this class only supplies the setup.
/** The user contract on embedded H2 with SCIM_UNMAPPED_ATTRIBUTES=drop: SonarQube's columns only. */
class H2DroppingJdbcUserRepositoryTest extends JdbcUserRepositoryContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }

    @Override
    UnmappedAttributes mode() {
        return UnmappedAttributes.DROP;
    }
}
