package org.scim2j.examples.sonar.e2e;

import org.junit.jupiter.api.Tag;
import org.scim2j.examples.sonar.reliability.TestDatabase;

// Every test and assertion is inherited from LosslessBehaviour; this class only supplies the setup.
/** Lossless read-back, filters and sorts through the example server on H2 (document filters run in memory). */
@Tag("e2e")
class H2LosslessE2ETest extends LosslessBehaviour {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2Memory();
    }
}
