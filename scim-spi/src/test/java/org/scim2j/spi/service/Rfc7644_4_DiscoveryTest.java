package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scim2j.core.schema.SchemaJson;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig.UnsupportedFilters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 7644 §4 discovery, with what Okta's SCIM 2.0 spec test asserts (IDP-TRAFFIC §1.10 steps 1-6). */
class Rfc7644_4_DiscoveryTest {

    private final ScimTestClient client = new ScimTestClient(ScimService.builder()
            .users(new InMemoryUserRepository()).groups(new InMemoryGroupRepository())
            .config(ScimServiceConfig.defaults().withBulkLimits(50, 65536).withPaging(25, 200)
                    .withAuthenticationSchemes(List.of(AuthenticationScheme.bearerToken(true),
                            AuthenticationScheme.httpBasic(false)), "https://example.com/docs/scim"))
            .build());

    private static List<String> fields(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void rfc7643_5_serviceProviderConfigDescribesThisConfiguration() {
        ScimTestClient.Reply reply = client.get("/ServiceProviderConfig");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().header("Content-Type")).isEqualTo(ScimResponse.CONTENT_TYPE);
        JsonNode json = reply.json();
        assertThat(fields(json)).containsExactly("schemas", "documentationUri", "patch", "bulk", "filter",
                "changePassword", "sort", "etag", "pagination", "authenticationSchemes", "meta");
        assertThat(json.get("schemas")).containsExactly(json.get("schemas").get(0));
        assertThat(json.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(json.get("documentationUri").asText()).isEqualTo("https://example.com/docs/scim");
        assertThat(json.get("patch")).isEqualTo(ScimTestClient.object("{\"supported\":true}"));
        assertThat(json.get("bulk"))
                .isEqualTo(ScimTestClient.object("{\"supported\":true,\"maxOperations\":50,\"maxPayloadSize\":65536}"));
        assertThat(json.get("filter")).isEqualTo(ScimTestClient.object("{\"supported\":true,\"maxResults\":200}"));
        assertThat(json.get("changePassword")).isEqualTo(ScimTestClient.object("{\"supported\":false}"));
        assertThat(json.get("sort")).isEqualTo(ScimTestClient.object("{\"supported\":true}"));
        assertThat(json.get("etag")).isEqualTo(ScimTestClient.object("{\"supported\":true}"));
        assertThat(json.get("pagination")).isEqualTo(ScimTestClient.object("{\"cursor\":false,\"index\":true,"
                + "\"defaultPaginationMethod\":\"index\",\"defaultPageSize\":25,\"maxPageSize\":200}"));
        assertThat(json.get("authenticationSchemes")).isEqualTo(ScimTestClient.MAPPER.valueToTree(List.of(
                Map.of("type", "oauthbearertoken", "name", "OAuth Bearer Token",
                        "description", "Authentication with a bearer token in the Authorization header",
                        "specUri", "https://www.rfc-editor.org/rfc/rfc6750",
                        "documentationUri", "https://example.com/docs/scim", "primary", true),
                Map.of("type", "httpbasic", "name", "HTTP Basic",
                        "description", "Authentication with HTTP Basic; the token is the user name and the password "
                                + "is empty",
                        "specUri", "https://www.rfc-editor.org/rfc/rfc7617",
                        "documentationUri", "https://example.com/docs/scim", "primary", false))));
        assertThat(json.get("meta")).isEqualTo(ScimTestClient.object("{\"resourceType\":\"ServiceProviderConfig\","
                + "\"location\":\"" + BASE + "/ServiceProviderConfig\"}"));
    }

    @Test
    void rfc7643_5_filterAndSortAreUnsupportedWhenNoRepositoryDoesThemAndNothingIsEvaluatedInMemory() {
        ScriptedUserRepository bare = new ScriptedUserRepository(new RepositoryCapabilities(FilterSupport.none(),
                false, true));
        ScimTestClient strict = new ScimTestClient(ScimService.builder().users(bare)
                .config(ScimServiceConfig.defaults().withFilters(false, UnsupportedFilters.REJECT, 0)
                        .withBulkLimits(0, 0)).build());

        JsonNode json = strict.get("/ServiceProviderConfig").json();

        assertThat(json.get("filter").get("supported").asBoolean()).isFalse();
        assertThat(json.get("sort").get("supported").asBoolean()).isFalse();
        assertThat(json.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(json.get("pagination").get("cursor").asBoolean()).isTrue();
        assertThat(json.has("documentationUri")).isFalse();
    }

    @Test
    void rfc7644_4_resourceTypesListsEveryBoundType() {
        ScimTestClient.Reply reply = client.get("/ResourceTypes");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(reply.fields()).containsExactly("schemas", "totalResults", "startIndex", "itemsPerPage",
                "Resources");
        assertThat(json.get("schemas").get(0).asText()).isEqualTo(Schemas.LIST_RESPONSE);
        assertThat(json.get("totalResults").asInt()).isEqualTo(2);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(json.get("Resources").get(0)).isEqualTo(
                SchemaJson.writeResourceType(Schemas.USER_RESOURCE_TYPE, BASE + "/ResourceTypes/User"));
        assertThat(json.get("Resources").get(1)).isEqualTo(ScimTestClient.object("{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"],\"id\":\"Group\","
                + "\"name\":\"Group\",\"description\":\"Group\",\"endpoint\":\"/Groups\","
                + "\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"meta\":{\"resourceType\":\"ResourceType\",\"location\":\"" + BASE + "/ResourceTypes/Group\"}}"));
    }

    @Test
    void rfc7644_4_onlyBoundResourceTypesAreListed() {
        ScimTestClient usersOnly = new ScimTestClient(ScimService.builder().users(new InMemoryUserRepository())
                .build());

        assertThat(usersOnly.get("/ResourceTypes").resources("name")).containsExactly("User");
        usersOnly.get("/ResourceTypes/Group").assertError(404, null);
        assertThat(usersOnly.get("/Schemas").resources("id")).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER);
    }

    @Test
    void rfc7644_4_oneResourceTypeById() {
        ScimTestClient.Reply reply = client.get("/ResourceTypes/Group");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("endpoint").asText()).isEqualTo("/Groups");
        assertThat(client.get("/resourcetypes/user").json().get("id").asText()).isEqualTo("User");
    }

    @Test
    void rfc7644_4_schemasListsTheSchemasOfTheBoundTypesWithEveryCharacteristic() {
        ScimTestClient.Reply reply = client.get("/Schemas");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("totalResults").asInt()).isEqualTo(3);
        assertThat(reply.resources("id")).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER, Schemas.GROUP);
        assertThat(json.get("Resources").get(0))
                .isEqualTo(SchemaJson.writeSchema(Schemas.user(), BASE + "/Schemas/" + Schemas.USER));
        JsonNode userName = json.get("Resources").get(0).get("attributes").get(0);
        assertThat(fields(userName)).containsExactly("name", "type", "multiValued", "description", "required",
                "caseExact", "mutability", "returned", "uniqueness");
        assertThat(userName.get("name").asText()).isEqualTo("userName");
        assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
    }

    @Test
    void rfc7644_4_oneSchemaByUrnIgnoringCase() {
        ScimTestClient.Reply reply = client.get("/Schemas/" + Schemas.ENTERPRISE_USER.toUpperCase());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(SchemaJson.writeSchema(Schemas.enterpriseUser(),
                BASE + "/Schemas/" + Schemas.ENTERPRISE_USER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/Schemas/urn:example:Nothing", "/ResourceTypes/Device", "/Schemas/" + Schemas.RESOURCE_TYPE})
    void rfc7644_4_anUnknownIdIsNotFound(String path) {
        client.get(path).assertError(404, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/ServiceProviderConfig", "/ResourceTypes", "/Schemas"})
    void rfc7644_4_aFilterOnDiscoveryIsForbidden(String path) {
        client.get(path + "?filter=id eq \"User\"").assertError(403, null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /ServiceProviderConfig, ''", "POST, /ResourceTypes, ''", "POST, /Schemas, test",
            "PUT, /ServiceProviderConfig, '{}'", "DELETE, /Schemas/" + Schemas.USER + ", ''",
            "PATCH, /ResourceTypes/User, '{}'"})
    void rfc7644_4_discoveryIsReadOnlyAndAnswers405WithAllow(String method, String path, String body) {
        // OKTA-SPEC steps 2, 4 and 6
        ScimTestClient.Reply reply = client.send(method, path, body.isEmpty() ? null : body, Map.of());

        reply.assertError(405, null);
        assertThat(reply.response().header("Allow")).isEqualTo("GET");
    }
}
