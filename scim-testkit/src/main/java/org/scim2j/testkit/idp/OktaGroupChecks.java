package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.util.List;

/**
 * Okta's Push Groups: the lookup by {@code displayName}, the create, membership by {@code PUT} of the whole group
 * (App Integration Wizard apps) and by {@code PATCH} deltas (OIN apps: remove by filtered path, add, replace the
 * list), the rename that carries the group's own id, and the delete of an unlinked group.
 *
 * <p>Source: <a href="https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20">SCIM 2.0 protocol
 * reference</a>, "Create Groups" to "Delete a specific group"; Okta accepts 200 or 204 for a group PATCH, and this
 * suite expects what {@link IdpOptions#patchNoContent()} declares.
 */
public abstract class OktaGroupChecks extends OktaChecks {

    /** Okta's group checks; a subclass names the endpoint with {@link #target()}. */
    protected OktaGroupChecks() {
    }

    private String pushGroup(String displayName, String tag) {
        Answer lookup = http.get("/Groups?" + filter("displayName eq \"" + displayName + "\"")
                + "&startIndex=1&count=100");
        requireListResponse(lookup, tag, "fail \"Push Groups\" for this group");
        require(lookup.body().path("totalResults").asInt() == 0, tag, lookup, "no group named " + displayName,
                "link the pushed group to another one", "filter displayName eq on /Groups (RFC 7644 §3.4.2.2)");
        Answer created = http.post("/Groups", object("{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\""
                + displayName + "\",\"members\":[]}"));
        requireStatus(created, 201, tag, "Created with id, displayName and meta.resourceType Group",
                "show the group push as failed", "POST /Groups answers 201 (RFC 7644 §3.3)");
        require(created.body().hasNonNull("id") && displayName.equals(created.body().path("displayName").asText())
                        && "Group".equals(created.body().path("meta").path("resourceType").asText()), tag, created,
                "id, displayName as sent and meta.resourceType Group", "not link the pushed group",
                "return the stored group");
        return createdGroup(created.body().path("id").asText());
    }

    private List<String> members(String group, String tag) {
        return ids(read("/Groups/" + group, tag).path("members"));
    }

    private static ArrayNode memberValues(String... ids) {
        ArrayNode members = NODES.arrayNode();
        for (String id : ids) {
            members.addObject().put("value", id).put("display", id);
        }
        return members;
    }

    @Test
    @DisplayName("OKTA-SCIM20 groups: the /Groups probe after saving the settings (startIndex=1&count=100)")
    void oktaScim20_groupsProbe() {
        requireListResponse(http.get("/Groups?startIndex=1&count=100"), "OKTA-SCIM20 groups probe",
                "refuse to enable Push Groups and Import Groups");
    }

    @Test
    @DisplayName("OKTA-SCIM20 groups: an AIW app pushes a group, then its members with PUT of the whole group")
    void oktaScim20_aiwGroupPushByPut() {
        String alice = pushUser(uniqueUserName("AiwAlice"), "OKTA-SCIM20 group PUT").path("id").asText();
        String bob = pushUser(uniqueUserName("AiwBob"), "OKTA-SCIM20 group PUT").path("id").asText();
        String group = pushGroup("Okta AIW " + token(), "OKTA-SCIM20 group create");
        ObjectNode current = (ObjectNode) read("/Groups/" + group, "OKTA-SCIM20 group PUT");
        current.set("members", memberValues(alice, bob));
        Answer put = http.put("/Groups/" + group, current);
        requireStatus(put, 200, "OKTA-SCIM20 group PUT", "with the group", "show the membership push as failed",
                "PUT /Groups replaces displayName and members (RFC 7644 §3.5.1)");
        require(members(group, "OKTA-SCIM20 group PUT").containsAll(List.of(alice, bob)), "OKTA-SCIM20 group PUT",
                http.get("/Groups/" + group), "members " + alice + " and " + bob, "believe both are members",
                "store the members PUT gives");
        ObjectNode onlyBob = (ObjectNode) read("/Groups/" + group, "OKTA-SCIM20 group PUT");
        onlyBob.set("members", memberValues(bob));
        requireStatus(http.put("/Groups/" + group, onlyBob), 200, "OKTA-SCIM20 group PUT", "with the group",
                "show the membership push as failed", "PUT replaces members");
        require(members(group, "OKTA-SCIM20 group PUT").equals(List.of(bob)), "OKTA-SCIM20 group PUT",
                http.get("/Groups/" + group), "members exactly [" + bob + "]",
                "believe the removed user has left the group while it keeps the group's access",
                "PUT replaces the member list as a whole");
    }

    @Test
    @DisplayName("OKTA-SCIM20 groups: an OIN app removes a member by filtered path and adds one in one PATCH")
    void oktaScim20_oinMembershipDelta() {
        String alice = pushUser(uniqueUserName("OinAlice"), "OKTA-SCIM20 group PATCH").path("id").asText();
        String bob = pushUser(uniqueUserName("OinBob"), "OKTA-SCIM20 group PATCH").path("id").asText();
        String group = pushGroup("Okta OIN " + token(), "OKTA-SCIM20 group create");
        Answer add = http.patch("/Groups/" + group, patchOf(op("add", "members", memberValues(alice))));
        requirePatchAnswer(add, "Group", "OKTA-SCIM20 group PATCH", "show the membership push as failed");
        Answer delta = http.patch("/Groups/" + group, patchOf(
                op("remove", "members[value eq \"" + alice + "\"]", null),
                op("add", "members", memberValues(bob))));
        requirePatchAnswer(delta, "Group", "OKTA-SCIM20 group PATCH", "show the membership push as failed");
        require(members(group, "OKTA-SCIM20 group PATCH").equals(List.of(bob)), "OKTA-SCIM20 group PATCH",
                http.get("/Groups/" + group), "members exactly [" + bob + "] (RFC 7644 §3.5.2.1, §3.5.2.2)",
                "believe the membership is in sync while it is not",
                "apply remove members[value eq \"...\"] and add members in order");
        Answer replace = http.patch("/Groups/" + group, patchOf(op("replace", "members", memberValues(alice, bob))));
        requirePatchAnswer(replace, "Group", "OKTA-SCIM20 group PATCH", "show the membership push as failed");
        require(members(group, "OKTA-SCIM20 group PATCH").containsAll(List.of(alice, bob))
                        && members(group, "OKTA-SCIM20 group PATCH").size() == 2, "OKTA-SCIM20 group PATCH",
                http.get("/Groups/" + group), "members exactly " + alice + " and " + bob,
                "believe the membership is in sync while it is not", "replace members sets the whole list "
                        + "(RFC 7644 §3.5.2.3)");
    }

    @Test
    @DisplayName("OKTA-SCIM20 groups: the rename is a path-less replace carrying the group's own id")
    void oktaScim20_renameWithEchoedId() {
        String group = pushGroup("Okta Rename " + token(), "OKTA-SCIM20 group create");
        String name = "Okta Renamed " + token();
        Answer renamed = http.patch("/Groups/" + group, patchOf(op("replace", null,
                NODES.objectNode().put("id", group).put("displayName", name))));
        requirePatchAnswer(renamed, "Group", "OKTA-SCIM20 group rename",
                "show the rename (sent with every membership update) as failed, and so every membership update");
        JsonNode after = read("/Groups/" + group, "OKTA-SCIM20 group rename");
        require(name.equals(after.path("displayName").asText()) && group.equals(after.path("id").asText()),
                "OKTA-SCIM20 group rename", after, "displayName " + name + " and the same id",
                "believe the group is renamed", "accept the readOnly id when it equals the group's own (tolerance "
                        + "ECHOED_ID, scim.patch.tolerance.ECHOED_ID=true)");
    }

    @Test
    @DisplayName("OKTA-SCIM20 groups: deleting an unlinked group is 204, then the group is 404")
    void oktaScim20_deleteGroup() {
        String group = pushGroup("Okta Delete " + token(), "OKTA-SCIM20 group create");
        Answer deleted = http.delete("/Groups/" + group);
        requireStatus(deleted, 204, "OKTA-SCIM20 group delete", "No Content",
                "show \"Unlink pushed group, delete the group in the target app\" as failed",
                "DELETE /Groups/{id} answers 204 (RFC 7644 §3.6)");
        requireStatus(http.get("/Groups/" + group), 404, "OKTA-SCIM20 group delete", "for the deleted group",
                "believe the group still exists", "a deleted group is gone (RFC 7644 §3.6)");
    }
}
