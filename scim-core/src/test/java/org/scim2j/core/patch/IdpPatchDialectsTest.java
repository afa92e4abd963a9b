package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.patch.PatchFixtures.apply;
import static org.scim2j.core.patch.PatchFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.Schemas;

/**
 * The PATCH bodies Okta and Microsoft Entra ID really send, each with its exact expected result. Tags (P1..P32,
 * OKTA-SCIM20, ENTRA-COMPAT) refer to IDP-TRAFFIC.md.
 */
class IdpPatchDialectsTest {

    private static final String ENTERPRISE = Schemas.ENTERPRISE_USER;

    private static ObjectNode user(String extra) {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
                + "'active':true" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private static ObjectNode group(String members) {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'abf4dd94',"
                + "'displayName':'Test SCIMv2'" + (members == null ? "" : ",'members':" + members) + "}");
    }

    private static ObjectNode applyUser(ObjectNode user, String operations) {
        return apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, user, operations).resource();
    }

    private static ObjectNode applyGroup(ObjectNode group, String operations) {
        return apply(PatchOptions.lenient(), Schemas.GROUP_RESOURCE_TYPE, group, operations).resource();
    }

    @Test
    void okta_deactivatesWithAPathlessReplace() {
        ObjectNode result = applyUser(user(""), "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
        assertThat(result.get("active").asBoolean()).isFalse();
    }

    @Test
    void okta_renamesAGroupEchoingItsOwnReadOnlyId() {
        ObjectNode result = applyGroup(group(null),
                "[{\"op\":\"replace\",\"value\":{\"id\":\"abf4dd94\",\"displayName\":\"New name\"}}]");
        assertThat(result).isEqualTo(json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + "'id':'abf4dd94','displayName':'New name'}"));
    }

    @Test
    void okta_echoedIdThatDiffersIsAMutabilityError() {
        assertThatThrownBy(() -> applyGroup(group(null),
                "[{\"op\":\"replace\",\"value\":{\"id\":\"other\",\"displayName\":\"x\"}}]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.MUTABILITY));
    }

    @Test
    void okta_membershipChangeRemovesOneAndAddsAnother() {
        ObjectNode result = applyGroup(group("[{'value':'89bb1940'},{'value':'keep'}]"), """
                [{"op":"remove","path":"members[value eq \\"89bb1940\\"]"},
                 {"op":"add","path":"members","value":[{"value":"23a35c27","display":"test.user@okta.local"}]}]""");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node(
                "[{\"value\":\"keep\"},{\"value\":\"23a35c27\",\"display\":\"test.user@okta.local\"}]"));
    }

    @Test
    void p5_oktaFullMembershipPushReplacesTheList() {
        ObjectNode result = applyGroup(group("[{'value':'old'}]"),
                "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"value\":\"b\"}]}]");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node("[{\"value\":\"a\"},{\"value\":\"b\"}]"));
    }

    @Test
    void p6_entraDisablesWithCapitalisedOpAndABooleanString() {
        ObjectNode result = applyUser(user(""), "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        assertThat(result.get("active").isBoolean()).isTrue();
        assertThat(result.get("active").asBoolean()).isFalse();
    }

    @Test
    void p6_strictProfileNamesTheToleranceThatWouldAcceptIt() {
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(""),
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.detail()).contains("CASE_INSENSITIVE_OPS");
                });
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(""),
                "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains("BOOLEAN_STRINGS");
                });
    }

    @Test
    void p8_entraAddsASingleValueWithAnyCaseAttributeName() {
        ObjectNode result = applyUser(user(""), "[{\"op\":\"Add\",\"path\":\"NickName\",\"value\":\"Babs\"}]");
        assertThat(result.get("nickName").asText()).isEqualTo("Babs");
    }

    @Test
    void p9_entraMultiReplaceKeepsOtherEmailsAndAddsTheExtension() {
        ObjectNode before = user("'emails':[{'type':'work','value':'old@x.com','primary':true},"
                + "{'type':'home','value':'home@x.com'}]");
        ObjectNode result = applyUser(before, """
                [{"op":"Replace","path":"displayName","value":"Pvlo"},
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"TestBcwqnm@test.microsoft.com"},
                 {"op":"Replace","path":"name.givenName","value":"Gtfd"},
                 {"op":"Replace","path":"name.familyName","value":"Pkqf"},
                 {"op":"Replace","path":"externalId","value":"Eqpj"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                  "value":"Eqpj"}]""");
        assertThat(result).isEqualTo(json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENTERPRISE
                + "'],'id':'u1','userName':'bjensen','active':true,"
                + "'emails':[{'type':'work','value':'TestBcwqnm@test.microsoft.com','primary':true},"
                + "{'type':'home','value':'home@x.com'}],'displayName':'Pvlo',"
                + "'name':{'givenName':'Gtfd','familyName':'Pkqf'},'externalId':'Eqpj',"
                + "'" + ENTERPRISE + "':{'employeeNumber':'Eqpj'}}"));
    }

    @Test
    void p10_entraPathlessReplaceWithDottedAndUrnKeys() {
        ObjectNode result = applyUser(user("'emails':[{'type':'work','value':'a@b.c'}]"), """
                [{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"TestMhvaes@test.microsoft.com"},
                 {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq",
                  "active":"True"}}]""");
        assertThat(result.get("displayName").asText()).isEqualTo("Bjfe");
        assertThat(result.get("name")).isEqualTo(json("{'givenName':'Kkom','familyName':'Unua'}"));
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{'employeeNumber':'Aklq'}"));
        assertThat(result.get("emails")).isEqualTo(
                PatchFixtures.node("[{\"type\":\"work\",\"value\":\"TestMhvaes@test.microsoft.com\"}]"));
        assertThat(result.get("active").asBoolean()).isTrue();
    }

    @Test
    void p10_dottedKeysNeedTheirToleranceInStrictMode() {
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(""),
                "[{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Kkom\"}}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH);
                    assertThat(e.detail()).contains("PATH_KEYS_IN_VALUE");
                });
    }

    @Test
    void p11_entraRemoveWithAValueArrayRemovesOnlyThoseMembers() {
        ObjectNode result = applyGroup(group("[{'value':'u1091'},{'value':'u2'}]"),
                "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1091\"}]}]");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node("[{\"value\":\"u2\"}]"));
    }

    @Test
    void p11_strictRejectsRemoveWithValueInsteadOfRemovingEveryMember() {
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'u1091'},{'value':'u2'}]"),
                "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1091\"}]}]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).contains("REMOVE_MEMBERS_BY_VALUE"));
    }

    @Test
    void p13_entraAddsAMemberWithNullRef() {
        ObjectNode result = applyGroup(group(null),
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"f648f8d5ea4e4cd38e9c\"}]}]");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node("[{\"value\":\"f648f8d5ea4e4cd38e9c\"}]"));
    }

    @Test
    void p16_entraCreatesAWorkAddressAndAddsTheDepartment() {
        ObjectNode result = applyUser(user("'emails':[{'type':'work','value':'old@x'}]"), """
                [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"AdeleV2@x.onmicrosoft.com"},
                 {"op":"Replace","path":"addresses[type eq \\"work\\"].formatted","value":"18/2111"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                  "value":"Retail"}]""");
        assertThat(result.get("addresses")).isEqualTo(
                PatchFixtures.node("[{\"type\":\"work\",\"formatted\":\"18/2111\"}]"));
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{'department':'Retail'}"));
        assertThat(result.get("emails").get(0).get("value").asText()).isEqualTo("AdeleV2@x.onmicrosoft.com");
    }

    @Test
    void p17_entraManagerOnTheBarePathWithAnArrayValue() {
        ObjectNode result = applyUser(user(""), """
                [{"op":"Add","path":"manager","value":[{"$ref":"http://x/scim/Users/00aa00aa",
                  "value":"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}]}]""");
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{'manager':{'$ref':'http://x/scim/Users/00aa00aa',"
                + "'value':'00aa00aa-bb11-cc22-dd33-44ee44ee44ee'}}"));
        assertThat(result.get("schemas").toString()).contains(ENTERPRISE);
    }

    @Test
    void p17_managerAsAPlainStringIdOnTheUrnPath() {
        ObjectNode result = applyUser(user(""), "[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE
                + ":manager\",\"value\":\"00aa\"}]");
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{'manager':{'value':'00aa'}}"));
    }

    @Test
    void p18_validatorAddsNameAndCreatesTheWorkEmail() {
        ObjectNode result = applyUser(user(""), """
                [{"op":"add","path":"name.givenName","value":"Godfrey"},
                 {"op":"add","path":"name.familyName","value":"Stiedemann"},
                 {"op":"add","path":"emails[type eq \\"work\\"].value","value":"godfrey@vonrueden.com"}]""");
        assertThat(result.get("name")).isEqualTo(json("{'givenName':'Godfrey','familyName':'Stiedemann'}"));
        assertThat(result.get("emails")).isEqualTo(
                PatchFixtures.node("[{\"type\":\"work\",\"value\":\"godfrey@vonrueden.com\"}]"));
    }

    @Test
    void p19_successiveFilteredAddsMergeIntoOneElement() {
        ObjectNode result = applyUser(user(""), """
                [{"op":"add","path":"addresses[type eq \\"work\\"].formatted","value":"USZLTUSJXBYV"},
                 {"op":"add","path":"addresses[type eq \\"work\\"].locality","value":"OSGODHEVDCVD"},
                 {"op":"add","path":"addresses[type eq \\"work\\"].region","value":"YMVMOEMXAYGD"}]""");
        assertThat(result.get("addresses")).isEqualTo(PatchFixtures.node("[{\"type\":\"work\","
                + "\"formatted\":\"USZLTUSJXBYV\",\"locality\":\"OSGODHEVDCVD\",\"region\":\"YMVMOEMXAYGD\"}]"));
    }

    @Test
    void p19_withoutTheUpsertToleranceAnUnmatchedFilterIsNoTarget() {
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(""),
                "[{\"op\":\"add\",\"path\":\"addresses[type eq \\\"work\\\"].formatted\",\"value\":\"x\"}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.NO_TARGET);
                    assertThat(e.detail()).contains("UPSERT_FILTERED_SUB_ATTRIBUTE");
                });
    }

    @Test
    void p20_replaceOnAFilteredSubAttributeKeepsSiblingsAndOtherValues() {
        ObjectNode result = applyUser(user("'emails':[{'type':'work','primary':true,'value':'john@work.com'},"
                + "{'type':'home','value':'john@home.com'}]"),
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updated@work.com\"}]");
        assertThat(result.get("emails")).isEqualTo(PatchFixtures.node("[{\"type\":\"work\",\"primary\":true,"
                + "\"value\":\"updated@work.com\"},{\"type\":\"home\",\"value\":\"john@home.com\"}]"));
    }

    @Test
    void p21_settingPrimaryOnOneValueClearsItOnTheOthers() {
        ObjectNode result = applyUser(user("'emails':[{'type':'work','primary':true,'value':'w@x'},"
                + "{'type':'home','value':'h@x'}]"), """
                [{"op":"add","path":"emails[type eq \\"other\\"].value","value":"o@x"},
                 {"op":"replace","path":"emails[type eq \\"home\\"].primary","value":true}]""");
        assertThat(result.get("emails")).isEqualTo(PatchFixtures.node("[{\"type\":\"work\",\"primary\":false,"
                + "\"value\":\"w@x\"},{\"type\":\"home\",\"value\":\"h@x\",\"primary\":true},"
                + "{\"type\":\"other\",\"value\":\"o@x\"}]"));
    }

    @Test
    void p22_removeAllMembers() {
        ObjectNode result = applyGroup(group("[{'value':'a'}]"), "[{\"op\":\"remove\",\"path\":\"members\"}]");
        assertThat(result.has("members")).isFalse();
    }

    @Test
    void p23_memberAsABareStringId() {
        ObjectNode result = applyGroup(group(null),
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":\"string id 1\"}]");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node("[{\"value\":\"string id 1\"}]"));
    }

    @Test
    void p24_unknownOperationAndMemberKeysAreIgnored() {
        ObjectNode result = applyGroup(group(null), """
                [{"name":"addMember","op":"add","path":"members","value":[{"displayName":"new User","value":"id4"}]}]""");
        assertThat(result.get("members")).isEqualTo(PatchFixtures.node("[{\"value\":\"id4\"}]"));
    }

    @Test
    void p32_emptyOperationsIsANoOpExceptInStrictMode() {
        PatchResult result = apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, user(""), "[]");
        assertThat(result.changed()).isFalse();
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(""), "[]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.detail()).contains("EMPTY_OPERATIONS");
                });
    }

    @Test
    void removingAMemberThatIsAlreadyGoneIsIdempotentForIdps() {
        PatchResult result = apply(PatchOptions.okta(), Schemas.GROUP_RESOURCE_TYPE, group("[{'value':'a'}]"),
                "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"gone\\\"]\"}]");
        assertThat(result.changed()).isFalse();
        assertThatThrownBy(() -> apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE, group("[{'value':'a'}]"),
                "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"gone\\\"]\"}]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.NO_TARGET));
    }
}
