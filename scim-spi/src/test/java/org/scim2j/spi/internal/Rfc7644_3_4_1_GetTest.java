package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.ERROR;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.4.1: retrieving a known resource; §3.9 projection and §3.14 If-None-Match on it. */
class Rfc7644_3_4_1_GetTest {

    private final ScimClient scim = ScimClient.inMemory();

    @Test
    void rfc7644_3_4_1_knownIdIs200WithTheResourceAndItsEtag() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);

        ScimClient.Reply reply = scim.get("/Users/" + created.id());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(created.json());
        assertThat(reply.header("ETag")).isEqualTo(created.header("ETag"))
                .isEqualTo(reply.json().path("meta").path("version").asText());
        assertThat(reply.json().has("password")).isFalse();
    }

    @Test
    void rfc7644_3_4_1_unknownIdIs404ErrorWithNonEmptyDetail() {
        // OKTA-SPEC step 10
        ScimClient.Reply reply = scim.get("/Users/010101001010101011001010101011");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(ERROR);
        assertThat(reply.json().path("detail").asText()).contains("010101001010101011001010101011");
        assertThat(reply.json().path("status").asText()).isEqualTo("404");
    }

    @Test
    void rfc7644_3_14_ifNoneMatchWithTheCurrentEtagIs304WithoutBody() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);

        ScimClient.Reply reply = scim.send(request("GET", "/Users/" + created.id())
                .header("If-None-Match", created.header("ETag")));

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.response().body()).isEmpty();
        assertThat(reply.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void rfc7644_3_14_ifNoneMatchWithAStaleEtagIs200() {
        ScimClient.Reply created = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE);

        ScimClient.Reply reply = scim.send(request("GET", "/Users/" + created.id())
                .header("If-None-Match", "W/\"stale\", W/\"older\""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("id").asText()).isEqualTo(created.id());
    }

    @Test
    void rfc7644_3_9_attributesReturnOnlyWhatIsNamedPlusAlwaysReturned() {
        String id = scim.post("/Users", Rfc7644_3_3_CreateTest.OKTA_CREATE).id();

        ScimClient.Reply reply = scim.send(request("GET", "/Users/" + id).query("attributes", "userName,emails.value"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode user = reply.json();
        assertThat(user.path("id").asText()).isEqualTo(id);
        assertThat(user.path("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("test.user@okta.local");
        assertThat(user.path("emails").get(0).has("type")).isFalse();
        assertThat(user.has("name")).isFalse();
        assertThat(user.has("active")).isFalse();
        assertThat(reply.header("ETag")).startsWith("W/\"");
    }

    @Test
    void rfc7644_3_9_entraGetsGroupsWithExcludedAttributesMembers() {
        String member = scim.createUser("member");
        String group = scim.createGroup("Sales", member);

        ScimClient.Reply reply = scim.send(request("GET", "/Groups/" + group).query("excludedAttributes", "members"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("members")).isFalse();
        assertThat(reply.json().path("displayName").asText()).isEqualTo("Sales");
        assertThat(reply.header("ETag")).startsWith("W/\"");
        assertThat(scim.memberIds(group)).containsExactly(member);
    }

    @Test
    void rfc7644_3_9_excludingMetaStillSendsTheEtagHeader() {
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.send(request("GET", "/Users/" + id).query("excludedAttributes", "meta"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("meta")).isFalse();
        assertThat(reply.header("ETag")).startsWith("W/\"");
    }

    @Test
    void rfc7644_3_9_attributesAndExcludedAttributesTogetherAre400InvalidValue() {
        String id = scim.createUser("bjensen");

        ScimClient.Reply reply = scim.send(request("GET", "/Users/" + id).query("attributes", "userName")
                .query("excludedAttributes", "name"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidValue");
    }
    @Test
    void rfc7644_3_9_aGroupReadWithExcludedMembersIsAskedOfTheStoreWithoutMembers() {
        TestRepositories.CountingGroups groups = new TestRepositories.CountingGroups(true);
        ScimClient client = ScimClient.of(new InMemoryUserRepository(), groups, ScimServiceConfig.defaults());
        String group = client.createGroup("Sales", client.createUser("member"));
        String etag = client.get("/Groups/" + group).header("ETag");
        int fullReads = groups.gets.get();

        ScimClient.Reply reply = client.send(request("GET", "/Groups/" + group).query("excludedAttributes", "members"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("members")).isFalse();
        assertThat(reply.header("ETag")).isEqualTo(etag);
        assertThat(groups.gets.get()).isEqualTo(fullReads);
        assertThat(groups.getsWithoutMembers.get()).isEqualTo(1);
    }
}
