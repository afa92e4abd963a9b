package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.util.List;

/**
 * Entra ID's group provisioning: the lookup by {@code displayName} with {@code excludedAttributes=members}, the create
 * with Microsoft's non-URN schema id and no members, members added several at a time ({@code "$ref": null}),
 * removed by value (the default form, which must remove only those members) or by filtered path (the flagged form),
 * the rename, and the delete. Group PATCH is answered as {@link IdpOptions#patchNoContent()} declares (Microsoft
 * recommends 204).
 *
 * <p>Sources: <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * the SCIM tutorial</a> ({@code ENTRA-TUT}, "Group Operations") and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * Known issues with SCIM 2.0 protocol compliance</a> ({@code ENTRA-COMPAT}, "Remove a member").
 */
public abstract class EntraGroupChecks extends EntraChecks {

    /** Entra ID's group checks; a subclass names the endpoint with {@link #target()}. */
    protected EntraGroupChecks() {
    }

    private String user(String prefix) {
        return createUser(entraUser(uniqueUserName(prefix)), "ENTRA-TUT create").path("id").asText();
    }

    private static ArrayNode refNullMembers(String... ids) {
        ArrayNode members = NODES.arrayNode();
        for (String id : ids) {
            members.addObject().putNull("$ref").put("value", id);
        }
        return members;
    }

    private List<String> members(String group, String tag) {
        return ids(read("/Groups/" + group, tag).path("members"));
    }

    private void patchGroup(String group, com.fasterxml.jackson.databind.node.ObjectNode patch, String tag,
                            String idpWould) {
        requirePatchAnswer(http.patch("/Groups/" + group, patch), "Group", tag, idpWould);
    }

    @Test
    @DisplayName("ENTRA-TUT groups: create with Microsoft's schema id, then find it by displayName without members")
    void entraTut_createAndFindGroup() {
        String name = "Entra Sales " + token();
        String group = createGroup(name, "ENTRA-TUT Create Group");
        Answer found = http.get("/Groups?excludedAttributes=members&" + filter("displayName eq \"" + name + "\""));
        requireListResponse(found, "ENTRA-TUT Get Group by displayName", "fail the group's match and create it "
                + "again, which a unique displayName refuses");
        JsonNode first = found.body().path("Resources").path(0);
        require(found.body().path("totalResults").asInt() == 1 && group.equals(first.path("id").asText())
                        && !first.has("members"), "ENTRA-TUT Get Group by displayName", found,
                "the one group, without members (excludedAttributes=members, RFC 7644 §3.4.2.5)",
                "not match the group, or read every member of every group each cycle",
                "filter displayName eq and honour excludedAttributes (scim2j's ScimService does; a repository "
                        + "may skip loading members: attributes().includes(\"members\"))");
        Answer read = http.get("/Groups/" + group + "?excludedAttributes=members");
        require(read.status() == 200 && !read.body().has("members") && name.equals(read.body().path("displayName")
                        .asText()), "ENTRA-TUT Get Group", read, "200 with the group, without members",
                "read every member of the group", "honour excludedAttributes on GET /Groups/{id}");
    }

    @Test
    @DisplayName("ENTRA-TUT P13, ENTRA-COMPAT P11, P12: add members, remove one by value, remove one by filter")
    void entraTut_membershipInEveryForm() {
        String alice = user("Alice_");
        String bob = user("Bob_");
        String carol = user("Carol_");
        String group = createGroup("Entra Members " + token(), "ENTRA-TUT Create Group");
        patchGroup(group, patchOf(op("Add", "members", refNullMembers(alice, bob, carol))), "ENTRA-TUT P13",
                "log the membership update as failed");
        require(members(group, "ENTRA-TUT P13").containsAll(List.of(alice, bob, carol)), "ENTRA-TUT P13",
                http.get("/Groups/" + group), "members " + alice + ", " + bob + " and " + carol,
                "believe the users are members", "add every member of the value; ignore \"$ref\": null "
                        + "(tolerance LENIENT_MEMBER_VALUES, in scim.patch.profile=entra and lenient)");
        patchGroup(group, patchOf(op("Remove", "members", refNullMembers(alice))), "ENTRA-COMPAT P11",
                "log the membership update as failed");
        List<String> afterValueRemove = members(group, "ENTRA-COMPAT P11");
        require(afterValueRemove.size() == 2 && afterValueRemove.containsAll(List.of(bob, carol)),
                "ENTRA-COMPAT P11", http.get("/Groups/" + group), "members exactly " + bob + " and " + carol
                        + ": a Remove of members with a value removes only those members",
                "remove one member and find the group emptied (RFC 7644 read literally removes every member)",
                "read a remove with a value as a remove of those members (tolerance REMOVE_MEMBERS_BY_VALUE, in "
                        + "scim.patch.profile=entra and lenient)");
        patchGroup(group, patchOf(op("remove", "members[value eq \"" + bob + "\"]", null)), "ENTRA-COMPAT P12",
                "log the membership update as failed");
        require(members(group, "ENTRA-COMPAT P12").equals(List.of(carol)), "ENTRA-COMPAT P12",
                http.get("/Groups/" + group), "members exactly [" + carol + "]",
                "believe the user has left the group while it keeps the group's access",
                "remove the members a filtered path selects (RFC 7644 §3.5.2.2)");
    }

    @Test
    @DisplayName("ENTRA-TUT P14: a capitalised Replace of displayName renames the group")
    void entraTut_renameGroup() {
        String group = createGroup("Entra Rename " + token(), "ENTRA-TUT Create Group");
        String name = "Entra Renamed " + token();
        patchGroup(group, patchOf(op("Replace", "displayName", TextNode.valueOf(name))), "ENTRA-TUT P14",
                "log the rename as failed");
        JsonNode after = read("/Groups/" + group + "?excludedAttributes=members", "ENTRA-TUT P14");
        require(name.equals(after.path("displayName").asText()), "ENTRA-TUT P14", after, "displayName " + name,
                "send the rename again every cycle", "accept capitalised ops (tolerance CASE_INSENSITIVE_OPS)");
    }

    @Test
    @DisplayName("ENTRA-TUT groups: deleting a group is 204, then the group is 404")
    void entraTut_deleteGroup() {
        String group = createGroup("Entra Delete " + token(), "ENTRA-TUT Create Group");
        requireStatus(http.delete("/Groups/" + group), 204, "ENTRA-TUT Delete Group", "No Content",
                "log the delete as failed and retry it", "DELETE /Groups/{id} answers 204 (RFC 7644 §3.6)");
        requireStatus(http.get("/Groups/" + group), 404, "ENTRA-TUT Delete Group", "for the deleted group",
                "believe the group still exists", "a deleted group is gone (RFC 7644 §3.6)");
    }
}
