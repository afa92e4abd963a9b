package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

/**
 * Entra ID's soft delete: unassigning a user, or taking it out of scope, sends {@code active} false, as
 * {@code {"op":"Replace","path":"active","value":"False"}} (a capitalised op and a string) without the
 * {@code aadOptscim062020} flag and as a lower-case op with a boolean with it. The user must stay readable and
 * findable; only a hard delete ({@code DELETE /Users/{id}}) makes it go.
 *
 * <p>Sources: <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * Known issues with SCIM 2.0 protocol compliance</a> ({@code ENTRA-COMPAT}, "Disable user"),
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * the SCIM tutorial</a> ({@code ENTRA-TUT}, "Disable User", "Delete User") and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">the SCIM
 * validator tutorial</a> ({@code ENTRA-VALID}: a user PATCH answers 200 with the user).
 */
public abstract class EntraSoftDeleteChecks extends EntraChecks {

    /** Entra ID's soft-delete checks; a subclass names the endpoint with {@link #target()}. */
    protected EntraSoftDeleteChecks() {
    }

    private void requireActive(String id, String userName, boolean expected, String tag, String remedy) {
        JsonNode user = read("/Users/" + id, tag);
        require(user.path("active").isBoolean() && user.path("active").asBoolean() == expected, tag, user,
                "active " + expected + " (a boolean)", expected
                        ? "believe the user is active again while the app still locks it out"
                        : "believe the user is disabled while it keeps its access", remedy);
        Answer found = http.get("/Users?" + filter("userName eq \"" + userName + "\""));
        require(found.status() == 200 && found.body().path("totalResults").asInt() == 1, tag, found,
                "the user still found by its userName (\"The user object should be returned in a request whether "
                        + "or not the user is active\")", "not match the user, create it again and get 409",
                "a deactivated user stays searchable; UserRepositoryContract checks it");
    }

    @Test
    @DisplayName("ENTRA-COMPAT P6: the default disable {\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
    void entraCompat_defaultDisableWithStringFalse() {
        String userName = uniqueUserName("Disable_");
        String id = createUser(entraUser(userName), "ENTRA-COMPAT P6").path("id").asText();
        Answer off = http.patch("/Users/" + id, patchOf(op("Replace", "active", TextNode.valueOf("False"))));
        requirePatchAnswer(off, "User", "ENTRA-COMPAT P6", "log the disable as failed and leave the user's access");
        requireActive(id, userName, false, "ENTRA-COMPAT P6", "accept capitalised ops and \"False\" (tolerances "
                + "CASE_INSENSITIVE_OPS and BOOLEAN_STRINGS, in scim.patch.profile=entra and lenient)");
        Answer on = http.patch("/Users/" + id, patchOf(op("Replace", "active", TextNode.valueOf("True"))));
        requirePatchAnswer(on, "User", "ENTRA-COMPAT P6", "log the re-enable as failed");
        requireActive(id, userName, true, "ENTRA-COMPAT P6", "accept \"True\" (tolerance BOOLEAN_STRINGS)");
    }

    @Test
    @DisplayName("ENTRA-COMPAT P7, ENTRA-VALID: the flagged disable answers 200 with the user, active false")
    void entraCompat_flaggedDisable() {
        String userName = uniqueUserName("Flagged_");
        String id = createUser(entraUser(userName), "ENTRA-COMPAT P7").path("id").asText();
        Answer off = http.patch("/Users/" + id, patchOf(op("replace", "active", BooleanNode.FALSE)));
        requirePatchAnswer(off, "User", "ENTRA-VALID soft delete", "fail the validator's PATCH checks, which read "
                + "the answer");
        requireActive(id, userName, false, "ENTRA-COMPAT P7", "active false deactivates, never deletes");
        Answer on = http.patch("/Users/" + id, patchOf(op("replace", "active", BooleanNode.TRUE)));
        requirePatchAnswer(on, "User", "ENTRA-COMPAT P7", "log the re-enable as failed");
        requireActive(id, userName, true, "ENTRA-COMPAT P7", "store active as given");
    }

    @Test
    @DisplayName("ENTRA-TUT Delete User: a hard delete is 204, then the user is 404 and no longer found")
    void entraTut_hardDelete() {
        String userName = uniqueUserName("Delete_");
        String id = createUser(entraUser(userName), "ENTRA-TUT Delete User").path("id").asText();
        requireStatus(http.delete("/Users/" + id), 204, "ENTRA-TUT Delete User", "No Content",
                "log the delete as failed and retry it every cycle", "DELETE /Users/{id} answers 204 (RFC 7644 "
                        + "§3.6); what it means in the host (remove, or deactivate and unlink) is the host's");
        requireStatus(http.get("/Users/" + id), 404, "ENTRA-TUT Delete User", "for the deleted id",
                "believe the user still exists", "after DELETE the id is gone (RFC 7644 §3.6)");
        Answer found = http.get("/Users?" + filter("userName eq \"" + userName + "\""));
        require(found.status() == 200 && found.body().path("totalResults").asInt() == 0, "ENTRA-TUT Delete User",
                found, "no user named " + userName, "match the deleted user when it is assigned again",
                "a deleted user leaves searches (RFC 7644 §3.6)");
    }
}
