package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.util.UUID;

/**
 * Entra ID's user provisioning before any update: Test Connection, the matching lookups it sends for each user
 * ({@code userName}, {@code externalId} or the work email), the create, and the checks of Microsoft's SCIM validator
 * on them (a duplicate is 409, the lookup ignores case, answers are {@code application/scim+json}).
 *
 * <p>Sources: <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * Tutorial: develop and plan provisioning for a SCIM endpoint</a> (tags {@code ENTRA-TUT}) and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">the SCIM
 * validator tutorial</a> ({@code ENTRA-VALID}).
 */
public abstract class EntraUserChecks extends EntraChecks {

    /** Entra ID's user checks; a subclass names the endpoint with {@link #target()}. */
    protected EntraUserChecks() {
    }

    private Answer lookup(String expression, String tag, String idpWould) {
        Answer found = http.get("/Users?" + filter(expression));
        requireListResponse(found, tag, idpWould);
        return found;
    }

    private void requireOne(Answer found, String id, String tag, String expected, String remedy) {
        require(found.body().path("totalResults").asInt() == 1
                        && id.equals(found.body().path("Resources").path(0).path("id").asText()), tag, found,
                expected, "not match the existing user, create it again and get 409: the user is stuck in error",
                remedy);
    }

    @Test
    @DisplayName("ENTRA-TUT Test Connection: a random user and group are 200 with empty ListResponses")
    void entraTut_testConnection() {
        String guid = UUID.randomUUID().toString();
        Answer users = lookup("userName eq \"" + guid + "\"", "ENTRA-TUT Test Connection",
                "fail Test Connection (\"the endpoint or the credentials are not valid\")");
        require(users.body().path("totalResults").asInt() == 0, "ENTRA-TUT Test Connection", users,
                "totalResults 0", "fail Test Connection", "filter userName eq (RFC 7644 §3.4.2.2)");
        Answer groups = http.get("/Groups?excludedAttributes=members&" + filter("displayName eq \"" + guid + "\""));
        requireListResponse(groups, "ENTRA-TUT Test Connection", "fail Test Connection");
        require(groups.body().path("totalResults").asInt() == 0, "ENTRA-TUT Test Connection", groups,
                "totalResults 0", "fail Test Connection", "filter displayName eq on /Groups");
    }

    @Test
    @DisplayName("ENTRA-TUT Test Connection: a wrong or missing Secret Token is 401")
    void entraTut_testConnectionRefusesWrongCredentials() {
        requireCredentialsChecked("ENTRA-TUT Test Connection", "report the connection as working with any token, "
                + "so that a mistyped one shows up only as quarantined provisioning later");
    }

    @Test
    @DisplayName("ENTRA-TUT Create User: 201 with the id, and the user reads back")
    void entraTut_createUser() {
        String userName = uniqueUserName("Test_User_");
        JsonNode created = createUser(entraUser(userName), "ENTRA-TUT create");
        String id = created.path("id").asText();
        require(!id.isEmpty() && userName.equals(created.path("userName").asText())
                        && created.path("active").asBoolean(false), "ENTRA-TUT create", created,
                "id, userName " + userName + " and active true", "not link its user to the app's",
                "return the stored user");
        JsonNode read = read("/Users/" + id, "ENTRA-TUT Get User");
        require(userName.equalsIgnoreCase(at(read, "emails.0.value").asText()), "ENTRA-TUT Get User", read,
                "the work email " + userName, "send the email again every cycle", "store emails");
    }

    @Test
    @DisplayName("ENTRA-TUT, ENTRA-VALID: the userName match ignores case")
    void entraTut_matchByUserNameIgnoringCase() {
        String userName = uniqueUserName("Match_");
        String id = createUser(entraUser(userName), "ENTRA-TUT create").path("id").asText();
        requireOne(lookup("userName eq \"" + lower(userName) + "\"", "ENTRA-VALID userName filter",
                        "fail the validator's filter test"), id, "ENTRA-VALID userName filter",
                "the user created as " + userName + " (userName is caseExact false, RFC 7643 §4.1.1)",
                "compare userName ignoring case in the repository's search, or let scim2j filter in memory "
                        + "(scim.filter.unsupported=memory)");
    }

    @Test
    @DisplayName("ENTRA-TUT: the externalId match finds the user")
    void entraTut_matchByExternalId() {
        assumeKept("externalId");
        ObjectNode body = entraUser(uniqueUserName("External_"));
        String id = createUser(body, "ENTRA-TUT create").path("id").asText();
        requireOne(lookup("externalId eq \"" + body.path("externalId").asText() + "\"", "ENTRA-TUT externalId match",
                        "fail every lookup of an app whose matching attribute is externalId"), id,
                "ENTRA-TUT externalId match", "the user with that externalId",
                "store externalId and filter on it (or let scim2j filter in memory, "
                        + "scim.filter.unsupported=memory); a host that drops it declares "
                        + "IdpOptions.withNotKept(\"externalId\")");
    }

    @Test
    @DisplayName("ENTRA-TUT: the work-email match emails[type eq \"work\"].value eq finds the user")
    void entraTut_matchByWorkEmail() {
        String userName = uniqueUserName("Email_");
        String id = createUser(entraUser(userName), "ENTRA-TUT create").path("id").asText();
        requireOne(lookup("emails[type eq \"work\"].value eq \"" + userName + "\"", "ENTRA-TUT work email match",
                        "fail every lookup of an app whose matching attribute is the work email"), id,
                "ENTRA-TUT work email match", "the user whose work email is " + userName,
                "parse filters leniently (scim.filter.lenient=true, the default), which reads Entra ID's "
                        + "emails[type eq \"work\"].value eq \"x\" as emails[type eq \"work\" and value eq \"x\"]");
    }

    @Test
    @DisplayName("ENTRA-VALID: creating a duplicate user is 409")
    void entraValid_duplicateIs409() {
        String userName = uniqueUserName("Duplicate_");
        createUser(entraUser(userName), "ENTRA-VALID duplicate");
        Answer again = http.post("/Users", entraUser(userName));
        if (again.status() == 201) {
            createdUser(again.body().path("id").asText());
        }
        requireStatus(again, 409, "ENTRA-VALID duplicate", "Conflict (RFC 7644 §3.3)",
                "fail the validator's \"POST of duplicate User should fail\"; in production create a second account",
                "userName is unique: a repository throws UniquenessException on a taken name");
    }

    @Test
    @DisplayName("ENTRA-TUT: answers are application/scim+json, unknown ids 404")
    void entraTut_contentTypeAndUnknownId() {
        String id = createUser(entraUser(uniqueUserName("Type_")), "ENTRA-TUT create").path("id").asText();
        Answer read = http.get("/Users/" + id);
        require(read.contentType().startsWith("application/scim+json"), "ENTRA-TUT content type", read,
                "Content-Type application/scim+json (\"The header for all the responses should be of "
                        + "content-Type: application/scim+json\")", "fail the validator's checks",
                "answer through scim2j's ScimHttpHandler (or ScimServlet, which binds it), which sets it");
        requireStatus(http.get("/Users/" + UUID.randomUUID()), 404, "ENTRA-TUT Get User", "for an unknown id",
                "treat the answer as an error instead of \"not found\"", "answer 404 (RFC 7644 §3.12)");
    }

    @Test
    @DisplayName("ENTRA-VALID (MS-REF): a create with \"active\":\"True\" as a string is 201 with active true")
    void entraValid_stringBooleanOnCreate() {
        ObjectNode body = entraUser(uniqueUserName("StringTrue_"));
        body.put("active", "True");
        Answer created = http.post("/Users", body);
        if (created.status() == 201) {
            createdUser(created.body().path("id").asText());
        }
        requireStatus(created, 201, "ENTRA-VALID string boolean", "with active true",
                "fail the create of every user when its active mapping yields a string",
                "accept \"True\"/\"False\" for booleans (tolerance BOOLEAN_STRINGS, scim.patch.profile=entra or "
                        + "lenient)");
        require(created.body().path("active").asBoolean(false), "ENTRA-VALID string boolean", created,
                "active true", "believe the user is active", "coerce \"True\" to true");
    }
}
