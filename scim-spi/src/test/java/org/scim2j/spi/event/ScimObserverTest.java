package org.scim2j.spi.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.User;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.RequestContext.Operation;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a registered {@link ScimObserver} sees: successful writes, and the outcome of every request. */
class ScimObserverTest {

    private static final String BASE = "https://example.com/scim/v2";
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"%s\"}";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryGroupRepository groups = new InMemoryGroupRepository();
    private final Recording recording = new Recording();
    private final ScimService service = ScimService.builder().users(users).groups(groups).observer(recording)
            .build();

    /** Keeps what it was told. */
    static final class Recording implements ScimObserver {
        final List<WriteEvent> writes = new ArrayList<>();
        final List<RequestOutcome> outcomes = new ArrayList<>();

        @Override
        public void onWrite(WriteEvent event) {
            writes.add(event);
        }

        @Override
        public void onOutcome(RequestOutcome outcome) {
            outcomes.add(outcome);
        }
    }

    private ScimResponse send(String method, String path, String body) {
        return send(method, path, body, Map.of());
    }

    private ScimResponse send(String method, String path, String body, Map<String, Object> attributes) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return service.handle(new ScimRequest(method, path, Map.of(), Map.of(), bytes, "okta", BASE, "req-1",
                attributes));
    }

    private static JsonNode json(ScimResponse response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String createUser(String userName) {
        return json(send("POST", "/Users", USER.formatted(userName))).path("id").asText();
    }

    @Test
    void rfc7644_3_3_aCreateIsReportedWithItsIdPrincipalRequestIdAndOperation() {
        String id = createUser("bjensen");

        assertThat(recording.writes).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WriteEvent.Kind.CREATED);
            assertThat(e.resourceType()).isEqualTo("User");
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.membership()).isEqualTo(MembershipChange.none());
            assertThat(e.context().principal()).isEqualTo("okta");
            assertThat(e.context().requestId()).isEqualTo("req-1");
            assertThat(e.context().operation()).isEqualTo(Operation.CREATE);
        });
        assertThat(recording.outcomes).singleElement().satisfies(o -> {
            assertThat(o.method()).isEqualTo("POST");
            assertThat(o.resourceType()).isEqualTo("User");
            assertThat(o.status()).isEqualTo(201);
            assertThat(o.scimType()).isNull();
            assertThat(o.duration().isNegative()).isFalse();
            assertThat(o.context().operation()).isEqualTo(Operation.CREATE);
        });
    }

    @Test
    void rfc7644_3_5_aPutOrPatchThatChangesNothingIsNoWrite() {
        String id = createUser("bjensen");
        recording.writes.clear();

        send("PUT", "/Users/" + id, USER.formatted("bjensen"));
        send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"bjensen\"}]}");

        assertThat(recording.writes).isEmpty();
        assertThat(recording.outcomes).extracting(RequestOutcome::status).containsExactly(201, 200, 200);
    }

    @Test
    void rfc7644_3_5_replaceAndPatchAreReportedWhenTheyChangeSomething() {
        String id = createUser("bjensen");

        send("PUT", "/Users/" + id, USER.formatted("bjensen2"));
        send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        send("DELETE", "/Users/" + id, null);

        assertThat(recording.writes).extracting(WriteEvent::kind).containsExactly(WriteEvent.Kind.CREATED,
                WriteEvent.Kind.REPLACED, WriteEvent.Kind.PATCHED, WriteEvent.Kind.DELETED);
        assertThat(recording.writes).extracting(WriteEvent::id).containsOnly(id);
        assertThat(recording.writes).extracting(e -> e.context().operation()).containsExactly(Operation.CREATE,
                Operation.REPLACE, Operation.PATCH, Operation.DELETE);
    }

    @Test
    void rfc7644_3_5_2_aGroupPatchReportsItsMembershipDelta() {
        String alice = createUser("alice");
        String bob = createUser("bob");
        Group group = groups.create(Group.builder().displayName("admins").members(List.of(Member.of(alice)))
                .build(), RequestContext.system());
        recording.writes.clear();

        send("PATCH", "/Groups/" + group.id(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}]}");

        assertThat(recording.writes).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WriteEvent.Kind.PATCHED);
            assertThat(e.resourceType()).isEqualTo("Group");
            assertThat(e.membership().removed()).containsExactly(alice);
            assertThat(e.membership().added()).extracting(Member::value).containsExactly(bob);
        });
    }

    @Test
    void rfc7644_3_5_1_aGroupPutReportsTheMembersItAddedAndRemoved() {
        String alice = createUser("alice");
        String bob = createUser("bob");
        String group = json(send("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"admins\",\"members\":[{\"value\":\"" + alice + "\"}]}")).path("id").asText();

        send("PUT", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"admins\",\"members\":[{\"value\":\"" + bob + "\"}]}");

        assertThat(recording.writes).filteredOn(e -> e.resourceType().equals("Group")).satisfiesExactly(
                created -> assertThat(created.membership().added()).extracting(Member::value).containsExactly(alice),
                replaced -> {
                    assertThat(replaced.kind()).isEqualTo(WriteEvent.Kind.REPLACED);
                    assertThat(replaced.membership().removed()).containsExactly(alice);
                    assertThat(replaced.membership().added()).extracting(Member::value).containsExactly(bob);
                });
    }

    @Test
    void rfc7644_3_5_2_onAStoreWithoutNativeMembershipChangesTheDeltaIsTheDifferenceOfTheMemberLists() {
        String alice = createUser("alice");
        String bob = createUser("bob");
        Group group = groups.create(Group.builder().displayName("admins").members(List.of(Member.of(alice)))
                .build(), RequestContext.system());
        Recording seen = new Recording();
        ScimService plain = ScimService.builder().users(users).groups(new GroupRepository() {
            @Override
            public Group create(Group resource, RequestContext context) {
                return groups.create(resource, context);
            }

            @Override
            public Optional<Group> get(String id, RequestContext context) {
                return groups.get(id, context);
            }

            @Override
            public Group replace(String id, Group resource, String expectedVersion, RequestContext context) {
                return groups.replace(id, resource, expectedVersion, context);
            }

            @Override
            public void delete(String id, String expectedVersion, RequestContext context) {
                groups.delete(id, expectedVersion, context);
            }

            @Override
            public Page<Group> search(SearchRequest request, RequestContext context) {
                return groups.search(request, context);
            }
        }).observer(seen).build();

        ScimResponse response = plain.handle(new ScimRequest("PATCH", "/Groups/" + group.id(), Map.of(), Map.of(),
                ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]}")
                        .getBytes(StandardCharsets.UTF_8), "okta", BASE, "req-5"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(seen.writes).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WriteEvent.Kind.PATCHED);
            assertThat(e.membership().removed()).containsExactly(alice);
            assertThat(e.membership().added()).extracting(Member::value).containsExactly(bob);
        });
    }

    @Test
    void rfc7644_3_12_aFailedRequestIsNoWriteAndItsOutcomeCarriesStatusAndScimType() {
        send("GET", "/Users", null);
        service.handle(new ScimRequest("GET", "/Users", Map.of("filter", List.of("userName eq")), Map.of(), null,
                "okta", BASE, "req-2"));
        send("DELETE", "/Users/missing", null);
        send("GET", "/Nowhere", null);

        assertThat(recording.writes).isEmpty();
        assertThat(recording.outcomes).extracting(RequestOutcome::status, RequestOutcome::scimType,
                RequestOutcome::resourceType).containsExactly(
                org.assertj.core.groups.Tuple.tuple(200, null, "User"),
                org.assertj.core.groups.Tuple.tuple(400, "invalidFilter", "User"),
                org.assertj.core.groups.Tuple.tuple(404, null, "User"),
                org.assertj.core.groups.Tuple.tuple(404, null, null));
    }

    @Test
    void rfc7644_3_7_aBulkRequestReportsEachWriteAndOneOutcome() {
        String bulk = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + "{\"method\":\"POST\",\"bulkId\":\"a\",\"path\":\"/Users\",\"data\":" + USER.formatted("a") + "},"
                + "{\"method\":\"POST\",\"bulkId\":\"b\",\"path\":\"/Users\",\"data\":" + USER.formatted("a") + "},"
                + "{\"method\":\"POST\",\"bulkId\":\"c\",\"path\":\"/Users\",\"data\":" + USER.formatted("c") + "}]}";

        ScimResponse response = send("POST", "/Bulk", bulk);

        assertThat(response.status()).isEqualTo(200);
        // the second operation fails (userName taken): no event for it
        assertThat(recording.writes).extracting(WriteEvent::kind, e -> e.context().operation()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WriteEvent.Kind.CREATED, Operation.CREATE),
                org.assertj.core.groups.Tuple.tuple(WriteEvent.Kind.CREATED, Operation.CREATE));
        assertThat(recording.outcomes).singleElement().satisfies(o -> {
            assertThat(o.resourceType()).isEqualTo("Bulk");
            assertThat(o.status()).isEqualTo(200);
            assertThat(o.context().operation()).isEqualTo(Operation.BULK);
        });
    }

    @Test
    void rfc7644_4_discoveryOutcomesNameTheEndpoint() {
        send("GET", "/ServiceProviderConfig", null);
        send("GET", "/ResourceTypes", null);
        send("GET", "/Schemas", null);

        assertThat(recording.outcomes).extracting(RequestOutcome::resourceType)
                .containsExactly("ServiceProviderConfig", "ResourceType", "Schema");
        assertThat(recording.outcomes).extracting(o -> o.context().operation()).containsOnly(Operation.DISCOVERY);
    }

    @Test
    void theAuthenticatorsAttributesReachObserversAndRepositories() {
        List<RequestContext> seen = new ArrayList<>();
        InMemoryUserRepository store = new InMemoryUserRepository();
        ScimService tenantAware = ScimService.builder().users(new UserRepository() {
            @Override
            public User create(User resource, RequestContext context) {
                seen.add(context);
                return store.create(resource, context);
            }

            @Override
            public Optional<User> get(String id, RequestContext context) {
                return store.get(id, context);
            }

            @Override
            public User replace(String id, User resource, String expectedVersion, RequestContext context) {
                return store.replace(id, resource, expectedVersion, context);
            }

            @Override
            public void delete(String id, String expectedVersion, RequestContext context) {
                store.delete(id, expectedVersion, context);
            }

            @Override
            public Page<User> search(SearchRequest request, RequestContext context) {
                return store.search(request, context);
            }
        }).observer(recording).build();

        tenantAware.handle(new ScimRequest("POST", "/Users", Map.of(), Map.of(),
                USER.formatted("bjensen").getBytes(StandardCharsets.UTF_8), "okta", BASE, "req-3",
                Map.of(RequestContext.TENANT, "acme", RequestContext.ROLES, Set.of("provisioner"))));

        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c.tenant()).isEqualTo("acme");
            assertThat(c.roles()).containsExactly("provisioner");
        });
        assertThat(recording.writes).singleElement().satisfies(e -> assertThat(e.context().tenant()).isEqualTo("acme"));
        assertThat(recording.outcomes).singleElement()
                .satisfies(o -> assertThat(o.context().tenant()).isEqualTo("acme"));
    }

    @Test
    void anObserverThatThrowsNeitherBreaksTheRequestNorSilencesTheOthers() {
        Recording after = new Recording();
        ScimService guarded = ScimService.builder().users(users).observer(new ScimObserver() {
            @Override
            public void onWrite(WriteEvent event) {
                throw new IllegalStateException("audit store down");
            }

            @Override
            public void onOutcome(RequestOutcome outcome) {
                throw new IllegalStateException("metrics down");
            }
        }).observer(after).build();

        ScimResponse response = guarded.handle(new ScimRequest("POST", "/Users", Map.of(), Map.of(),
                USER.formatted("bjensen").getBytes(StandardCharsets.UTF_8), "okta", BASE, "req-4"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(json(response).path("userName").asText()).isEqualTo("bjensen");
        assertThat(after.writes).hasSize(1);
        assertThat(after.outcomes).hasSize(1);
    }
}
