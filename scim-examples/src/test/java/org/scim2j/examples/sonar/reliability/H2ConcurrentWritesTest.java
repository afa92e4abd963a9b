package org.scim2j.examples.sonar.reliability;

import org.scim2j.examples.sonar.e2e.RunningServer;

import java.nio.file.Path;
import java.util.List;

// Every test and assertion is inherited from ConcurrentWritesBehaviour; this class only supplies the setup.
/** The races against one in-process server on an in-memory H2 database. */
class H2ConcurrentWritesTest extends ConcurrentWritesBehaviour {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2Memory();
    }

    @Override
    List<ScimHttp> startNodes(TestDatabase database, Path dir, List<AutoCloseable> toClose) throws Exception {
        RunningServer server = new RunningServer(database.url(), database.user(), database.password());
        toClose.add(server);
        return List.of(new ScimHttp(server.baseUrl, RunningServer.TOKEN));
    }
}
