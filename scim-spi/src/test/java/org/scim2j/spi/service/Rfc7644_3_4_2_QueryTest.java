package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.ScimTestClient.BASE;
import static org.scim2j.spi.service.ScimTestClient.seed;
import static org.scim2j.spi.service.ScimTestClient.seedGroup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scim2j.core.resource.User;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** RFC 7644 §3.4.2: GET on a collection, with the requests Okta and Entra ID send (IDP-TRAFFIC §1.3, §1.4, §2). */
class Rfc7644_3_4_2_QueryTest {

    private static final List<String> ENVELOPE = List.of("schemas", "totalResults", "startIndex", "itemsPerPage",
            "Resources");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryGroupRepository groups = new InMemoryGroupRepository();

    private ScimTestClient client(ScimServiceConfig config) {
        return new ScimTestClient(ScimService.builder().users(users).groups(groups).config(config).build());
    }

    private ScimTestClient client() {
        return client(ScimServiceConfig.defaults());
    }

    private static void assertListResponse(ScimTestClient.Reply reply, int total, int startIndex, int items) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.response().header("Content-Type")).isEqualTo(ScimResponse.CONTENT_TYPE);
        JsonNode json = reply.json();
        assertThat(reply.fields()).containsExactlyElementsOf(ENVELOPE);
        assertThat(json.get("schemas")).hasSize(1);
        assertThat(json.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        // Okta checks that these three are JSON numbers (IDP-TRAFFIC §1.3, §1.10 step 7)
        assertThat(json.get("totalResults").isInt()).isTrue();
        assertThat(json.get("startIndex").isInt()).isTrue();
        assertThat(json.get("itemsPerPage").isInt()).isTrue();
        assertThat(json.get("totalResults").asInt()).isEqualTo(total);
        assertThat(json.get("startIndex").asInt()).isEqualTo(startIndex);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(items);
        assertThat(json.get("Resources").isArray()).isTrue();
        assertThat(json.get("Resources")).hasSize(items);
    }

    @Test
    void rfc7644_3_4_2_oktaTestConnectorConfigurationGetsAListResponseWithPresentedResources() {
        User first = seed(users, "alice@example.com");
        seed(users, "bob@example.com");
        seed(users, "carol@example.com");

        ScimTestClient.Reply reply = client().get("/Users?startIndex=1&count=2");

        assertListResponse(reply, 3, 1, 2);
        JsonNode resource = reply.json().get("Resources").get(0);
        assertThat(resource.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(resource.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(resource.path("meta").path("location").asText()).startsWith(BASE + "/Users/");
        assertThat(resource.path("meta").path("version").asText()).startsWith("W/\"");
        // the fields OKTA-SPEC step 7 requires of Resources[0]
        assertThat(resource.path("id").asText()).isNotEmpty();
        assertThat(resource.path("name").path("familyName").asText()).isNotEmpty();
        assertThat(resource.path("name").path("givenName").asText()).isNotEmpty();
        assertThat(resource.path("userName").asText()).isNotEmpty();
        assertThat(resource.path("active").isBoolean()).isTrue();
        assertThat(resource.path("emails").get(0).path("value").asText()).isNotEmpty();
        assertThat(reply.resources("id")).hasSize(2).doesNotHaveDuplicates();
        assertThat(users.get(first.id(), RequestContext.system())).isPresent();
    }

    @Test
    void rfc7644_3_4_2_2_oktaLookupByUserNameFindsTheUserIgnoringCase() {
        seed(users, "someone.else@okta.local");
        User user = seed(users, "test.user@okta.local");

        ScimTestClient.Reply exact = client().get("/Users?filter=userName eq \"test.user@okta.local\"&startIndex=1&count=100");
        ScimTestClient.Reply caps = client().get("/Users?filter=userName eq \"TEST.USER@OKTA.LOCAL\"");

        assertListResponse(exact, 1, 1, 1);
        assertThat(exact.resources("id")).containsExactly(user.id());
        assertThat(exact.resources("userName")).containsExactly("test.user@okta.local");
        // OKTA-SPEC step 15: userName is caseExact false (RFC 7643 §4.1.1)
        assertListResponse(caps, 1, 1, 1);
        assertThat(caps.resources("id")).containsExactly(user.id());
    }

    @Test
    void rfc7644_3_4_2_aFilterWithoutMatchIs200WithAnEmptyResourcesArrayNever404() {
        seed(users, "someone@okta.local");

        ScimTestClient.Reply reply = client().get("/Users?filter=userName eq \"test.user@okta.local\"&startIndex=1&count=100");

        assertListResponse(reply, 0, 1, 0);
        assertThat(reply.json().get("Resources").isEmpty()).isTrue();
    }

    @Test
    void rfc7644_3_4_2_2_aFilterWithoutExpressionIs400InvalidFilterNotEveryResource() {
        seed(users, "someone@okta.local");

        for (String path : List.of("/Users?filter=", "/Users?filter=%20%20", "/Groups?filter=&count=10")) {
            ScimTestClient.Reply reply = client().get(path);

            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidFilter");
            assertThat(reply.json().path("detail").asText()).contains("empty");
        }
        ScimTestClient.Reply search = client().post("/Users/.search",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"\"}");
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void rfc7644_3_4_2_4_oktaImportPagesByStartIndexPlus100InAStableOrder() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            seeded.add(seed(users, String.format("user%03d@example.com", i)).id());
        }
        ScimTestClient client = client();
        List<String> read = new ArrayList<>();
        int[] expectedItems = {100, 100, 50};
        for (int page = 0; page < 3; page++) {
            int startIndex = 1 + page * 100;
            ScimTestClient.Reply reply = client.get("/Users?startIndex=" + startIndex + "&count=100");
            assertListResponse(reply, 250, startIndex, expectedItems[page]);
            read.addAll(reply.resources("id"));
        }
        ScimTestClient.Reply past = client.get("/Users?startIndex=301&count=100");

        assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
        assertListResponse(past, 250, 301, 0);
        assertThat(client.get("/Users?startIndex=101&count=100").resources("id")).isEqualTo(read.subList(100, 200));
    }

    @Test
    void rfc7644_3_4_2_2_entraLooksUsersUpByExternalId() {
        users.create(ScimTestClient.user("a@example.com", "A", "Alpha", "ext-0001"), RequestContext.system());
        User b = users.create(ScimTestClient.user("b@example.com", "B", "Beta", "ext-0002"), RequestContext.system());

        ScimTestClient.Reply reply = client().get("/Users?filter=externalId eq \"ext-0002\"");
        // externalId is caseExact (RFC 7643 §3.1)
        ScimTestClient.Reply otherCase = client().get("/Users?filter=externalId eq \"EXT-0002\"");

        assertListResponse(reply, 1, 1, 1);
        assertThat(reply.resources("id")).containsExactly(b.id());
        assertThat(reply.resources("externalId")).containsExactly("ext-0002");
        assertListResponse(otherCase, 0, 1, 0);
    }

    @Test
    void rfc7644_3_4_2_5_entraLooksGroupsUpByDisplayNameWithoutMembers() {
        User member = seed(users, "member@example.com");
        seedGroup(groups, "Engineering", member.id());
        seedGroup(groups, "Sales", member.id());

        ScimTestClient.Reply reply = client().get("/Groups?filter=displayName eq \"Engineering\"&excludedAttributes=members");

        assertListResponse(reply, 1, 1, 1);
        JsonNode group = reply.json().get("Resources").get(0);
        List<String> fields = new ArrayList<>();
        group.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("schemas", "id", "displayName", "meta");
        assertThat(group.get("displayName").asText()).isEqualTo("Engineering");
        assertThat(client().get("/Groups?filter=displayName eq \"Engineering\"").json().get("Resources").get(0)
                .get("members")).hasSize(1);
    }

    @Test
    void rfc7644_3_4_2_5_attributesKeepsOnlyWhatIsNamedAndTheAlwaysReturnedAttributes() {
        seed(users, "alice@example.com");

        JsonNode resource = client().get("/Users?attributes=userName,name.givenName").json().get("Resources").get(0);

        List<String> fields = new ArrayList<>();
        resource.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("schemas", "id", "userName", "name");
        assertThat(resource.get("name").size()).isEqualTo(1);
        assertThat(resource.get("name").get("givenName").asText()).isEqualTo("Given alice@example.com");
    }

    @Test
    void rfc7644_3_9_attributesAndExcludedAttributesTogetherAreInvalidValue() {
        client().get("/Users?attributes=userName&excludedAttributes=emails").assertError(400, "invalidValue");
    }

    @Test
    void rfc7644_3_4_2_4_countZeroReturnsOnlyTheTotal() {
        seed(users, "a@example.com");
        seed(users, "b@example.com");

        ScimTestClient.Reply reply = client().get("/Users?count=0");

        // Resources is kept as an empty array: Okta and Entra read it unconditionally (IDP-TRAFFIC §1.9)
        assertListResponse(reply, 2, 1, 0);
    }

    @ParameterizedTest(name = "count={0} gives {1} resources")
    @CsvSource({"-1, 0", "-100, 0", "0, 0", "2, 2", "3, 3", "4, 3", "99999999999999999999, 3"})
    void rfc7644_3_4_2_4_negativeCountIsZeroAndCountAboveMaxResultsIsCapped(String count, int items) {
        for (int i = 0; i < 5; i++) {
            seed(users, "u" + i + "@example.com");
        }
        ScimTestClient.Reply reply = client(ScimServiceConfig.defaults().withPaging(2, 3)).get("/Users?count=" + count);

        assertListResponse(reply, 5, 1, items);
    }

    @Test
    void rfc7644_3_4_2_4_withoutCountThePageIsTheConfiguredDefault() {
        for (int i = 0; i < 5; i++) {
            seed(users, "u" + i + "@example.com");
        }
        assertListResponse(client(ScimServiceConfig.defaults().withPaging(2, 3)).get("/Users"), 5, 1, 2);
    }

    @ParameterizedTest(name = "startIndex={0} is {1}")
    @CsvSource({"0, 1", "-7, 1", "1, 1", "2, 2", "+2, 2"})
    void rfc7644_3_4_2_4_startIndexBelowOneIsOne(String startIndex, int effective) {
        seed(users, "a@example.com");
        seed(users, "b@example.com");

        ScimTestClient.Reply reply = client().get("/Users?startIndex=" + startIndex.replace("+", "%2B"));

        assertListResponse(reply, 2, effective, 3 - effective);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"startIndex=one", "count=ten", "count=1.5", "startIndex=", "count="})
    void rfc7644_3_4_2_4_aNonIntegerStartIndexOrCountIsInvalidValue(String parameter) {
        String detail = client().get("/Users?" + parameter).assertError(400, "invalidValue");

        assertThat(detail).contains(parameter.substring(0, parameter.indexOf('=')));
    }

    @Test
    void rfc7644_3_4_2_2_aFilterThatDoesNotParseIsInvalidFilterWithItsPosition() {
        String detail = client().get("/Users?filter=userName eq \"a\" and").assertError(400, "invalidFilter");

        assertThat(detail).contains("position 19").contains("userName eq \"a\" and");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nickname2 eq \"x\"|nickname2",
            "name.middle eq \"x\"|name.middle",
            "password eq \"secret\"|password",
            "active eq \"yes\"|active"})
    void rfc7644_3_4_2_2_aFilterThatDoesNotFitTheSchemaIsInvalidFilter(String filter, String attribute) {
        String detail = client().get("/Users?filter=" + filter).assertError(400, "invalidFilter");

        assertThat(detail).containsIgnoringCase(attribute);
    }

    @Test
    void rfc7644_3_4_2_3_sortByAndSortOrderOrderThePage() {
        users.create(ScimTestClient.user("b@example.com", "B", "Miller", null), RequestContext.system());
        users.create(ScimTestClient.user("a@example.com", "A", "adams", null), RequestContext.system());
        users.create(ScimTestClient.user("c@example.com", "C", "Zimmer", null), RequestContext.system());
        ScimTestClient client = client();

        assertThat(client.get("/Users?sortBy=name.familyName").resources("userName"))
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(client.get("/Users?sortBy=name.familyName&sortOrder=descending&count=2").resources("userName"))
                .containsExactly("c@example.com", "b@example.com");
        assertThat(client.get("/Users?sortBy=userName&sortOrder=DESCENDING&startIndex=2").resources("userName"))
                .containsExactly("b@example.com", "a@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sortBy=nickname2", "sortBy=name", "sortBy=password", "sortBy=user..name",
            "sortBy=userName&sortOrder=upwards"})
    void rfc7644_3_4_2_3_anUnusableSortIsInvalidValue(String parameters) {
        client().get("/Users?" + parameters).assertError(400, "invalidValue");
    }

    @Test
    void rfc7644_3_4_2_2_theFilterIsParsedAsConfiguredStrictOrLenient() {
        users.create(ScimTestClient.user("jyoung@example.com", "J", "Young", "jyoung"), RequestContext.system());

        client(ScimServiceConfig.defaults().withFilters(false, ScimServiceConfig.UnsupportedFilters.REJECT, 0))
                .get("/Users?filter=externalId eq jyoung").assertError(400, "invalidFilter");
        // lenient by default: Entra ID's own documentation sends unquoted values (IDP-TRAFFIC §4 #25)
        ScimTestClient.Reply lenient = client().get("/Users?filter=externalId eq jyoung");

        assertListResponse(lenient, 1, 1, 1);
        assertThat(lenient.resources("externalId")).containsExactly("jyoung");
    }

    /**
     * RFC 8259 §8.2: a filter literal may escape half of a surrogate pair, which is no Unicode text; a store would
     * replace it (PostgreSQL: '?') and then match other values. Refused as the filter's error (issue 13, finding 6).
     */
    @Test
    void rfc8259_8_2_aFilterValueThatIsNotUnicodeIsInvalidFilter() {
        seed(users, "pglone?x");
        ScimTestClient client = client();

        for (String filter : List.of("userName eq \"pglone\\ud800x\"", "userName eq \"pglone\uD800x\"",
                "emails[value eq \"a\\udc00\"] or userName pr", "not (userName sw \"\\udbff\")")) {
            String detail = client.send("GET", "/Users", null, java.util.Map.of(), java.util.Map.of("filter",
                    List.of(filter))).assertError(400, "invalidFilter");
            assertThat(detail).as(filter).contains("not valid Unicode");
        }
        String searched = client.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest\"],\"filter\":\"userName eq \\\"pglone\\\\ud800x\\\"\"}")
                .assertError(400, "invalidFilter");
        assertThat(searched).contains("not valid Unicode");
        assertThat(client.get("/Users?filter=userName eq \"pglone?x\"").resources("userName"))
                .containsExactly("pglone?x");
    }
}
