package org.scim2j.testkit.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.scim2j.testkit.idp.internal.ScimHttp.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entra ID's PATCH dialect on users: capitalised ops ({@code "Replace"}, {@code "Add"}), one op per attribute with
 * filtered value paths ({@code emails[type eq "work"].value}) that must create the element when it is missing, the
 * flagged form's path-less replace with dotted and URN keys, the manager as a bare id string, and the validator's
 * "Add Attributes" on a user created with few attributes. Entra ID updates users only with PATCH.
 *
 * <p>Sources: <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility">
 * Known issues and resolutions with SCIM 2.0 protocol compliance</a> ({@code ENTRA-COMPAT}; the PATCH bodies with
 * and without the {@code aadOptscim062020} flag),
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups">
 * the SCIM tutorial</a> ({@code ENTRA-TUT}) and
 * <a href="https://learn.microsoft.com/en-us/entra/identity/app-provisioning/scim-validator-tutorial">the SCIM
 * validator tutorial</a> ({@code ENTRA-VALID}). The operations on attributes the host declares not kept are left
 * out, as an administrator would not map them; a check with nothing left is skipped.
 */
public abstract class EntraPatchDialectChecks extends EntraChecks {

    /** Entra ID's PATCH dialect checks; a subclass names the endpoint with {@link #target()}. */
    protected EntraPatchDialectChecks() {
    }

    private JsonNode patchUser(String id, ObjectNode patch, String tag, String idpWould) {
        Answer answer = http.patch("/Users/" + id, patch);
        requirePatchAnswer(answer, "User", tag, idpWould);
        return read("/Users/" + id, tag);
    }

    /** The expected values by attribute path, only those the host keeps. */
    private Map<String, String> kept(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            if (keeps(path.replace("emails[type eq \"work\"].value", "emails.value"))) {
                out.put(path, value);
            }
        });
        return out;
    }

    private static String workEmail(JsonNode user) {
        for (JsonNode email : user.path("emails")) {
            if ("work".equals(email.path("type").asText())) {
                return email.path("value").asText();
            }
        }
        return null;
    }

    private void requireValues(JsonNode user, Map<String, String> expected, String tag, String remedy) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = e.getKey().startsWith("emails[") ? workEmail(user) : at(user, e.getKey()).asText(null);
            require(e.getValue().equals(actual), tag, user, e.getKey() + " = " + e.getValue(),
                    "send the same PATCH again every cycle (about every 40 minutes), and the app keeps the old value",
                    remedy + "; or, if the host does not keep " + e.getKey() + ", declare it with "
                            + "IdpOptions.withNotKept(\"" + e.getKey().replaceAll("\\[.*]", "") + "\")");
        }
    }

    @Test
    @DisplayName("ENTRA-COMPAT P9: one capitalised Replace per attribute, the work email by filtered path")
    void entraCompat_multiReplaceWithCapitalisedOps() {
        String id = createUser(entraUser(uniqueUserName("Replace_")), "ENTRA-COMPAT P9").path("id").asText();
        Map<String, String> values = kept(new LinkedHashMap<>(Map.of(
                "displayName", "Pvlo",
                "emails[type eq \"work\"].value", "TestBcwqnm" + token() + "@test.microsoft.com",
                "name.givenName", "Gtfd",
                "name.familyName", "Pkqf",
                "externalId", "Eqpj" + token(),
                ENTERPRISE + ":employeeNumber", "Eqpj")));
        assumeKeptAny(values);
        List<ObjectNode> ops = new ArrayList<>();
        values.forEach((path, value) -> ops.add(op("Replace", path, TextNode.valueOf(value))));
        JsonNode user = patchUser(id, patchOf(ops.toArray(ObjectNode[]::new)), "ENTRA-COMPAT P9",
                "log every update of the user as failed");
        requireValues(user, values, "ENTRA-COMPAT P9", "accept capitalised ops (tolerance CASE_INSENSITIVE_OPS) "
                + "and replace a filtered sub-attribute in place (UPSERT_FILTERED_SUB_ATTRIBUTE); both are in "
                + "scim.patch.profile=entra and lenient (the default)");
    }

    @Test
    @DisplayName("ENTRA-COMPAT P10: the flagged form's path-less replace with dotted and URN keys")
    void entraCompat_pathlessReplaceWithDottedKeys() {
        String id = createUser(entraUser(uniqueUserName("Dotted_")), "ENTRA-COMPAT P10").path("id").asText();
        Map<String, String> values = kept(new LinkedHashMap<>(Map.of(
                "displayName", "Bjfe",
                "name.givenName", "Kkom",
                "name.familyName", "Unua",
                ENTERPRISE + ":employeeNumber", "Aklq")));
        assumeKeptAny(values);
        ObjectNode value = NODES.objectNode();
        values.forEach(value::put);
        ObjectNode email = op("replace", "emails[type eq \"work\"].value",
                TextNode.valueOf("TestMhvaes" + token() + "@test.microsoft.com"));
        JsonNode user = patchUser(id, patchOf(email, op("replace", null, value)), "ENTRA-COMPAT P10",
                "log every update of the user as failed");
        values.put("emails[type eq \"work\"].value", email.path("value").asText());
        requireValues(user, values, "ENTRA-COMPAT P10", "read the keys of a path-less value as attribute paths "
                + "(tolerance PATH_KEYS_IN_VALUE, in scim.patch.profile=entra and lenient)");
    }

    @Test
    @DisplayName("ENTRA-TUT P15: a filtered email replace keeps the other emails and their primary flag")
    void entraTut_filteredReplaceKeepsSiblings() {
        assumeKept("emails.type", "emails.primary");
        ObjectNode body = entraUser(uniqueUserName("Siblings_"));
        String id = createUser(body, "ENTRA-TUT P15").path("id").asText();
        String updated = "updatedEmail" + token() + "@microsoft.com";
        JsonNode user = patchUser(id, patchOf(op("Replace", "emails[type eq \"work\"].value",
                TextNode.valueOf(updated))), "ENTRA-TUT P15", "log the update as failed");
        require(user.path("emails").size() == 1 && updated.equals(workEmail(user))
                        && at(user, "emails.0.primary").asBoolean(false), "ENTRA-TUT P15", user,
                "one work email " + updated + ", still primary",
                "send the email again every cycle", "replace only the matched element's value (RFC 7644 "
                        + "§3.5.2.3)");
    }

    @Test
    @DisplayName("ENTRA-VALID Add Attributes: add name parts and a work email to a user that has none")
    void entraValid_addAttributesCreatesMissingElements() {
        assumeKept("name.givenName", "name.familyName");
        ObjectNode body = entraUser(uniqueUserName("Add_"));
        body.remove("emails");
        body.remove("name");
        String id = createUser(body, "ENTRA-VALID Add Attributes").path("id").asText();
        String email = "godfrey" + token() + "@vonruedenmueller.com";
        JsonNode user = patchUser(id, patchOf(op("add", "name.givenName", TextNode.valueOf("Godfrey")),
                        op("add", "name.familyName", TextNode.valueOf("Stiedemann")),
                        op("add", "emails[type eq \"work\"].value", TextNode.valueOf(email))),
                "ENTRA-VALID Add Attributes", "fail the validator's \"Patch User - Add Attributes\"");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name.givenName", "Godfrey");
        expected.put("name.familyName", "Stiedemann");
        expected.put("emails[type eq \"work\"].value", email);
        requireValues(user, expected, "ENTRA-VALID Add Attributes", "create the element a filtered add names when "
                + "none matches (tolerance UPSERT_FILTERED_SUB_ATTRIBUTE, in scim.patch.profile=entra and lenient)");
    }

    @Test
    @DisplayName("ENTRA-TUT P19: three adds to addresses[type eq \"work\"] sub-attributes make one work address")
    void entraTut_filteredAddsMergeIntoOneElement() {
        assumeKept("addresses");
        String id = createUser(entraUser(uniqueUserName("Address_")), "ENTRA-TUT P19").path("id").asText();
        JsonNode user = patchUser(id, patchOf(
                        op("Add", "addresses[type eq \"work\"].formatted", TextNode.valueOf("USZLTUSJXBYV")),
                        op("Add", "addresses[type eq \"work\"].locality", TextNode.valueOf("OSGODHEVDCVD")),
                        op("Add", "addresses[type eq \"work\"].region", TextNode.valueOf("YMVMOEMXAYGD"))),
                "ENTRA-TUT P19", "log every update of the user as failed");
        JsonNode addresses = user.path("addresses");
        require(addresses.size() == 1 && "work".equals(at(addresses, "0.type").asText())
                        && "USZLTUSJXBYV".equals(at(addresses, "0.formatted").asText())
                        && "OSGODHEVDCVD".equals(at(addresses, "0.locality").asText())
                        && "YMVMOEMXAYGD".equals(at(addresses, "0.region").asText()), "ENTRA-TUT P19", user,
                "one work address with formatted, locality and region",
                "find three half-filled work addresses and send the same adds again every cycle",
                "merge filtered adds into the one element the filter names (tolerance "
                        + "UPSERT_FILTERED_SUB_ATTRIBUTE, in scim.patch.profile=entra and lenient)");
    }

    @Test
    @DisplayName("ENTRA-VALID Replace Attributes: filtered replaces and adds over work, home and other emails")
    void entraValid_replaceAttributesOverSeveralEmails() {
        assumeKept("emails.type", "emails.primary", "emails.display");
        String id = createUser(entraUser(uniqueUserName("Emails_")), "ENTRA-VALID Replace Attributes")
                .path("id").asText();
        String work = "oren" + token() + "@white.com";
        String home = "angelita" + token() + "@mante.us";
        String other = "yasmine" + token() + "@braun.us";
        JsonNode user = patchUser(id, patchOf(
                        op("replace", "emails[type eq \"work\"].value", TextNode.valueOf(work)),
                        op("add", "emails[type eq \"home\"].value", TextNode.valueOf(home)),
                        op("add", "emails[type eq \"other\"].value", TextNode.valueOf(other)),
                        op("replace", "emails[type eq \"work\"].display", TextNode.valueOf("0TXBC2MOGUI0")),
                        op("replace", "emails[type eq \"home\"].display", TextNode.valueOf("14UDKFEIO3YS")),
                        op("add", "emails[type eq \"work\"].primary", BooleanNode.FALSE),
                        op("replace", "emails[type eq \"home\"].primary", BooleanNode.TRUE)),
                "ENTRA-VALID Replace Attributes", "fail the validator's \"Patch User - Replace Attributes\"");
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        user.path("emails").forEach(email -> byType.put(email.path("type").asText(), email));
        require(byType.size() == 3 && user.path("emails").size() == 3
                        && work.equals(byType.get("work").path("value").asText())
                        && home.equals(byType.get("home").path("value").asText())
                        && other.equals(byType.get("other").path("value").asText())
                        && "0TXBC2MOGUI0".equals(byType.get("work").path("display").asText())
                        && "14UDKFEIO3YS".equals(byType.get("home").path("display").asText())
                        && byType.get("home").path("primary").asBoolean(false)
                        && !byType.get("work").path("primary").asBoolean(false), "ENTRA-VALID Replace Attributes",
                user, "three emails (work, home, other) with those values and displays, primary moved to home",
                "fail the validator's \"Patch User - Replace Attributes\"",
                "create and update the element each filtered path names (tolerance UPSERT_FILTERED_SUB_ATTRIBUTE), "
                        + "and keep one primary email (RFC 7643 §2.4)");
    }

    @Test
    @DisplayName("ENTRA-TUT: the manager is added as a bare id string and reads back as manager.value")
    void entraTut_managerAsString() {
        assumeKept(ENTERPRISE + ":manager");
        String manager = createUser(entraUser(uniqueUserName("Manager_")), "ENTRA-TUT manager").path("id").asText();
        String id = createUser(entraUser(uniqueUserName("Report_")), "ENTRA-TUT manager").path("id").asText();
        JsonNode user = patchUser(id, patchOf(op("Add", ENTERPRISE + ":manager", TextNode.valueOf(manager))),
                "ENTRA-TUT manager", "log every update of the user as failed");
        require(manager.equals(user.path(ENTERPRISE).path("manager").path("value").asText()), "ENTRA-TUT manager",
                user, ENTERPRISE + ":manager.value = " + manager,
                "send the manager again every cycle (\"manager\" must read back as {\"value\": id})",
                "accept a bare id for manager (tolerance MANAGER_SHORTHAND, in scim.patch.profile=entra and "
                        + "lenient); a host that does not keep the extension declares IdpOptions.withNotKept(\""
                        + ENTERPRISE + "\")");
    }

    @Test
    @DisplayName("ENTRA-VALID P32: a PATCH with an empty Operations array changes nothing and succeeds")
    void entraValid_emptyOperations() {
        String id = createUser(entraUser(uniqueUserName("Empty_")), "ENTRA-VALID P32").path("id").asText();
        Answer answer = http.patch("/Users/" + id, patchOf());
        requirePatchAnswer(answer, "User", "ENTRA-VALID P32", "fail the validator's PATCH test");
    }

    private void assumeKeptAny(Map<String, String> values) {
        org.junit.jupiter.api.Assumptions.assumeFalse(values.isEmpty(),
                "not run: IdpOptions.notKept declares every attribute this PATCH would write not kept");
    }
}
