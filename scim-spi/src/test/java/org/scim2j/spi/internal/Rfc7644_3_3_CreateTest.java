package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.BASE;
import static org.scim2j.spi.internal.ScimClient.ERROR;
import static org.scim2j.spi.internal.ScimClient.GROUP;
import static org.scim2j.spi.internal.ScimClient.USER;
import static org.scim2j.spi.internal.ScimClient.request;

/** RFC 7644 §3.3: creating resources with POST, including what Okta and Entra send (IDP-TRAFFIC §1.5, §1.8, §2.3). */
class Rfc7644_3_3_CreateTest {

    /** IDP-TRAFFIC §1.5 step 2, verbatim. */
    static final String OKTA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
             "groups":[],"password":"1mz050nq","active":true}""";

    private final ScimClient scim = ScimClient.inMemory();

    @Test
    void rfc7644_3_3_oktaCreateIs201WithTheFullResourceLocationAndEtag() {
        ScimClient.Reply reply = scim.post("/Users", OKTA_CREATE);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode user = reply.json();
        String id = user.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(user.path("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(user.path("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Test");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("test.user@okta.local");
        assertThat(user.path("active").asBoolean(false)).isTrue();
        assertThat(user.path("schemas")).extracting(JsonNode::asText).contains(USER);
        assertThat(user.has("password")).as("password is never returned").isFalse();
        assertThat(user.has("groups")).as("Okta's readOnly groups:[] is ignored").isFalse();
        assertThat(user.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(user.path("meta").path("created").asText()).isNotBlank();
        assertThat(reply.header("Location")).isEqualTo(BASE + "/Users/" + id)
                .isEqualTo(user.path("meta").path("location").asText());
        assertThat(reply.header("ETag")).startsWith("W/\"").isEqualTo(user.path("meta").path("version").asText());
        assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
    }

    @Test
    void rfc7644_3_3_duplicateUserNameIs409UniquenessIgnoringCase() {
        assertThat(scim.post("/Users", OKTA_CREATE).status()).isEqualTo(201);

        ScimClient.Reply again = scim.post("/Users", OKTA_CREATE);
        ScimClient.Reply upperCase = scim.post("/Users", OKTA_CREATE.replace("test.user@okta.local\",\n",
                "TEST.USER@OKTA.LOCAL\",\n"));

        for (ScimClient.Reply reply : new ScimClient.Reply[] {again, upperCase}) {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().path("scimType").asText()).isEqualTo("uniqueness");
            assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(ERROR);
            assertThat(reply.json().path("detail").asText()).contains("userName");
        }
    }

    @Test
    void rfc7644_3_3_readOnlyIdMetaAndGroupsInTheBodyAreIgnored() {
        ScimClient.Reply reply = scim.post("/Users", """
                {"schemas":["%s"],"id":"client-chosen","userName":"bjensen","groups":[{"value":"g1","display":"Admins"}],
                 "meta":{"resourceType":"Group","version":"W/\\"forged\\"","created":"not a date"}}""".formatted(USER));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.id()).isNotEqualTo("client-chosen");
        assertThat(reply.json().has("groups")).isFalse();
        assertThat(reply.json().path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(reply.header("ETag")).isNotEqualTo("W/\"forged\"");
    }

    @Test
    void rfc7644_3_3_missingRequiredAndMistypedValuesAre400InvalidValueListingEveryProblem() {
        ScimClient.Reply reply = scim.post("/Users", """
                {"schemas":["%s"],"active":"perhaps","name":"Barbara"}""".formatted(USER));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(reply.json().path("detail").asText()).contains("'userName' is required", "'active'", "'name'");
    }

    @Test
    void rfc7644_3_3_malformedOrEmptyBodyIs400InvalidSyntax() {
        ScimClient.Reply broken = scim.post("/Users", "{\"userName\":\"bjensen\",");
        ScimClient.Reply empty = scim.send(request("POST", "/Users"));
        ScimClient.Reply array = scim.post("/Users", "[]");

        for (ScimClient.Reply reply : new ScimClient.Reply[] {broken, empty, array}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        }
    }

    @Test
    void rfc7644_3_3_bodyWithoutSchemasIsAcceptedAndGetsTheCoreSchema() {
        ScimClient.Reply reply = scim.post("/Users", "{\"userName\":\"no-schemas\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(USER);
    }

    @Test
    void rfc7644_3_3_entraGroupWithNonUrnMicrosoftSchemaIdIsCreated() {
        ScimClient.Reply reply = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                 "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName",
                 "meta":{"resourceType":"Group"}}""");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(GROUP);
        assertThat(reply.json().path("displayName").asText()).isEqualTo("displayName");
        assertThat(reply.json().path("externalId").asText()).isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        assertThat(reply.json().has("members")).isFalse();
        assertThat(reply.header("Location")).isEqualTo(BASE + "/Groups/" + reply.id());
    }

    @Test
    void rfc7644_3_3_oktaGroupCreateWithEmptyMembers() {
        ScimClient.Reply reply = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.id()).isNotBlank();
        assertThat(reply.json().path("displayName").asText()).isEqualTo("Test SCIMv2");
        assertThat(reply.json().path("meta").path("resourceType").asText()).isEqualTo("Group");
    }

    @Test
    void rfc7644_3_3_entraBooleanStringAndMisspeltAttributeAreTolerated() {
        ScimClient.Reply reply = scim.post("/Users", """
                {"schemas":["%s"],"userName":"emp1","active":"True","adreses":[{"locality":"x"}],
                 "title":null,"phoneNumbers":null}""".formatted(USER));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("active").isBoolean()).isTrue();
        assertThat(reply.json().path("active").booleanValue()).isTrue();
        assertThat(reply.json().has("adreses")).isFalse();
        assertThat(reply.json().has("title")).isFalse();
    }

    @Test
    void rfc7644_3_3_unknownAttributesAre400WhenTheHostRejectsThem() {
        ScimClient strict = ScimClient.of(new InMemoryUserRepository(), new InMemoryGroupRepository(),
                ScimServiceConfig.defaults().withUnknownAttributes(ResourceNormalizer.UnknownAttributes.REJECT));

        ScimClient.Reply reply = strict.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"u\",\"adreses\":1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(reply.json().path("detail").asText()).contains("adreses");
    }

    @Test
    void rfc7644_3_9_attributesParameterShapesTheCreatedResponse() {
        ScimClient.Reply reply = scim.send(request("POST", "/Users").query("attributes", "userName")
                .body(OKTA_CREATE));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(reply.json().has("id")).isTrue();
        assertThat(reply.json().has("name")).isFalse();
        assertThat(reply.json().has("emails")).isFalse();
        assertThat(reply.header("Location")).isEqualTo(BASE + "/Users/" + reply.id());
        assertThat(reply.header("ETag")).startsWith("W/\"");
    }

    @Test
    void rfc7644_3_3_enterpriseExtensionIsStoredAndListedInSchemas() {
        ScimClient.Reply reply = scim.post("/Users", """
                {"schemas":["%s"],"userName":"sales.person",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}""".formatted(USER));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path(ScimClient.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).contains(USER, ScimClient.ENTERPRISE);
    }
    @Test
    void rfc7644_3_3_aReadOnlySubAttributeIsDroppedAndAnExtensionLeftEmptyGoesWithItsSchema() {
        ScimClient.Reply reply = scim.post("/Users", """
                {"schemas":["%s","%s"],"userName":"report",
                 "%s":{"manager":{"displayName":"Boss"}}}""".formatted(USER, ScimClient.ENTERPRISE,
                ScimClient.ENTERPRISE));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has(ScimClient.ENTERPRISE)).isFalse();
        assertThat(reply.json().path("schemas")).extracting(JsonNode::asText).containsExactly(USER);
    }
}
