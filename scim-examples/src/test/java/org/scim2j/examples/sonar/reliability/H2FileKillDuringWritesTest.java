package org.scim2j.examples.sonar.reliability;

import java.nio.file.Path;

// Every test and assertion is inherited from KillDuringWritesBehaviour; this class only supplies the setup.
/** SIGTERM and SIGKILL of a server process on an embedded H2 file database (the zero-setup default). */
class H2FileKillDuringWritesTest extends KillDuringWritesBehaviour {

    @Override
    TestDatabase newDatabase(Path dir) {
        return TestDatabase.h2File(dir);
    }
}
