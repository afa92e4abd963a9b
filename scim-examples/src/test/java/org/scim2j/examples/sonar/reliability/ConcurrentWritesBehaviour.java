package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.examples.sonar.reliability.ScimHttp.encode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Races over HTTP against running server nodes that share one database: uniqueness under racing creates, no lost
 * membership under concurrent PATCHes, and compare-and-set under a shared {@code If-Match}. Request {@code i} of a
 * race goes to node {@code i % nodes}, so with two nodes every race spans both.
 *
 * <p>What is asserted is the outcome (statuses, the rows in the host tables), never how long anything took.
 */
abstract class ConcurrentWritesBehaviour {

    /** Racers per race: more than the pool's 10 connections, so that some requests queue for one. */
    static final int RACERS = 12;

    @TempDir
    Path dir;

    TestDatabase database;
    List<ScimHttp> nodes;
    private final List<AutoCloseable> started = new ArrayList<>();

    /** The shared database of one test. */
    abstract TestDatabase newDatabase() throws Exception;

    /** Starts the nodes over {@code database}; each is closed after the test. */
    abstract List<ScimHttp> startNodes(TestDatabase database, Path dir, List<AutoCloseable> toClose)
            throws Exception;

    @BeforeEach
    void start() throws Exception {
        database = newDatabase();
        nodes = startNodes(database, dir, started);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable node : started) {
            node.close();
        }
        database.close();
    }

    ScimHttp node(int i) {
        return nodes.get(i % nodes.size());
    }

    private static Map<Integer, Long> statuses(List<ScimHttp.Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(ScimHttp.Answer::status, TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void racingCreatesOfOneUserNameGiveOne201AndOnly409s() throws Exception {
        for (int round = 0; round < 3; round++) {
            String userName = "race" + round + ".user@example.com";
            List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> node(i).post("/Users", ScimHttp.user(
                    i % 3 == 0 ? userName : i % 3 == 1 ? userName.toUpperCase(Locale.ROOT) : "Race" + userName
                            .substring(4))));

            assertThat(statuses(answers)).as("round %d: %s", round, answers)
                    .isEqualTo(Map.of(201, 1L, 409, (long) RACERS - 1));
            answers.stream().filter(a -> a.status() == 409).forEach(a -> {
                assertThat(a.json().path("scimType").asText()).as("%s", a).isEqualTo("uniqueness");
                assertThat(a.json().path("schemas").toString()).contains(ScimHttp.ERROR);
            });
            assertThat(database.count("SELECT COUNT(*) FROM users WHERE LOWER(login) = '" + userName + "'"))
                    .isEqualTo(1);
            assertThat(database.count("SELECT COUNT(*) FROM scim_users s JOIN users u ON u.uuid = s.user_uuid"
                    + " WHERE LOWER(u.login) = '" + userName + "'")).isEqualTo(1);
            for (int n = 0; n < nodes.size(); n++) {
                JsonNode found = node(n).get("/Users?filter=" + encode("userName eq \"" + userName + "\"")).json();
                assertThat(found.path("totalResults").asInt()).as("node %d", n).isEqualTo(1);
            }
        }
    }

    @Test
    void racingCreatesThatWouldAdoptOneUnlinkedUserGiveOne201AndOnly409s() throws Exception {
        ScimHttp.Answer created = node(0).post("/Users", ScimHttp.user("adopted@example.com"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(node(0).delete("/Users/" + created.id()).status()).isEqualTo(204);

        List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> node(i).post("/Users",
                ScimHttp.user("Adopted@Example.com")));

        assertThat(statuses(answers)).as("%s", answers).isEqualTo(Map.of(201, 1L, 409, (long) RACERS - 1));
        assertThat(database.count("SELECT COUNT(*) FROM users WHERE LOWER(login) = 'adopted@example.com'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM scim_users")).isEqualTo(1);
        String winner = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().id();
        assertThat(node(1).get("/Users/" + winner).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void concurrentMembershipPatchesOnOneGroupLoseNoMember() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            ScimHttp.Answer user = node(i).post("/Users", ScimHttp.user("member" + i + "@example.com"));
            assertThat(user.status()).as("%s", user).isEqualTo(201);
            users.add(user.id());
        }
        ScimHttp.Answer group = node(0).post("/Groups", ScimHttp.group("Racing Group"));
        assertThat(group.status()).as("%s", group).isEqualTo(201);
        String path = "/Groups/" + group.id();

        List<ScimHttp.Answer> added = Race.run(RACERS, i -> () -> node(i).patch(path,
                ScimHttp.addMember(users.get(i))));

        assertThat(statuses(added)).as("%s", added).isEqualTo(Map.of(204, (long) RACERS));
        assertThat(members(node(1).get(path).json())).containsExactlyInAnyOrderElementsOf(users);
        assertThat(database.count("SELECT COUNT(*) FROM groups_users")).isEqualTo(RACERS);

        // Half of them leave while the other half is added again (an idempotent re-add, as IdPs resend).
        List<ScimHttp.Answer> mixed = Race.run(RACERS, i -> () -> node(i).patch(path, i % 2 == 0
                ? ScimHttp.removeMember(users.get(i)) : ScimHttp.addMember(users.get(i))));

        assertThat(statuses(mixed)).as("%s", mixed).isEqualTo(Map.of(204, (long) RACERS));
        List<String> odd = new ArrayList<>();
        for (int i = 1; i < RACERS; i += 2) {
            odd.add(users.get(i));
        }
        assertThat(members(node(0).get(path).json())).containsExactlyInAnyOrderElementsOf(odd);
        assertThat(database.count("SELECT COUNT(*) FROM groups_users")).isEqualTo(odd.size());
        // Every change moved the version on, an idempotent re-add did not: created at 1, RACERS adds, RACERS / 2
        // removals.
        assertThat(node(1).get(path).header("ETag")).isEqualTo("W/\"" + (1 + RACERS + RACERS / 2) + "\"");
    }

    @Test
    void concurrentUserPutsWithTheSameIfMatchGiveOne200AndOnly412s() throws Exception {
        ScimHttp.Answer created = node(0).post("/Users", ScimHttp.user("cas@example.com"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String path = "/Users/" + created.id();
        String etag = created.header("ETag");

        List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> node(i).put(path,
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"cas@example.com\","
                        + "\"name\":{\"formatted\":\"Writer " + i + "\"},\"active\":true}", "If-Match", etag));

        assertThat(statuses(answers)).as("%s", answers).isEqualTo(Map.of(200, 1L, 412, (long) RACERS - 1));
        ScimHttp.Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        ScimHttp.Answer stored = node(1).get(path);
        assertThat(stored.json().path("name").path("formatted").asText())
                .isEqualTo(winner.json().path("name").path("formatted").asText());
        assertThat(stored.header("ETag")).isEqualTo(winner.header("ETag")).isEqualTo("W/\"2\"");
    }

    @Test
    void concurrentGroupPutsAndPatchesWithTheSameIfMatchGiveOneSuccessAndOnly412s() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            users.add(node(i).post("/Users", ScimHttp.user("cas-member" + i + "@example.com")).id());
        }
        ScimHttp.Answer group = node(0).post("/Groups", ScimHttp.group("CAS Group"));
        assertThat(group.status()).as("%s", group).isEqualTo(201);
        String path = "/Groups/" + group.id();
        String etag = group.header("ETag");

        // Half replace the members (PUT), half add one (PATCH): all under the same If-Match.
        List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> i % 2 == 0
                ? node(i).put(path, ScimHttp.group("CAS Group", users.get(i)), "If-Match", etag)
                : node(i).patch(path, ScimHttp.addMember(users.get(i)), "If-Match", etag));

        List<ScimHttp.Answer> won = answers.stream().filter(a -> a.status() / 100 == 2).toList();
        assertThat(won).as("%s", answers).hasSize(1);
        assertThat(statuses(answers).get(412)).as("%s", answers).isEqualTo(RACERS - 1);
        int winner = answers.indexOf(won.get(0));
        assertThat(members(node(1).get(path).json())).containsExactly(users.get(winner));
        assertThat(database.count("SELECT COUNT(*) FROM groups_users")).isEqualTo(1);
    }

    /** Writers per burst in the bursts of identity-provider traffic below: 16, as the issue measured them. */
    static final int WRITERS = 16;
    /** Bursts per test. */
    static final int ROUNDS = 5;

    @Test
    void concurrentPutsWithoutIfMatchAllApplyOneAfterTheOther() throws Exception {
        ScimHttp.Answer created = node(0).post("/Users", ScimHttp.user("lww@example.com"));
        String path = "/Users/" + created.id();

        List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> node(i).put(path,
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"lww@example.com\","
                        + "\"externalId\":\"writer-" + i + "\",\"active\":true}"));

        // RFC 7644 §3.14: without If-Match the client asked for no precondition; every PUT applies, in some order
        assertThat(statuses(answers)).as("%s", answers).isEqualTo(Map.of(200, (long) RACERS));
        ScimHttp.Answer stored = node(1).get(path);
        assertThat(stored.header("ETag")).isEqualTo("W/\"" + (1 + RACERS) + "\"");
        Set<String> acknowledged = new HashSet<>();
        answers.forEach(a -> acknowledged.add(a.json().path("externalId").asText()));
        assertThat(acknowledged).hasSize(RACERS).contains(stored.json().path("externalId").asText());
    }

    /**
     * Okta's AIW apps PUT the whole user and group on every sync (IDP-TRAFFIC §1.2, OKTA-SCIM20), nearly always
     * unchanged. Such a write changes nothing, so it must not take the row lock: it answers while another
     * transaction holds it, and, on PostgreSQL, stays a read-only transaction (a row lock is a write there, whose
     * commit waits for the log to reach the disk). The bound on the wait below only keeps a regression from hanging
     * the build; nothing is timed.
     */
    @Test
    void writesThatChangeNothingAnswerWhileAnotherTransactionHoldsTheRowLock() throws Exception {
        ScimHttp.Answer user = node(0).post("/Users", ScimHttp.user("unchanged@example.com"));
        ScimHttp.Answer group = node(0).post("/Groups", ScimHttp.group("Unchanged Group", user.id()));
        String renameToSame = "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"Unchanged Group\"}]}";
        String userTag = node(0).get("/Users/" + user.id()).header("ETag");
        String groupTag = node(0).get("/Groups/" + group.id()).header("ETag");
        try (Connection other = database.connect(); Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.executeQuery("SELECT version FROM users WHERE login = 'unchanged@example.com' FOR UPDATE").close();
            lock.executeQuery("SELECT version FROM groups WHERE name = 'Unchanged Group' FOR UPDATE").close();
            CompletableFuture<List<ScimHttp.Answer>> unchanged = CompletableFuture.supplyAsync(() -> {
                try {
                    return List.of(node(1).put("/Users/" + user.id(), user.body()),
                            node(1).put("/Groups/" + group.id(), group.body()),
                            node(1).patch("/Groups/" + group.id(), renameToSame));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                List<ScimHttp.Answer> answers = unchanged.get(60, TimeUnit.SECONDS);
                assertThat(answers).extracting(ScimHttp.Answer::status).containsExactly(200, 200, 204);
                assertThat(answers).extracting(a -> a.header("ETag")).containsExactly(userTag, groupTag, groupTag);
            } finally {
                other.rollback();
            }
        }
    }

    @Test
    void burstsOfPatchesWithoutIfMatchOnOneUserAllApply() throws Exception {
        ScimHttp.Answer created = node(0).post("/Users", ScimHttp.user("burst@example.com"));
        String path = "/Users/" + created.id();
        List<String> emails = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            // Entra ID's attribute updates and Okta's pushes: a replace of externalId and an add of an email each
            List<ScimHttp.Answer> answers = Race.run(WRITERS, i -> () -> node(i).patch(path,
                    "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":"
                            + "\"externalId\",\"value\":\"r" + r + "-" + i + "\"},{\"op\":\"add\",\"path\":\"emails\","
                            + "\"value\":[{\"value\":\"r" + r + "-" + i + "@example.com\",\"type\":\"other\"}]}]}"));
            assertThat(statuses(answers)).as("round %d: %s", round, answers).isEqualTo(Map.of(200, (long) WRITERS));
            for (int i = 0; i < WRITERS; i++) {
                emails.add("r" + round + "-" + i + "@example.com");
            }
        }
        ScimHttp.Answer stored = node(1).get(path);
        List<String> kept = new ArrayList<>();
        stored.json().path("emails").forEach(e -> kept.add(e.path("value").asText()));
        assertThat(kept).as("nothing a 2xx acknowledged is missing").containsExactlyInAnyOrderElementsOf(emails);
        assertThat(stored.header("ETag")).isEqualTo("W/\"" + (1 + ROUNDS * WRITERS) + "\"");
    }

    @Test
    void burstsOfGroupRenamesWithMemberAddsWithoutIfMatchAllApply() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < WRITERS * ROUNDS; i++) {
            users.add(node(i).post("/Users", ScimHttp.user("renamed-member" + i + "@example.com")).id());
        }
        ScimHttp.Answer group = node(0).post("/Groups", ScimHttp.group("Renamed Group"));
        String path = "/Groups/" + group.id();
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            // Okta pushes a group's name with every membership change (OKTA-SCIM20): rename and add in one PATCH
            List<ScimHttp.Answer> answers = Race.run(WRITERS, i -> () -> node(i).patch(path,
                    "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":"
                            + "{\"displayName\":\"Renamed " + r + "-" + i + "\"}},{\"op\":\"add\",\"path\":\"members\","
                            + "\"value\":[{\"value\":\"" + users.get(r * WRITERS + i) + "\"}]}]}"));
            assertThat(statuses(answers)).as("round %d: %s", round, answers).isEqualTo(Map.of(204, (long) WRITERS));
        }
        ScimHttp.Answer stored = node(1).get(path);
        assertThat(members(stored.json())).as("nothing a 2xx acknowledged is missing")
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(stored.json().path("displayName").asText()).startsWith("Renamed " + (ROUNDS - 1) + "-");
        assertThat(database.count("SELECT COUNT(*) FROM groups_users")).isEqualTo((long) WRITERS * ROUNDS);
    }

    @Test
    void aUserDeletedWhileGroupsAddItLeavesNoHiddenMembership() throws Exception {
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < RACERS - 1; g++) {
            ScimHttp.Answer group = node(g).post("/Groups", ScimHttp.group("Deletion Race " + g));
            assertThat(group.status()).as("%s", group).isEqualTo(201);
            groups.add(group.id());
        }
        for (int round = 0; round < 5; round++) {
            String userName = "leaving" + round + "@example.com";
            String user = node(round).post("/Users", ScimHttp.user(userName)).id();

            // Racer 0 deletes the user while the others add it to their group.
            List<ScimHttp.Answer> answers = Race.run(RACERS, i -> () -> i == 0 ? node(i).delete("/Users/" + user)
                    : node(i).patch("/Groups/" + groups.get(i - 1), ScimHttp.addMember(user)));

            assertThat(answers.get(0).status()).as("%s", answers.get(0)).isEqualTo(204);
            for (ScimHttp.Answer add : answers.subList(1, RACERS)) {
                // Added before the delete (and removed by it), or refused as no longer a user.
                assertThat(add.status()).as("%s", add).isIn(204, 400);
            }
            assertThat(database.count("SELECT COUNT(*) FROM groups_users gu WHERE NOT EXISTS"
                    + " (SELECT 1 FROM scim_users s WHERE s.user_uuid = gu.user_uuid)"))
                    .as("round %d: memberships of the unlinked user", round).isZero();
            // Provisioned again, the same host user is adopted: it must not reappear in the groups it had left.
            String again = node(round + 1).post("/Users", ScimHttp.user(userName)).id();
            assertThat(node(round).get("/Users/" + again).json().path("groups").size()).as("round %d", round)
                    .isZero();
        }
    }

    static List<String> members(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

}
