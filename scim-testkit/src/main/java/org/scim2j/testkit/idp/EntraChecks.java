package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

/** What Entra ID's checks share: its create bodies and the PATCH answers it accepts. */
abstract class EntraChecks extends IdpChecks {

    /** Microsoft's tutorial of the SCIM requests Entra ID sends. */
    static final String ENTRA_TUT = "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/"
            + "use-scim-to-provision-users-and-groups";
    /** Microsoft's page on Entra ID's PATCH behaviour with and without the aadOptscim062020 flag. */
    static final String ENTRA_COMPAT = "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/"
            + "application-provisioning-config-problem-scim-compatibility";
    /** Microsoft's SCIM validator. */
    static final String ENTRA_VALID = "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/"
            + "scim-validator-tutorial";

    EntraChecks() {
        super(Idp.ENTRA);
    }

    /**
     * Entra ID's {@code POST /Users} (ENTRA-TUT "Create User"): the Enterprise User URN in {@code schemas}, Entra's
     * object id as {@code externalId}, a work email, {@code meta.resourceType} and {@code roles: []}; attributes the
     * host does not keep are left out, as an administrator would not map them.
     */
    ObjectNode entraUser(String userName) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE);
        if (keeps("externalId")) {
            user.put("externalId", java.util.UUID.randomUUID().toString());
        }
        user.put("userName", userName);
        user.put("active", true);
        user.putArray("emails").addObject().put("primary", true).put("type", "work").put("value", userName);
        user.putObject("meta").put("resourceType", "User");
        user.putObject("name").put("formatted", "givenName familyName").put("familyName", "familyName")
                .put("givenName", "givenName");
        user.putArray("roles");
        return user;
    }

    /** Creates a user as Entra ID does; returns the created resource. */
    JsonNode createUser(ObjectNode body, String tag) {
        Answer created = http.post("/Users", body);
        requireStatus(created, 201, tag, "Created with the user and its id",
                "log the create as failed and retry it every cycle (about every 40 minutes)",
                "POST /Users answers 201 (RFC 7644 §3.3); Entra ID sends meta, roles [] and the Enterprise User URN, "
                        + "which scim2j accepts (unknown attributes are ignored by default)");
        createdUser(created.body().path("id").asText());
        return created.body();
    }

    /** Creates a group as Entra ID does (ENTRA-TUT "Create Group"): Microsoft's non-URN schema id, no members. */
    String createGroup(String displayName, String tag) {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(GROUP_SCHEMA)
                .add("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group");
        if (keeps("externalId")) {
            group.put("externalId", java.util.UUID.randomUUID().toString());
        }
        group.put("displayName", displayName);
        group.putObject("meta").put("resourceType", "Group");
        Answer created = http.post("/Groups", group);
        requireStatus(created, 201, tag, "Created with the group and its id",
                "log the group as failed and never add its members",
                "POST /Groups answers 201; scim2j ignores Microsoft's schema id "
                        + "(http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group)");
        return createdGroup(created.body().path("id").asText());
    }
}
