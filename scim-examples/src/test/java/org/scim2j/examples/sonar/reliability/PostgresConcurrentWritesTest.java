package org.scim2j.examples.sonar.reliability;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.examples.sonar.e2e.RunningServer;

import java.nio.file.Path;
import java.util.List;

// Every test and assertion is inherited from ConcurrentWritesBehaviour; this class only supplies the setup.
/** The races against one in-process server on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresConcurrentWritesTest extends ConcurrentWritesBehaviour {

    @Override
    TestDatabase newDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Override
    List<ScimHttp> startNodes(TestDatabase database, Path dir, List<AutoCloseable> toClose) throws Exception {
        RunningServer server = new RunningServer(database.url(), database.user(), database.password());
        toClose.add(server);
        return List.of(new ScimHttp(server.baseUrl, RunningServer.TOKEN));
    }
}
