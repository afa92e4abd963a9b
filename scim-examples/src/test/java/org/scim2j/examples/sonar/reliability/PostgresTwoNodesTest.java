package org.scim2j.examples.sonar.reliability;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.examples.sonar.e2e.RunningServer;

import java.nio.file.Path;
import java.util.List;

// Every test and assertion is inherited from ConcurrentWritesBehaviour; this class only supplies the setup.
/**
 * The same races across two server nodes on one PostgreSQL database, as hosts scale out: one node in this JVM
 * ({@link RunningServer}) and one in a separate process ({@link ServerProcess}). They share nothing but the
 * database: each has its own JVM, HikariCP pool, ScimService and Jetty. Request {@code i} goes to node
 * {@code i % 2}. Runs when {@code SCIM_TEST_JDBC_URL} is a PostgreSQL URL (H2 embedded is one process's database).
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = TestDatabase.POSTGRES)
class PostgresTwoNodesTest extends ConcurrentWritesBehaviour {

    @Override
    TestDatabase newDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Override
    List<ScimHttp> startNodes(TestDatabase database, Path dir, List<AutoCloseable> toClose) throws Exception {
        RunningServer inProcess = new RunningServer(database.url(), database.user(), database.password());
        toClose.add(inProcess);
        // Started second, so that the in-process node has migrated the schema already.
        ServerProcess process = ServerProcess.start(database, RunningServer.TOKEN, dir);
        toClose.add(process);
        return List.of(new ScimHttp(inProcess.baseUrl, RunningServer.TOKEN), process.client());
    }
}
