package org.scim2j.examples.sonar.store;

/** SonarQube semantics of the store on embedded H2. */
class H2SonarStoreTest extends SonarStoreBehaviour {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
