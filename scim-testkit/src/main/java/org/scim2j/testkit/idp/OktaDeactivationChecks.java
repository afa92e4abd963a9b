package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

/**
 * Okta's profile updates, deactivation and reactivation, in both of its app kinds: an App Integration Wizard (AIW)
 * app sends every update as a {@code PUT} of the whole user after a {@code GET}, deactivation included; an OIN
 * catalog app deactivates and reactivates with a path-less {@code PATCH}. Okta never deletes a user: unassigning one
 * deactivates it, and the user must stay readable ({@code OKTA-CRUD 6}).
 *
 * <p>Sources: <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">SCIM 2.0 protocol
 * reference</a> ("Update a specific user (PUT)", "Update a specific user (PATCH)", "Delete Users"),
 * <a href="https://developer.okta.com/docs/concepts/scim/faqs/">SCIM FAQs</a> (AIW apps always PUT) and
 * <a href="https://developer.okta.com/docs/guides/scim-provisioning-integration-test/main/">Test your SCIM API</a>
 * (the CRUD test).
 */
public abstract class OktaDeactivationChecks extends OktaChecks {

    /** Okta's deactivation checks; a subclass names the endpoint with {@link #target()}. */
    protected OktaDeactivationChecks() {
    }

    private JsonNode put(String id, ObjectNode user, String tag, String idpWould) {
        Answer answer = http.put("/Users/" + id, user);
        requireStatus(answer, 200, tag, "with the replaced user", idpWould,
                "PUT replaces the writable attributes and ignores the readOnly id, meta and groups Okta echoes "
                        + "(RFC 7644 §3.5.1); scim2j's ScimService does");
        return answer.body();
    }

    @Test
    @DisplayName("OKTA-SCIM20 PUT, OKTA-CRUD 5: an AIW profile update (GET, then PUT of the whole user) reads back")
    void oktaScim20_aiwProfileUpdateByPut() {
        assumeKept("name.givenName");
        String id = pushUser(uniqueUserName("AiwProfile"), "OKTA-SCIM20 PUT").path("id").asText();
        ObjectNode current = (ObjectNode) read("/Users/" + id, "OKTA-SCIM20 PUT");
        ((ObjectNode) current.path("name")).put("givenName", "Updated");
        current.putArray("groups");
        put(id, current, "OKTA-SCIM20 PUT", "show the profile push as failed");
        JsonNode after = read("/Users/" + id, "OKTA-CRUD 5");
        require("Updated".equals(at(after, "name.givenName").asText()) && after.path("active").asBoolean(false),
                "OKTA-CRUD 5", after, "name.givenName Updated and active still true",
                "fail the CRUD test's \"update user\" check; in production keep pushing the profile",
                "store what PUT gives (RFC 7644 §3.5.1)");
    }

    @Test
    @DisplayName("OKTA-SCIM20 PUT, OKTA-CRUD 6, 7: an AIW app deactivates and reactivates with PUT active false/true")
    void oktaCrud6and7_aiwDeactivateAndReactivateByPut() {
        String id = pushUser(uniqueUserName("AiwDeactivate"), "OKTA-CRUD 6").path("id").asText();
        ObjectNode current = (ObjectNode) read("/Users/" + id, "OKTA-CRUD 6");
        JsonNode deactivated = put(id, current.put("active", false), "OKTA-CRUD 6",
                "show the deactivation as failed and keep the user's access in the app");
        Answer read = http.get("/Users/" + id);
        require(read.status() == 200 && !read.body().path("active").asBoolean(true)
                        && !deactivated.path("active").asBoolean(true), "OKTA-CRUD 6", read,
                "200 with active false: a deactivated user is still readable",
                "fail the CRUD test's \"deactivate user\" check; in production re-provision the user on reassignment",
                "active false deactivates, never deletes (RFC 7643 §4.1.1); UserRepositoryContract checks it");
        ObjectNode again = ((ObjectNode) read.body()).put("active", true);
        put(id, again, "OKTA-CRUD 7", "show the reactivation as failed");
        require(read("/Users/" + id, "OKTA-CRUD 7").path("active").asBoolean(false), "OKTA-CRUD 7",
                http.get("/Users/" + id), "active true after reassignment",
                "fail the CRUD test's \"reactivate user\" check and leave the user locked out",
                "store active as given");
    }

    @Test
    @DisplayName("OKTA-SCIM20 PATCH: an OIN app deactivates and reactivates with a path-less PATCH")
    void oktaScim20_oinDeactivateAndReactivateByPatch() {
        String id = pushUser(uniqueUserName("OinDeactivate"), "OKTA-SCIM20 PATCH").path("id").asText();
        Answer off = http.patch("/Users/" + id, patchOf(op("replace", null,
                NODES.objectNode().put("active", false))));
        requirePatchAnswer(off, "User", "OKTA-SCIM20 PATCH", "show the deactivation as failed and keep the user's "
                + "access in the app");
        JsonNode user = read("/Users/" + id, "OKTA-CRUD 6");
        require(!user.path("active").asBoolean(true), "OKTA-CRUD 6", user, "active false after "
                        + "{\"op\":\"replace\",\"value\":{\"active\":false}}",
                "believe the user is deactivated while it is not", "a path-less replace sets each attribute of its "
                        + "value (RFC 7644 §3.5.2.3)");
        Answer on = http.patch("/Users/" + id, patchOf(op("replace", null, NODES.objectNode().put("active", true))));
        requirePatchAnswer(on, "User", "OKTA-SCIM20 PATCH", "show the reactivation as failed");
        require(read("/Users/" + id, "OKTA-CRUD 7").path("active").asBoolean(false), "OKTA-CRUD 7", on,
                "active true after {\"op\":\"replace\",\"value\":{\"active\":true}}",
                "leave the user locked out", "store active as given");
    }

    @Test
    @DisplayName("OKTA-SCIM20 import: a deactivated user is still listed, with active false")
    void oktaScim20_deactivatedUserIsStillListed() {
        String userName = uniqueUserName("Inactive");
        String id = pushUser(userName, "OKTA-SCIM20 import").path("id").asText();
        Answer off = http.patch("/Users/" + id, patchOf(op("replace", null,
                NODES.objectNode().put("active", false))));
        requirePatchAnswer(off, "User", "OKTA-SCIM20 PATCH", "show the deactivation as failed");
        Answer found = http.get("/Users?" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
        requireListResponse(found, "OKTA-SCIM20 import", "fail the lookup");
        require(found.body().path("totalResults").asInt() == 1
                        && !found.body().path("Resources").path(0).path("active").asBoolean(true),
                "OKTA-SCIM20 import", found, "the deactivated user, with active false",
                "on reassignment not find the user, create it again and get 409",
                "a deactivated user stays searchable (RFC 7643 §4.1.1 active); UserRepositoryContract checks it");
    }
}
