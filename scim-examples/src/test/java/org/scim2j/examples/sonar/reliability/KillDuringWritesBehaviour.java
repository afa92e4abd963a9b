package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scim2j.examples.sonar.e2e.RunningServer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Durability: a server process is stopped with SIGTERM (graceful) or SIGKILL (at once) while writers create users,
 * create groups with members, add members and delete users. After a restart on the same database every write that
 * was acknowledged (201, or 204 for a PATCH or DELETE) is there, and no half-written state is visible in the host
 * tables (checked with SQL).
 */
abstract class KillDuringWritesBehaviour {

    private static final int WRITERS = 6;
    /** Acknowledged writes to wait for before the signal, so that it lands in the middle of the load. */
    private static final int ACKNOWLEDGED_BEFORE_SIGNAL = 60;
    /** Each writer's bound: far more than it can send before the signal. */
    private static final int MAX_ITERATIONS = 2_000;

    @TempDir
    Path dir;
    TestDatabase database;

    abstract TestDatabase newDatabase(Path dir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = newDatabase(dir);
    }

    @AfterEach
    void drop() throws Exception {
        database.close();
    }

    /** What the writers were told, and what they tried. */
    private static final class Ledger {
        final Map<String, String> users = new ConcurrentHashMap<>();            // acknowledged: id -> userName
        final Set<String> deleted = ConcurrentHashMap.newKeySet();                // acknowledged DELETEs
        final Set<String> deleting = ConcurrentHashMap.newKeySet();               // every DELETE sent
        final Map<String, Set<String>> members = new ConcurrentHashMap<>();     // group id -> acknowledged members
        final Map<String, Set<String>> attempted = new ConcurrentHashMap<>();   // group id -> every member sent
    }

    @Test
    void sigtermDuringWritesLosesNoAcknowledgedWriteAndLeavesNoHalfWrite() throws Exception {
        Ledger ledger = writeThenSignal(ServerProcess::terminate);
        verify(ledger);
    }

    @Test
    void sigkillDuringWritesLosesNoAcknowledgedWriteAndLeavesNoHalfWrite() throws Exception {
        Ledger ledger = writeThenSignal(ServerProcess::kill);
        verify(ledger);
    }

    private Ledger writeThenSignal(Consumer<ServerProcess> signal) throws Exception {
        Ledger ledger = new Ledger();
        CountDownLatch acknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_SIGNAL);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (ServerProcess server = ServerProcess.start(database, RunningServer.TOKEN, dir)) {
            ScimHttp client = server.client();
            List<Future<Integer>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(client, writer, ledger, acknowledged)));
            }
            assertThat(acknowledged.await(2, TimeUnit.MINUTES)).as("writes acknowledged before the signal; "
                    + "server output:\n%s", server.output()).isTrue();
            signal.accept(server);
            server.awaitExit();
            for (Future<Integer> writer : running) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        return ledger;
    }

    /** One writer: creates, groups, member adds and deletes until the server stops answering. */
    private static int write(ScimHttp client, int writer, Ledger ledger, CountDownLatch acknowledged)
            throws InterruptedException {
        List<String> loose = new ArrayList<>();   // this writer's acknowledged users in no group
        String group = null;
        int i = 0;
        try {
            for (; i < MAX_ITERATIONS; i++) {
                String userName = "w" + writer + "-" + i + "@example.com";
                ScimHttp.Answer user = client.post("/Users", ScimHttp.user(userName));
                if (user.status() == 201) {
                    ledger.users.put(user.id(), userName);
                    loose.add(user.id());
                    acknowledged.countDown();
                }
                if (i % 4 == 3 && loose.size() >= 2) {
                    String a = loose.remove(0);
                    String b = loose.remove(0);
                    ScimHttp.Answer created = client.post("/Groups", ScimHttp.group("g" + writer + "-" + i, a, b));
                    if (created.status() == 201) {
                        group = created.id();
                        ledger.members.put(group, ConcurrentHashMap.newKeySet());
                        ledger.members.get(group).addAll(List.of(a, b));
                        ledger.attempted.put(group, new LinkedHashSet<>(List.of(a, b)));
                        acknowledged.countDown();
                    }
                } else if (i % 4 == 1 && group != null && !loose.isEmpty()) {
                    String member = loose.remove(0);
                    ledger.attempted.get(group).add(member);
                    if (client.patch("/Groups/" + group, ScimHttp.addMember(member)).status() == 204) {
                        ledger.members.get(group).add(member);
                        acknowledged.countDown();
                    }
                } else if (i % 4 == 2 && loose.size() >= 2) {
                    String gone = loose.remove(0);
                    ledger.deleting.add(gone);
                    if (client.delete("/Users/" + gone).status() == 204) {
                        ledger.deleted.add(gone);
                        acknowledged.countDown();
                    }
                }
            }
        } catch (IOException stopped) {
            // The server stopped (refused, reset or closed): this request was not acknowledged; the writer is done.
        }
        return i;
    }

    private void verify(Ledger ledger) throws Exception {
        assertThat(ledger.users).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_SIGNAL / 2);
        try (Connection c = database.connect()) {
            // Nothing half-written: every link has its row, every row created by SCIM is linked unless a DELETE
            // unlinked (and deactivated) it, and every membership is of a linked user in a linked group.
            assertThat(count(c, "SELECT COUNT(*) FROM scim_users s LEFT JOIN users u ON u.uuid = s.user_uuid"
                    + " WHERE u.uuid IS NULL")).as("scim_users links to a missing user").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM users u WHERE u.active = TRUE AND NOT EXISTS"
                    + " (SELECT 1 FROM scim_users s WHERE s.user_uuid = u.uuid)")).as("active users without link")
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM scim_groups sg LEFT JOIN groups g ON g.uuid = sg.group_uuid"
                    + " WHERE g.uuid IS NULL")).as("scim_groups links to a missing group").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM groups g WHERE NOT EXISTS"
                    + " (SELECT 1 FROM scim_groups sg WHERE sg.group_uuid = g.uuid)")).as("groups without link")
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM groups_users gu WHERE NOT EXISTS"
                    + " (SELECT 1 FROM users u WHERE u.uuid = gu.user_uuid) OR NOT EXISTS"
                    + " (SELECT 1 FROM groups g WHERE g.uuid = gu.group_uuid)")).as("memberships of missing rows")
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM groups_users gu WHERE NOT EXISTS"
                    + " (SELECT 1 FROM scim_users s WHERE s.user_uuid = gu.user_uuid)"))
                    .as("memberships of unlinked users").isZero();
            // Every acknowledged write is there.
            for (Map.Entry<String, String> user : ledger.users.entrySet()) {
                if (ledger.deleting.contains(user.getKey())) {
                    // Deleted, or a DELETE was in flight when the server stopped: it may have committed unanswered.
                    continue;
                }
                assertThat(count(c, "SELECT COUNT(*) FROM scim_users s JOIN users u ON u.uuid = s.user_uuid"
                        + " WHERE s.scim_uuid = ? AND u.login = ? AND u.active = TRUE", user.getKey(),
                        user.getValue())).as("acknowledged user %s", user).isEqualTo(1);
            }
            for (String gone : ledger.deleted) {
                assertThat(count(c, "SELECT COUNT(*) FROM scim_users WHERE scim_uuid = ?", gone))
                        .as("acknowledged delete of %s", gone).isZero();
            }
        }
        // And a restarted server answers with them.
        try (RunningServer restarted = new RunningServer(database.url(), database.user(), database.password())) {
            ScimHttp client = new ScimHttp(restarted.baseUrl, RunningServer.TOKEN);
            for (String id : ledger.users.keySet()) {
                int status = client.get("/Users/" + id).status();
                if (ledger.deleted.contains(id)) {
                    assertThat(status).as("deleted user %s", id).isEqualTo(404);
                } else if (!ledger.deleting.contains(id)) {
                    assertThat(status).as("user %s", id).isEqualTo(200);
                }
            }
            for (Map.Entry<String, Set<String>> group : ledger.members.entrySet()) {
                ScimHttp.Answer answer = client.get("/Groups/" + group.getKey());
                assertThat(answer.status()).as("group %s", group.getKey()).isEqualTo(200);
                List<String> members = ConcurrentWritesBehaviour.members(answer.json());
                assertThat(members).as("group %s", group.getKey()).containsAll(group.getValue())
                        .isSubsetOf(ledger.attempted.get(group.getKey()));
            }
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
