package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.resource.User;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaExtension;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimService;
import org.scim2j.spi.service.ScimServiceConfig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.GROUP;
import static org.scim2j.spi.internal.ScimClient.USER;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.5.1: replacing with PUT, as Okta's app-integration-wizard apps do for everything (IDP-TRAFFIC §1.2). */
class Rfc7644_3_5_1_ReplaceTest {

    private static final String BADGE = "urn:example:params:scim:schemas:extension:badge:2.0:User";

    private final ScimClient scim = ScimClient.inMemory();

    /** The GET-then-PUT of IDP-TRAFFIC §1.6: the whole resource back, with id, meta and groups:[], one field changed. */
    private static String echoed(JsonNode resource, String field, JsonNode value) {
        ObjectNode body = resource.deepCopy();
        body.putArray("groups");
        body.set(field, value);
        return body.toString();
    }

    @Test
    void rfc7644_3_5_1_oktaProfileUpdateIsGetThenPutOfTheWholeResource() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
        JsonNode read = scim.get("/Users/" + created.id()).json();
        ObjectNode name = read.path("name").deepCopy();
        name.put("middleName", "Quincy");

        ScimClient.Reply reply = scim.put("/Users/" + created.id(), echoed(read, "name", name));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("name").path("middleName").asText()).isEqualTo("Quincy");
        assertThat(reply.json().path("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(reply.json().path("id").asText()).isEqualTo(created.id());
        assertThat(reply.json().path("meta").path("created").asText())
                .isEqualTo(read.path("meta").path("created").asText());
        assertThat(reply.header("ETag")).isEqualTo(reply.json().path("meta").path("version").asText())
                .isNotEqualTo(created.header("ETag"));
        assertThat(scim.get("/Users/" + created.id()).json()).isEqualTo(reply.json());
    }

    @Test
    void rfc7644_3_5_1_oktaDeactivatesAndReactivatesWithPut() {
        String id = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE).id();
        JsonNode read = scim.get("/Users/" + id).json();

        ScimClient.Reply deactivated = scim.put("/Users/" + id, echoed(read, "active",
                BooleanNode.FALSE));
        JsonNode afterDeactivation = scim.get("/Users/" + id).json();
        ScimClient.Reply reactivated = scim.put("/Users/" + id, echoed(afterDeactivation, "active",
                BooleanNode.TRUE));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(afterDeactivation.path("active").booleanValue()).as("still readable, inactive (OKTA-CRUD 6)")
                .isFalse();
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(scim.get("/Users/" + id).json().path("active").booleanValue()).isTrue();
    }

    @Test
    void rfc7644_3_5_1_attributesLeftOutAreCleared() {
        String id = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE).id();

        ScimClient.Reply reply = scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"renamed\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("userName").asText()).isEqualTo("renamed");
        assertThat(reply.json().has("active")).as("absent is unassigned, not kept").isFalse();
        assertThat(reply.json().has("emails")).isFalse();
        assertThat(reply.json().has("externalId")).isFalse();
    }

    @Test
    void rfc7644_3_5_1_readOnlyIdMetaAndGroupsInTheBodyAreIgnoredEvenAnIdOtherThanTheUrls() {
        // RFC 7644 §3.5.1: "readOnly: Any values provided SHALL be ignored."
        String id = scim.createUser("bjensen");
        String other = scim.createUser("jsmith");
        String otherBefore = scim.get("/Users/" + other).text();

        ScimClient.Reply reply = scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"id\":\"" + other
                + "\",\"meta\":{\"created\":\"not a date\",\"version\":\"W/1\"},"
                + "\"groups\":[{\"value\":\"g1\"}],\"userName\":\"barbara\"}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("id").asText()).isEqualTo(id);
        assertThat(reply.json().path("userName").asText()).isEqualTo("barbara");
        assertThat(reply.json().has("groups")).isFalse();
        assertThat(scim.get("/Users/" + other).text()).as("the body's id names nothing to write").isEqualTo(otherBefore);
    }

    @Test
    void rfc7644_3_5_1_unknownIdIs404() {
        ScimClient.Reply reply = scim.put("/Users/nobody", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"x\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("detail").asText()).contains("nobody");
    }

    @Test
    void rfc7644_3_5_1_withoutUserNameIs400InvalidValueAndChangesNothing() {
        String id = scim.createUser("bjensen");
        String before = scim.get("/Users/" + id).text();

        ScimClient.Reply reply = scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"displayName\":\"B\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(scim.get("/Users/" + id).text()).isEqualTo(before);
    }

    @Test
    void rfc7644_3_5_1_renamingToATakenUserNameIs409() {
        scim.createUser("taken");
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"TAKEN\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void rfc7644_3_5_1_putWithoutPasswordKeepsTheStoredPasswordAndPutWithOneReplacesIt() {
        TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
        ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
        String id = client.createUser("bjensen");
        users.storedPassword = "stored-secret";

        ScimClient.Reply kept = client.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bjensen\"}");
        ScimClient.Reply changed = client.put("/Users/" + id,
                "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bjensen\",\"password\":\"new-secret\"}");

        assertThat(kept.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(users.replaced).extracting(User::password).containsExactly("stored-secret", "new-secret");
        assertThat(kept.text()).doesNotContain("secret");
        assertThat(changed.text()).doesNotContain("secret");
    }

    @Test
    void rfc7644_3_5_1_oktaGroupPutWithTheFullMemberListIsWrittenAsAMembershipDiff() {
        TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(true);
        ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups, ScimServiceConfig.defaults());
        String a = client.createUser("a");
        String b = client.createUser("b");
        String c = client.createUser("c");
        String d = client.createUser("d");
        String group = client.createGroup("Engineering", a, b, c);

        ScimClient.Reply reply = client.put("/Groups/" + group, """
                {"schemas":["%s"],"id":"%s","displayName":"Engineering (renamed)",
                 "members":[{"value":"%s","display":"b"},{"value":"%s"},{"value":"%s","display":"d"}]}"""
                .formatted(GROUP, group, b, c, d));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(groups.replaces.get()).as("no delete-all plus insert-all").isZero();
        assertThat(groups.updates).hasSize(1);
        MembershipChange change = groups.updates.get(0);
        assertThat(change.removeAll()).isFalse();
        assertThat(change.removed()).containsExactly(a);
        assertThat(change.added()).extracting(m -> m.value()).containsExactly(d);
        assertThat(reply.json().path("displayName").asText()).isEqualTo("Engineering (renamed)");
        assertThat(reply.json().path("members")).extracting(m -> m.path("value").asText())
                .containsExactlyInAnyOrder(b, c, d);
        assertThat(client.memberIds(group)).containsExactlyInAnyOrder(b, c, d);
    }

    /**
     * Member ids are equal as the schema's {@code members.value} says (RFC 7643 §8.7.1: not {@code caseExact}), in a
     * PUT as in a PATCH: a PUT of the same members with their ids in another case writes nothing and keeps the ETag.
     */
    @Test
    void rfc7644_3_5_1_groupPutOfTheSameMemberIdsInAnotherCaseChangesNothing() {
        TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(true);
        ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups, ScimServiceConfig.defaults());
        String a = client.createUser("a");
        String b = client.createUser("b");
        String group = client.createGroup("Cased", a, b);
        String etag = client.get("/Groups/" + group).header("ETag");

        ScimClient.Reply reply = client.put("/Groups/" + group, """
                {"schemas":["%s"],"displayName":"Cased","members":[{"value":"%s"},{"value":"%s"}]}"""
                .formatted(GROUP, a.toUpperCase(java.util.Locale.ROOT), b));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo(etag);
        assertThat(groups.updates).isEmpty();
        assertThat(groups.replaces.get()).isZero();
        // the same ids removed by PATCH in that case: the member is gone (MembershipPatch folds them the same way)
        ScimClient.Reply removed = client.patch("/Groups/" + group, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + b.toUpperCase(java.util.Locale.ROOT) + "\\\"]\"}]");
        assertThat(removed.status()).as(removed.toString()).isIn(200, 204);
        assertThat(client.memberIds(group)).containsExactly(a);
    }

    @Test
    void rfc7644_3_5_1_groupPutOnAStoreWithoutNativeMembershipIsAReplace() {
        TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(false);
        ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups, ScimServiceConfig.defaults());
        String a = client.createUser("a");
        String b = client.createUser("b");
        String group = client.createGroup("Engineering", a);

        ScimClient.Reply reply = client.put("/Groups/" + group, """
                {"schemas":["%s"],"displayName":"Engineering","members":[{"value":"%s"}]}""".formatted(GROUP, b));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(groups.replaces.get()).isEqualTo(1);
        assertThat(groups.updates).isEmpty();
        assertThat(client.memberIds(group)).containsExactly(b);
    }

    @Test
    void rfc7644_3_5_1_readOnlyMemberDisplayAndUnknownAttributesAreNotErrors() {
        // MS-REF "PUT with misspelt adreses -> 200 and the unknown attribute ignored"
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.put("/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bjensen\","
                + "\"adreses\":[{\"locality\":\"x\"}],\"meta\":{\"version\":\"W/\\\"x\\\"\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("adreses")).isFalse();
    }

    @Test
    void rfc7644_3_14_putWithAStaleIfMatchIs412AndChangesNothing() {
        String id = scim.createUser("bjensen");
        String before = scim.get("/Users/" + id).text();

        ScimClient.Reply reply = scim.send(request("PUT", "/Users/" + id).header("If-Match", "W/\"stale\"")
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"changed\"}"));

        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(ScimClient.ERROR);
        assertThat(scim.get("/Users/" + id).text()).isEqualTo(before);
    }

    @Test
    void rfc7644_3_14_putWithTheCurrentIfMatchOrStarSucceeds() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);

        ScimClient.Reply current = scim.send(request("PUT", "/Users/" + created.id())
                .header("If-Match", created.header("ETag"))
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"first\"}"));
        ScimClient.Reply star = scim.send(request("PUT", "/Users/" + created.id()).header("If-Match", "*")
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"second\"}"));

        assertThat(current.status()).isEqualTo(200);
        assertThat(star.status()).isEqualTo(200);
        assertThat(scim.get("/Users/" + created.id()).json().path("userName").asText()).isEqualTo("second");
    }
    /** A User type with an extension holding an immutable attribute and an immutable sub-attribute. */
    private static ScimClient withImmutableExtension() {
        Schema badge = new Schema(BADGE, "Badge", "test extension", List.of(
                AttributeDefinition.builder("employeeId", AttributeType.STRING).mutability(Mutability.IMMUTABLE)
                        .build(),
                AttributeDefinition.builder("card", AttributeType.COMPLEX)
                        .subAttribute(AttributeDefinition.builder("serial", AttributeType.STRING)
                                .mutability(Mutability.IMMUTABLE).build())
                        .subAttribute(AttributeDefinition.builder("color", AttributeType.STRING).build())
                        .build()));
        ResourceType user = Schemas.USER_RESOURCE_TYPE;
        List<SchemaExtension> extensions = new ArrayList<>(user.extensions());
        extensions.add(new SchemaExtension(BADGE, false));
        SchemaRegistry registry = SchemaRegistry.builder().addStandard().addSchema(badge)
                .addResourceType(new ResourceType(user.id(), user.name(), user.description(), user.endpoint(),
                        user.schema(), extensions))
                .build();
        return new ScimClient(ScimService.builder().registry(registry)
                .users(new InMemoryUserRepository(registry, ScimJson.defaults(), Clock.systemUTC()))
                .build());
    }

    private static String badgeUser(String badge) {
        return "{\"schemas\":[\"" + USER + "\",\"" + BADGE + "\"],\"userName\":\"bjensen\""
                + (badge == null ? "" : ",\"" + BADGE + "\":" + badge) + "}";
    }

    @Test
    void rfc7644_3_5_1_immutableValuesMayBeSetOnceAndNeverChanged() {
        ScimClient client = withImmutableExtension();
        String id = client.post("/Users", badgeUser(null)).id();

        ScimClient.Reply set = client.put("/Users/" + id, badgeUser(
                "{\"employeeId\":\"E1\",\"card\":{\"serial\":\"S1\",\"color\":\"red\"}}"));
        ScimClient.Reply same = client.put("/Users/" + id, badgeUser(
                "{\"employeeId\":\"E1\",\"card\":{\"serial\":\"S1\",\"color\":\"blue\"}}"));
        ScimClient.Reply changed = client.put("/Users/" + id, badgeUser(
                "{\"employeeId\":\"E2\",\"card\":{\"serial\":\"S2\"}}"));
        JsonNode afterRefusal = client.get("/Users/" + id).json().path(BADGE);
        ScimClient.Reply omitted = client.put("/Users/" + id, "{\"userName\":\"bjensen\"}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path(BADGE).path("card").path("color").asText()).isEqualTo("blue");
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.json().path("scimType").asText()).isEqualTo("mutability");
        assertThat(changed.json().path("detail").asText()).contains(BADGE + ":employeeId", BADGE + ":card.serial");
        assertThat(afterRefusal.path("employeeId").asText()).isEqualTo("E1");
        assertThat(omitted.status()).isEqualTo(200);
        assertThat(omitted.json().path(BADGE).path("employeeId").asText()).as("kept, not cleared").isEqualTo("E1");
        assertThat(omitted.json().path(BADGE).path("card").path("serial").asText()).isEqualTo("S1");
        assertThat(omitted.json().path(BADGE).path("card").has("color")).as("the mutable part is cleared").isFalse();
        assertThat(omitted.json().path("schemas")).extracting(JsonNode::asText).contains(BADGE);
    }

    /**
     * Okta's app-integration-wizard apps PUT the whole user on every sync (IDP-TRAFFIC §1.2, §1.6, OKTA-SCIM20).
     * A PUT that changes nothing, compared as PATCH compares (the canonical JSON after input processing), is not
     * written: version, {@code lastModified} and ETag stay (issue 13, finding 2).
     */
    @Test
    void rfc7644_3_5_1_aPutThatChangesNothingIsNotWrittenAndKeepsTheVersion() {
        TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
        ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
        ScimClient.Reply created = client.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);
        JsonNode read = client.get("/Users/" + created.id()).json();
        users.replaced.clear();

        ScimClient.Reply same = client.put("/Users/" + created.id(), echoed(read, "active", BooleanNode.TRUE));
        ObjectNode reordered = read.deepCopy();
        reordered.remove("meta");
        reordered.remove("id");
        ScimClient.Reply withoutReadOnly = client.put("/Users/" + created.id(), reordered.toString());

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(withoutReadOnly.status()).isEqualTo(200);
        assertThat(users.replaced).as("nothing written").isEmpty();
        assertThat(same.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(same.json().path("meta")).isEqualTo(read.path("meta"));
        assertThat(client.get("/Users/" + created.id()).json().path("meta")).isEqualTo(read.path("meta"));

        ScimClient.Reply changed = client.put("/Users/" + created.id(), echoed(read, "active", BooleanNode.FALSE));
        assertThat(changed.header("ETag")).as("a real change is written").isNotEqualTo(created.header("ETag"));
        assertThat(users.replaced).hasSize(1);
    }

    @Test
    void rfc7644_3_5_1_aPutThatOnlySetsAPasswordIsWritten() {
        TestRepositories.ScriptedUsers users = new TestRepositories.ScriptedUsers();
        ScimClient client = ScimClient.of(users, new InMemoryGroupRepository(), ScimServiceConfig.defaults());
        String id = client.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE).id();
        JsonNode read = client.get("/Users/" + id).json();
        users.replaced.clear();

        client.put("/Users/" + id, echoed(read, "password", new com.fasterxml.jackson.databind.node.TextNode("n3w")));

        assertThat(users.replaced).as("the password cannot be compared, so it is written").hasSize(1);
    }

    @Test
    void rfc7644_3_5_1_aGroupPutWithTheSameMembersInAnotherOrderIsNotWritten() {
        TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(true);
        ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups, ScimServiceConfig.defaults());
        ScimClient.Reply created = client.post("/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":"
                + "\"Admins\",\"members\":[{\"value\":\"u1\"},{\"value\":\"u2\"},{\"value\":\"u3\"}]}");

        ScimClient.Reply same = client.put("/Groups/" + created.id(), "{\"schemas\":[\"" + GROUP + "\"],"
                + "\"displayName\":\"Admins\",\"members\":[{\"value\":\"u3\"},{\"value\":\"u1\"},"
                + "{\"value\":\"u2\"}]}");

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(groups.updates).as("no membership write").isEmpty();
        assertThat(groups.replaces).hasValue(0);
        assertThat(same.header("ETag")).isEqualTo(created.header("ETag"));
    }
}
