package org.scim2j.examples.sonar.store;

// Every test and assertion is inherited from SonarStoreBehaviour; this class only supplies the setup.
/** SonarQube semantics of the store on embedded H2. */
class H2SonarStoreTest extends SonarStoreBehaviour {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
