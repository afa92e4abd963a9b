package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.scim2j.core.resource.User;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.ENTERPRISE;
import static org.scim2j.spi.internal.ScimClient.USER;
import static org.scim2j.spi.internal.ScimClient.patchBody;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.5.2: modifying with PATCH, in the dialects of IDP-TRAFFIC §5 (P1...P32). */
class Rfc7644_3_5_2_PatchTest {

    private final ScimClient scim = ScimClient.inMemory();

    private String entraUser() {
        return scim.post("/Users", """
                {"schemas":["%s","%s"],"userName":"Test_User_00aa00aa","active":true,"displayName":"Before",
                 "emails":[{"primary":true,"type":"work","value":"work@example.com"},{"type":"home","value":"home@example.com"}],
                 "name":{"givenName":"Given","familyName":"Family"},"externalId":"0a21f0f2"}""".formatted(USER, ENTERPRISE))
                .id();
    }

    @Nested
    class Users {

        @Test
        void rfc7644_3_5_2_oktaDeactivatesAndReactivatesWithAPathlessReplace() {
            // P1, P2
            String id = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE).id();

            ScimClient.Reply off = scim.patch("/Users/" + id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
            boolean readableWhileInactive = !scim.get("/Users/" + id).json().path("active").booleanValue();
            ScimClient.Reply on = scim.patch("/Users/" + id, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]");

            assertThat(off.status()).isEqualTo(200);
            assertThat(off.json().path("active").booleanValue()).isFalse();
            assertThat(off.json().path("userName").asText()).as("everything else unchanged")
                    .isEqualTo("test.user@okta.local");
            assertThat(readableWhileInactive).isTrue();
            assertThat(on.status()).isEqualTo(200);
            assertThat(on.json().path("active").booleanValue()).isTrue();
            assertThat(on.header("ETag")).isEqualTo(on.json().path("meta").path("version").asText())
                    .isNotEqualTo(off.header("ETag"));
        }

        @Test
        void rfc7644_3_5_2_entraP6DisablesWithACapitalisedOpAndABooleanString() {
            String id = entraUser();

            ScimClient.Reply reply = scim.patch("/Users/" + id,
                    "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("active").isBoolean()).isTrue();
            assertThat(scim.get("/Users/" + id).json().path("active").booleanValue()).isFalse();
        }

        @Test
        void rfc7644_3_5_2_entraP9ReplacesSeveralAttributesAndKeepsTheOtherEmails() {
            String id = entraUser();

            ScimClient.Reply reply = scim.patch("/Users/" + id, """
                    [{"op":"Replace","path":"displayName","value":"Pvlo"},
                     {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"TestBcwqnm@test.microsoft.com"},
                     {"op":"Replace","path":"name.givenName","value":"Gtfd"},
                     {"op":"Replace","path":"name.familyName","value":"Pkqf"},
                     {"op":"Replace","path":"externalId","value":"Eqpj"},
                     {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Eqpj"}]""");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode user = scim.get("/Users/" + id).json();
            assertThat(user).isEqualTo(reply.json());
            assertThat(user.path("displayName").asText()).isEqualTo("Pvlo");
            assertThat(user.path("name").path("givenName").asText()).isEqualTo("Gtfd");
            assertThat(user.path("name").path("familyName").asText()).isEqualTo("Pkqf");
            assertThat(user.path("externalId").asText()).isEqualTo("Eqpj");
            assertThat(user.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("Eqpj");
            assertThat(user.path("schemas")).extracting(JsonNode::asText).contains(ENTERPRISE);
            assertThat(user.path("emails")).hasSize(2);
            assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("TestBcwqnm@test.microsoft.com");
            assertThat(user.path("emails").get(0).path("primary").booleanValue()).isTrue();
            assertThat(user.path("emails").get(1).path("value").asText()).isEqualTo("home@example.com");
        }

        @Test
        void rfc7644_3_5_2_aPatchThatChangesNothingIsNotWrittenAndKeepsTheVersion() {
            TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
            ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
            String id = client.createUser("bjensen");
            String etag = client.get("/Users/" + id).header("ETag");

            ScimClient.Reply same = client.patch("/Users/" + id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]");
            ScimClient.Reply empty = client.patch("/Users/" + id, "[]");

            assertThat(same.status()).isEqualTo(200);
            assertThat(empty.status()).as("P32: empty Operations is a no-op").isEqualTo(200);
            assertThat(same.header("ETag")).isEqualTo(etag);
            assertThat(empty.header("ETag")).isEqualTo(etag);
            assertThat(users.replaced).isEmpty();
        }

        @Test
        void rfc7644_3_5_2_anInvalidOperationIs400AndNothingIsApplied() {
            String id = entraUser();
            String before = scim.get("/Users/" + id).text();

            ScimClient.Reply badPath = scim.patch("/Users/" + id, """
                    [{"op":"replace","path":"displayName","value":"Changed"},
                     {"op":"replace","path":"noSuchAttribute","value":"x"}]""");
            ScimClient.Reply readOnly = scim.patch("/Users/" + id,
                    "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}]");
            ScimClient.Reply noSchema = scim.send(request("PATCH", "/Users/" + id)
                    .body("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"));
            ScimClient.Reply removeRequired = scim.patch("/Users/" + id, "[{\"op\":\"remove\",\"path\":\"userName\"}]");

            assertThat(badPath.status()).isEqualTo(400);
            assertThat(badPath.json().path("scimType").asText()).isEqualTo("invalidPath");
            assertThat(readOnly.status()).isEqualTo(400);
            assertThat(readOnly.json().path("scimType").asText()).isEqualTo("mutability");
            assertThat(noSchema.status()).isEqualTo(400);
            assertThat(noSchema.json().path("scimType").asText()).isEqualTo("invalidSyntax");
            assertThat(removeRequired.status()).isEqualTo(400);
            // RFC 7644 §3.5.2: an operation incompatible with the attribute's schema (a required attribute)
            assertThat(removeRequired.json().path("scimType").asText()).isEqualTo("mutability");
            assertThat(scim.get("/Users/" + id).text()).isEqualTo(before);
        }

        @Test
        void rfc7644_3_5_2_unknownIdIs404() {
            ScimClient.Reply reply = scim.patch("/Users/nobody", "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("detail").asText()).contains("nobody");
        }

        @Test
        void rfc7644_3_5_2_passwordSetByPatchIsNeverReturned() {
            TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
            ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
            String id = client.createUser("bjensen");

            ScimClient.Reply reply = client.patch("/Users/" + id,
                    "[{\"op\":\"replace\",\"value\":{\"password\":\"t0p-secret\"}}]");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).doesNotContain("t0p-secret").doesNotContain("password");
            assertThat(users.replaced).singleElement().extracting(u -> u.password()).isEqualTo("t0p-secret");
        }

        @Test
        void rfc7644_3_9_attributesParameterShapesThePatchResponse() {
            String id = entraUser();

            ScimClient.Reply reply = scim.send(request("PATCH", "/Users/" + id).query("attributes", "displayName")
                    .body(patchBody("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"After\"}]")));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("displayName").asText()).isEqualTo("After");
            assertThat(reply.json().has("emails")).isFalse();
            assertThat(reply.json().path("id").asText()).isEqualTo(id);
        }

        @Test
        void rfc7644_3_14_patchWithAStaleIfMatchIs412AndWithTheCurrentOneSucceeds() {
            ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
            String body = patchBody("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");

            ScimClient.Reply stale = scim.send(request("PATCH", "/Users/" + created.id())
                    .header("If-Match", "W/\"stale\"").body(body));
            boolean stillActive = scim.get("/Users/" + created.id()).json().path("active").booleanValue();
            ScimClient.Reply current = scim.send(request("PATCH", "/Users/" + created.id())
                    .header("If-Match", created.header("ETag")).body(body));

            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().path("detail").asText()).contains("If-Match");
            assertThat(stillActive).isTrue();
            assertThat(current.status()).isEqualTo(200);
            assertThat(current.json().path("active").booleanValue()).isFalse();
        }

        @Test
        void rfc7644_3_5_2_aConcurrentChangeIsRetriedWithoutIfMatch() {
            TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
            ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
            String id = client.createUser("bjensen");
            users.conflictsLeft.set(2);

            ScimClient.Reply reply = client.patch("/Users/" + id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}]");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(users.replaced).hasSize(3);
            assertThat(client.get("/Users/" + id).json().path("title").asText()).isEqualTo("CEO");
        }

        @Test
        void rfc7644_3_14_onAStoreWithAtomicModifyPutAndPatchAreComputedInsideItAndNeverCompareAndSet() {
            AtomicInteger modifies = new AtomicInteger();
            InMemoryUserRepository delegate = new InMemoryUserRepository();
            UserRepository atomic = new UserRepository() {
                @Override
                public User create(User resource,
                                                            RequestContext context) {
                    return delegate.create(resource, context);
                }

                @Override
                public Optional<User> get(String id,
                                                                             RequestContext context) {
                    return delegate.get(id, context);
                }

                @Override
                public User replace(String id, User resource,
                                                             String expectedVersion,
                                                             RequestContext context) {
                    throw new AssertionError("a store with atomic modify is never asked to compare-and-set");
                }

                @Override
                public void delete(String id, String expectedVersion, RequestContext context) {
                    delegate.delete(id, expectedVersion, context);
                }

                @Override
                public Page<User> search(
                        SearchRequest request, RequestContext context) {
                    return delegate.search(request, context);
                }

                @Override
                public boolean supportsAtomicModify() {
                    return true;
                }

                @Override
                public User modify(String id,
                        UnaryOperator<User> change,
                        RequestContext context) {
                    modifies.incrementAndGet();
                    return delegate.modify(id, change, context);
                }
            };
            ScimClient client = ScimClient.of(atomic, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
            ScimClient.Reply created = client.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);

            ScimClient.Reply patched = client.patch("/Users/" + created.id(),
                    "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}]");
            ScimClient.Reply stale = client.send(request("PATCH", "/Users/" + created.id())
                    .header("If-Match", created.header("ETag"))
                    .body(patchBody("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}]")));

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().path("title").asText()).isEqualTo("CEO");
            assertThat(stale.status()).as("If-Match is checked against what the store locked").isEqualTo(412);
            assertThat(modifies.get()).isEqualTo(2);
            assertThat(client.get("/Users/" + created.id()).json().path("title").asText()).isEqualTo("CEO");
        }

        @Test
        void rfc7644_3_5_2_retriesUsedUpIs409AndAConflictUnderIfMatchIs412() {
            TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
            ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
            ScimClient.Reply created = client.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
            String body = patchBody("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}]");

            users.conflictsLeft.set(Integer.MAX_VALUE);
            ScimClient.Reply exhausted = client.send(request("PATCH", "/Users/" + created.id()).body(body));
            int attemptsWithoutIfMatch = users.replaced.size();
            users.conflictsLeft.set(1);
            ScimClient.Reply underIfMatch = client.send(request("PATCH", "/Users/" + created.id())
                    .header("If-Match", created.header("ETag")).body(body));

            assertThat(exhausted.status()).isEqualTo(409);
            assertThat(exhausted.json().path("detail").asText()).contains("concurrently")
                    .contains("send the request again");
            assertThat(exhausted.json().has("scimType")).as("RFC 7644 §3.12 has none for this").isFalse();
            assertThat(attemptsWithoutIfMatch).isEqualTo(1 + ScimServiceConfig.defaults().maxConflictRetries());
            assertThat(underIfMatch.status()).isEqualTo(412);
            assertThat(users.replaced).hasSize(attemptsWithoutIfMatch + 1);
            assertThat(client.get("/Users/" + created.id()).json().has("title")).isFalse();
        }
    }

    @Nested
    class Groups {

        private final TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(true);
        private final ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups,
                ScimServiceConfig.defaults());

        @Test
        void rfc7644_3_5_2_oktaP4MembershipDeltaReachesTheStoreAsADelta() {
            String leaving = client.createUser("leaving");
            String staying = client.createUser("staying");
            String joining = client.createUser("joining");
            String group = client.createGroup("Test SCIMv2", leaving, staying);
            int readsBefore = groups.gets.get();

            ScimClient.Reply reply = client.patch("/Groups/" + group, """
                    [{"op":"remove","path":"members[value eq \\"%s\\"]"},
                     {"op":"add","path":"members","value":[{"value":"%s","display":"test.user@okta.local"}]}]"""
                    .formatted(leaving, joining));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(groups.replaces.get()).isZero();
            MembershipChange change = groups.updates.get(0);
            assertThat(groups.updates).hasSize(1);
            assertThat(change.removed()).containsExactly(leaving);
            assertThat(change.added()).extracting(m -> m.value()).containsExactly(joining);
            assertThat(groups.gets.get() - readsBefore).as("one full read, for the 200 body").isEqualTo(1);
            assertThat(reply.json().path("members")).extracting(m -> m.path("value").asText())
                    .containsExactlyInAnyOrder(staying, joining);
        }

        @Test
        void rfc7644_3_5_2_oktaP3RenameEchoingTheIdAndP5FullMemberReplace() {
            String a = client.createUser("a");
            String b = client.createUser("b");
            String group = client.createGroup("Old name", a);

            ScimClient.Reply rename = client.patch("/Groups/" + group,
                    "[{\"op\":\"replace\",\"value\":{\"id\":\"" + group + "\",\"displayName\":\"Test SCIMv2\"}}]");
            ScimClient.Reply replace = client.patch("/Groups/" + group,
                    "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"}]}]");

            assertThat(rename.status()).isEqualTo(200);
            assertThat(rename.json().path("displayName").asText()).isEqualTo("Test SCIMv2");
            assertThat(replace.status()).isEqualTo(200);
            assertThat(groups.updates.get(groups.updates.size() - 1).removeAll()).isTrue();
            assertThat(client.memberIds(group)).containsExactly(b);
            assertThat(client.get("/Groups/" + group).json().path("displayName").asText()).isEqualTo("Test SCIMv2");
        }

        @Test
        void rfc7644_3_5_2_entraP11RemoveWithAValueRemovesOnlyThatMember() {
            String u1091 = client.createUser("u1091");
            String other = client.createUser("other");
            String group = client.createGroup("Sales", u1091, other);

            ScimClient.Reply reply = client.patch("/Groups/" + group,
                    "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + u1091 + "\"}]}]");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(groups.updates.get(0).removeAll()).isFalse();
            assertThat(client.memberIds(group)).containsExactly(other);
        }

        @Test
        void rfc7644_3_5_2_entraP13AddsMembersWithANullRef() {
            String first = client.createUser("first");
            String second = client.createUser("second");
            String group = client.createGroup("Sales");

            ScimClient.Reply reply = client.patch("/Groups/" + group, """
                    [{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]}]"""
                    .formatted(first, second));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(client.memberIds(group)).containsExactly(first, second);
        }

        @Test
        void rfc7644_3_5_2_msRefP23BareStringMemberAndP22RemoveAllMembers() {
            String first = client.createUser("first");
            String second = client.createUser("second");
            String group = client.createGroup("Sales", first);

            ScimClient.Reply add = client.patch("/Groups/" + group,
                    "[{\"op\":\"add\",\"path\":\"members\",\"value\":\"" + second + "\"}]");
            List<String> afterAdd = client.memberIds(group);
            ScimClient.Reply clear = client.patch("/Groups/" + group, "[{\"op\":\"remove\",\"path\":\"members\"}]");

            assertThat(add.status()).isEqualTo(200);
            assertThat(afterAdd).containsExactly(first, second);
            assertThat(clear.status()).isEqualTo(200);
            assertThat(clear.json().has("members")).isFalse();
            assertThat(groups.updates.get(groups.updates.size() - 1).removeAll()).isTrue();
            assertThat(client.memberIds(group)).isEmpty();
        }

        @Test
        void rfc7644_3_5_2_entraP14GroupPatchAnswers204WhenTheHostAsksForIt() {
            ScimClient quiet = ScimClient.of(new InMemoryUserRepository(), new InMemoryGroupRepository(),
                    ScimServiceConfig.defaults().withNoContentOnPatch(Set.of("Group")));
            String member = quiet.createUser("member");
            String group = quiet.createGroup("Sales");

            ScimClient.Reply rename = quiet.patch("/Groups/" + group,
                    "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Sales updated\"}]");
            ScimClient.Reply add = quiet.patch("/Groups/" + group,
                    "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]");
            ScimClient.Reply read = quiet.get("/Groups/" + group);

            assertThat(rename.status()).isEqualTo(204);
            assertThat(rename.response().body()).isEmpty();
            assertThat(add.status()).isEqualTo(204);
            assertThat(add.header("ETag")).isEqualTo(read.header("ETag")).isNotEqualTo(rename.header("ETag"));
            assertThat(read.json().path("displayName").asText()).isEqualTo("Sales updated");
            assertThat(quiet.memberIds(group)).containsExactly(member);
        }

        @Test
        void rfc7644_3_5_2_membershipPatchOnAnUnknownGroupIs404() {
            ScimClient.Reply reply = client.patch("/Groups/nogroup",
                    "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"x\"}]}]");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(groups.updates).isEmpty();
        }

        @Test
        void rfc7644_3_14_membershipPatchWithAStaleIfMatchIs412() {
            String member = client.createUser("member");
            String group = client.createGroup("Sales");

            ScimClient.Reply reply = client.send(request("PATCH", "/Groups/" + group).header("If-Match", "W/\"0\"")
                    .body(patchBody("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]")));

            assertThat(reply.status()).isEqualTo(412);
            assertThat(client.memberIds(group)).isEmpty();
        }

        @Test
        void rfc7644_3_5_2_concurrentMemberAddsWithoutIfMatchLoseNoMember() throws Exception {
            assertNoLostMember(client, groups, 16);
            assertThat(groups.updates).hasSize(16);
        }

        @Test
        void rfc7644_3_5_2_concurrentMemberAddsLoseNoMemberOnAStoreWithoutNativeMembership() throws Exception {
            int threads = 8;
            // Every conflict a request sees means another request's write succeeded, so threads - 1 retries suffice.
            ScimServiceConfig config = ScimServiceConfig.builder().maxConflictRetries(threads - 1).build();
            TestRepositories.CountingGroups replacing = new TestRepositories.CountingGroups(false);

            assertNoLostMember(ScimClient.of(new InMemoryUserRepository(), replacing, config), replacing, threads);
            assertThat(replacing.updates).isEmpty();
            assertThat(replacing.replaces.get()).isGreaterThanOrEqualTo(threads);
        }

        /** {@code threads} PATCHes, each adding another member, all reading the group before any of them writes. */
        private void assertNoLostMember(ScimClient target, TestRepositories.CountingGroups store, int threads)
                throws Exception {
            String group = target.createGroup("Everyone");
            List<String> users = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                users.add(target.createUser("user" + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            store.gateReads(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<ScimClient.Reply>> replies = new ArrayList<>();
                for (String user : users) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return target.patch("/Groups/" + group,
                                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]");
                    }));
                }
                start.countDown();
                for (Future<ScimClient.Reply> reply : replies) {
                    assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(target.memberIds(group)).containsExactlyInAnyOrderElementsOf(users);
        }
    }
}
