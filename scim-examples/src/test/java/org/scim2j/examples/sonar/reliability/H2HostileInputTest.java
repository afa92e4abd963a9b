package org.scim2j.examples.sonar.reliability;

// Every test and assertion is inherited from HostileInputBehaviour; this class only supplies the setup.
/** Hostile input against the in-process server on H2. */
class H2HostileInputTest extends HostileInputBehaviour {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2Memory();
    }
}
