package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

/**
 * Okta's user checks: the required steps of its "Okta SCIM 2.0 SPEC Test" (tags {@code OKTA-SPEC n}, the step
 * numbers of the test), the user steps of its "Okta SCIM CRUD Test" ({@code OKTA-CRUD n}), and the lookup and create
 * of a pushed user as Okta's SCIM 2.0 reference describes them ({@code OKTA-SCIM20}).
 *
 * <p>Sources: <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-prepare/main/">Prepare
 * your SCIM API service</a> (the spec test),
 * <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-test/main/">Test your SCIM API</a>
 * (the CRUD test) and <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">SCIM 2.0
 * protocol reference</a>.
 */
public abstract class OktaUserChecks extends OktaChecks {

    /** Okta's user checks; a subclass names the endpoint with {@link #target()}. */
    protected OktaUserChecks() {
    }

    @Test
    @DisplayName("OKTA-SCIM20 Test Connector Configuration: GET /Users?startIndex=1&count=2 is a ListResponse")
    void oktaScim20_connectorTest() {
        pushUser(uniqueUserName("Connector"), "OKTA-SCIM20 connector test");
        Answer page = http.get("/Users?startIndex=1&count=2");
        requireListResponse(page, "OKTA-SCIM20 connector test",
                "fail \"Test Connector Configuration\" and refuse to save the app's provisioning settings");
        require(page.body().path("itemsPerPage").asInt() <= 2 && page.body().path("Resources").size() <= 2
                        && page.body().path("totalResults").asInt() >= 1, "OKTA-SCIM20 connector test", page,
                "at most count=2 resources and totalResults counting the user just created (RFC 7644 §3.4.2.4)",
                "fail the connector test", "page by startIndex and count as RFC 7644 §3.4.2.4 says; scim2j's "
                        + "ScimService hands both to the repository's search");
        require(page.contentType().startsWith("application/scim+json"), "OKTA-SCIM20 connector test", page,
                "Content-Type application/scim+json", "still accept it, but the SPEC test's header checks fail",
                "answer through scim2j's ScimHttpHandler (or ScimServlet, which binds it), which sets it");
    }

    @Test
    @DisplayName("OKTA-SCIM20 Test Connector Configuration: a wrong or missing token is 401")
    void oktaScim20_connectorTestRefusesWrongCredentials() {
        requireCredentialsChecked("OKTA-SCIM20 connector test", "pass \"Test Connector Configuration\" with any "
                + "token, so that a mistyped one shows up only as failed provisioning later");
    }

    @Test
    @DisplayName("OKTA-SPEC 7, 8: the Users endpoint lists users with id, userName, name, active and emails")
    void oktaSpec7and8_usersEndpointAndGetById() {
        String userName = uniqueUserName("SpecSeven");
        JsonNode created = pushUser(userName, "OKTA-SPEC 7");
        Answer list = http.get("/Users?count=1&startIndex=1");
        requireListResponse(list, "OKTA-SPEC 7", "fail the required step \"Test Users endpoint\"");
        require(list.body().path("Resources").size() == 1, "OKTA-SPEC 7", list, "one resource for count=1",
                "fail \"Test Users endpoint\"", "honour count (RFC 7644 §3.4.2.4)");
        JsonNode user = read("/Users/" + created.path("id").asText(), "OKTA-SPEC 8");
        for (String attribute : new String[] {"id", "userName", "active", "emails.0.value", "name.givenName",
                "name.familyName"}) {
            if (!keeps(attribute)) {
                continue; // declared: the host never returns it (see requiredAttributesAreKept)
            }
            require(!at(user, attribute).isMissingNode() && !at(user, attribute).asText().isEmpty(), "OKTA-SPEC 8",
                    user, attribute + " non-empty in GET /Users/{id}", "fail the required step \"Get Users/{{id}}\"",
                    "store " + attribute + " (for a relational host: ResourceDocument keeps what has no column), or "
                            + "declare it with IdpOptions.withNotKept(\"" + attribute + "\")");
        }
    }

    @Test
    @DisplayName("OKTA-SPEC 8: name.givenName and name.familyName are kept (the SPEC test requires them)")
    void oktaSpec8_requiredAttributesAreKept() {
        assumeKept("name.givenName", "name.familyName");
        String userName = uniqueUserName("SpecEight");
        JsonNode created = pushUser(userName, "OKTA-SPEC 8");
        JsonNode user = read("/Users/" + created.path("id").asText(), "OKTA-SPEC 8");
        require(at(user, "name.givenName").asText().startsWith("Given")
                        && at(user, "name.familyName").asText().startsWith("Family"), "OKTA-SPEC 8", user,
                "name.givenName and name.familyName as created", "fail \"Get Users/{{id}}\"",
                "store name.givenName and name.familyName");
    }

    @Test
    @DisplayName("OKTA-SPEC 9, 11: a filter that matches nothing is 200 with totalResults 0, never 404")
    void oktaSpec9and11_noMatchIsAnEmptyList() {
        for (String userName : new String[] {"abcdefgh@example.com", uniqueUserName("Nobody")}) {
            Answer none = http.get("/Users?" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
            requireListResponse(none, "OKTA-SPEC 9", "fail the required step \"Get invalid User by username\"");
            require(none.body().path("totalResults").asInt() == 0, "OKTA-SPEC 9", none,
                    "totalResults 0 for a user name nobody has", "fail \"Get invalid User by username\"",
                    "filter userName eq as RFC 7644 §3.4.2.2 says");
        }
    }

    @Test
    @DisplayName("OKTA-SPEC 10: an unknown id is 404 with the Error schema and a detail")
    void oktaSpec10_unknownIdIs404() {
        Answer missing = http.get("/Users/010101001010101011001010101011");
        requireStatus(missing, 404, "OKTA-SPEC 10", "with an Error body", "fail the required step \"Get invalid "
                + "User by ID\"", "answer 404 for an id that is not a user's (RFC 7644 §3.12), even one that is not "
                + "a UUID; scim2j's ScimService does when the repository's get returns empty");
        require(missing.body().path("schemas").toString().contains(ERROR)
                        && !missing.body().path("detail").asText().isBlank(), "OKTA-SPEC 10", missing,
                "schemas [" + ERROR + "] and a non-empty detail", "fail \"Get invalid User by ID\"",
                "answer errors through scim2j's ScimService");
    }

    @Test
    @DisplayName("OKTA-SPEC 12, 13: create answers 201 with the user as sent, and reads back so")
    void oktaSpec12and13_createEchoesTheUser() {
        String userName = uniqueUserName("SpecTwelve");
        ObjectNode body = oktaUser(userName, "Barbara", "Jensen");
        Answer created = http.post("/Users", body);
        requireStatus(created, 201, "OKTA-SPEC 12", "Created", "fail the required step \"Create Okta user\"",
                "POST /Users answers 201 with the stored user (RFC 7644 §3.3)");
        String id = createdUser(created.body().path("id").asText());
        for (JsonNode user : new JsonNode[] {created.body(), read("/Users/" + id, "OKTA-SPEC 13")}) {
            require(userName.equals(user.path("userName").asText()), "OKTA-SPEC 12", user,
                    "userName exactly as sent (" + userName + "), in its case", "fail \"Create Okta user\" "
                            + "(it compares userName with the one it generated)",
                    "store userName as given; compare it ignoring case only when searching (RFC 7643 §4.1.1)");
            require(user.path("active").asBoolean(false) && !id.isEmpty()
                            && user.path("schemas").toString().contains(USER_SCHEMA), "OKTA-SPEC 12", user,
                    "active true, an id and schemas with " + USER_SCHEMA, "fail \"Create Okta user\"",
                    "return the stored user");
            require(!user.has("password"), "OKTA-SPEC 12", user, "no password in the answer (RFC 7643 §4.1.1: "
                    + "returned never)", "show the password in its logs", "never return password");
        }
    }

    @Test
    @DisplayName("OKTA-SPEC 14: creating the same user again is 409")
    void oktaSpec14_duplicateIs409() {
        String userName = uniqueUserName("SpecFourteen");
        pushUser(userName, "OKTA-SPEC 14");
        Answer again = http.post("/Users", oktaUser(userName, "Barbara", "Jensen"));
        if (again.status() == 201) {
            createdUser(again.body().path("id").asText());
        }
        requireStatus(again, 409, "OKTA-SPEC 14", "Conflict (RFC 7644 §3.3, scimType uniqueness)",
                "fail the required step \"Create same user again\"; in production, link two Okta users to one "
                        + "account or create a second account with the same name",
                "userName is unique (RFC 7643 §4.1.1): a repository throws UniquenessException on a taken name "
                        + "(UserRepositoryContract checks it)");
    }

    @Test
    @DisplayName("OKTA-SPEC 15, OKTA-SCIM20: the userName lookup ignores case and finds the user")
    void oktaSpec15_lookupIgnoresCase() {
        String userName = uniqueUserName("SpecFifteen");
        String id = pushUser(userName, "OKTA-SPEC 15").path("id").asText();
        Answer found = http.get("/Users?" + filter("userName eq \"" + userName.toUpperCase(java.util.Locale.ROOT)
                + "\"") + "&startIndex=1&count=100");
        requireListResponse(found, "OKTA-SPEC 15", "fail the required step \"Username Case Sensitivity Check\"");
        require(found.body().path("totalResults").asInt() == 1
                        && id.equals(found.body().path("Resources").path(0).path("id").asText()), "OKTA-SPEC 15",
                found, "the user created as " + userName + " (userName is caseExact false, RFC 7643 §4.1.1)",
                "not find the existing user, try to create it and get 409, and leave the assignment in error",
                "compare userName ignoring case in the repository's search (SqlFilterTranslator does), or let "
                        + "scim2j filter in memory (scim.filter.unsupported=memory)");
    }

    @Test
    @DisplayName("OKTA-CRUD 4, OKTA-SCIM20: Okta's lookup by userName finds the pushed user with its email")
    void oktaCrud4_lookupFindsThePushedUser() {
        String userName = uniqueUserName("CrudFour");
        String id = pushUser(userName, "OKTA-CRUD 4").path("id").asText();
        Answer found = http.get("/Users?" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
        requireListResponse(found, "OKTA-CRUD 4", "fail the CRUD test's \"get user\" check");
        JsonNode user = found.body().path("Resources").path(0);
        require(found.body().path("totalResults").asInt() == 1 && id.equals(user.path("id").asText())
                        && userName.equals(user.path("userName").asText())
                        && userName.equalsIgnoreCase(at(user, "emails.0.value").asText()), "OKTA-CRUD 4", found,
                "the one user, with userName and emails[0].value " + userName,
                "fail the CRUD test and, in production, push the user again",
                "filter userName eq (RFC 7644 §3.4.2.2) and return emails");
    }

    @Test
    @DisplayName("OKTA-SPEC 1-6 (optional): discovery endpoints answer, and refuse POST with 405")
    void oktaSpec1to6_discovery() {
        Answer config = http.get("/ServiceProviderConfig");
        requireStatus(config, 200, "OKTA-SPEC 1", "with the ServiceProviderConfig", "fail the optional step",
                "serve discovery through scim2j's ScimService");
        for (String field : new String[] {"patch.supported", "bulk.supported", "bulk.maxOperations",
                "bulk.maxPayloadSize", "filter.supported", "filter.maxResults", "changePassword.supported",
                "sort.supported", "etag.supported", "authenticationSchemes.0.type",
                "authenticationSchemes.0.description"}) {
            require(!at(config.body(), field).isMissingNode(), "OKTA-SPEC 1", config, field + " present",
                    "fail the optional step \"Test ServiceProviderConfig endpoint\"",
                    "declare an AuthenticationScheme in ScimServiceConfig (the servlet's token authenticator does)");
        }
        for (String endpoint : new String[] {"/ServiceProviderConfig", "/ResourceTypes", "/Schemas"}) {
            Answer post = http.post(endpoint, "{}");
            requireStatus(post, 405, "OKTA-SPEC 2, 4, 6", "Method Not Allowed for POST " + endpoint,
                    "fail the optional read-only step", "discovery endpoints are read-only (RFC 7644 §4)");
        }
        Answer types = http.get("/ResourceTypes");
        requireListResponse(types, "OKTA-SPEC 3", "fail the optional step \"Check ResourceTypes\"");
        Answer schemas = http.get("/Schemas");
        requireListResponse(schemas, "OKTA-SPEC 5", "fail the optional step \"Check Schemas\"");
    }

    @Test
    @DisplayName("OKTA-SPEC 16: GET /Groups answers 200 with a Resources array")
    void oktaSpec16_groupsEndpoint() {
        Answer groups = http.get("/Groups?startIndex=1&count=100");
        requireListResponse(groups, "OKTA-SPEC 16", "fail \"Verify Groups endpoint\" and, with Push Groups on, "
                + "refuse to save the provisioning settings");
    }
}
