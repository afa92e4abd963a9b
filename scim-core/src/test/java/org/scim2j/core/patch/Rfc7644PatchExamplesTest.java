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

/** Every example of RFC 7644 §3.5.2.1 to §3.5.2.3, with the whole resulting resource asserted. */
class Rfc7644PatchExamplesTest {

    private static final String BABS = "2819c223-7f76-453a-919d-413861904646";
    private static final String JAMES = "08e1d05d-121c-4561-8b96-473d93df9210";

    private static ObjectNode group(String members) {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'acbf3ae7',"
                + "'displayName':'Tour Guides'" + (members == null ? "" : ",'members':" + members) + "}");
    }

    private static ObjectNode user() {
        return json("""
                {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'2819c223','userName':'bjensen',
                 'emails':[{'value':'bjensen@example.com','type':'work','primary':true},
                           {'value':'babs@jensen.org','type':'home'}],
                 'addresses':[{'type':'work','streetAddress':'100 Universal City Plaza','locality':'Hollywood',
                               'region':'CA','postalCode':'91608','country':'USA','primary':true},
                              {'type':'home','streetAddress':'456 Hollywood Blvd','locality':'Hollywood',
                               'region':'CA','postalCode':'91608','country':'USA'}]}""");
    }

    @Test
    void rfc7644_3_5_2_1_addsAMemberToAGroup() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'" + JAMES + "','display':'James Smith'}]"), """
                [{"op":"add","path":"members","value":[{"display":"Babs Jensen",
                  "$ref":"https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
                  "value":"2819c223-7f76-453a-919d-413861904646"}]}]""");
        assertThat(result.changed()).isTrue();
        assertThat(result.resource()).isEqualTo(group("[{'value':'" + JAMES + "','display':'James Smith'},"
                + "{'display':'Babs Jensen','$ref':'https://example.com/v2/Users/" + BABS + "','value':'" + BABS
                + "'}]"));
    }

    @Test
    void rfc7644_3_5_2_1_addingAMemberAlreadyPresentChangesNothing() {
        ObjectNode before = group("[{'value':'" + BABS + "','display':'Babs Jensen'}]");
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE, before,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + BABS + "\"}]}]");
        assertThat(result.changed()).isFalse();
        assertThat(result.resource()).isEqualTo(before);
    }

    @Test
    void rfc7644_3_5_2_1_addWithoutPathMergesAttributesAndDoesNotDuplicateValues() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(), """
                [{"op":"add","value":{"emails":[{"value":"babs@jensen.org","type":"home"}],"nickName":"Babs"}}]""");
        ObjectNode expected = user();
        expected.put("nickName", "Babs");
        assertThat(result.resource()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_2_removesOneMember() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'" + BABS + "'},{'value':'" + JAMES + "'}]"),
                "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + BABS + "\\\"]\"}]");
        assertThat(result.resource()).isEqualTo(group("[{'value':'" + JAMES + "'}]"));
    }

    @Test
    void rfc7644_3_5_2_2_removesAllMembers() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'" + BABS + "'},{'value':'" + JAMES + "'}]"),
                "[{\"op\":\"remove\",\"path\":\"members\"}]");
        assertThat(result.resource()).isEqualTo(group(null));
    }

    @Test
    void rfc7644_3_5_2_2_removesTheValuesAComplexFilterSelects() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(),
                "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\" and value ew \\\"example.com\\\"]\"}]");
        ObjectNode expected = user();
        ((com.fasterxml.jackson.databind.node.ArrayNode) expected.get("emails")).remove(0);
        assertThat(result.resource()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_2_replacesAllMembersWithRemoveThenAdd() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'a1'},{'value':'a2'}]"), """
                [{"op":"remove","path":"members"},
                 {"op":"add","path":"members","value":[
                   {"display":"Babs Jensen","value":"2819c223-7f76-453a-919d-413861904646"},
                   {"display":"James Smith","value":"08e1d05d-121c-4561-8b96-473d93df9210"}]}]""");
        assertThat(result.resource()).isEqualTo(group("[{'display':'Babs Jensen','value':'" + BABS + "'},"
                + "{'display':'James Smith','value':'" + JAMES + "'}]"));
    }

    @Test
    void rfc7644_3_5_2_2_removeWithoutPathIsNoTarget() {
        assertThatThrownBy(() -> apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, user(),
                "[{\"op\":\"remove\"}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.NO_TARGET);
                });
    }

    @Test
    void rfc7644_3_5_2_3_replacesAllMembers() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.GROUP_RESOURCE_TYPE,
                group("[{'value':'a1'}]"), """
                [{"op":"replace","path":"members","value":[
                   {"display":"Babs Jensen","value":"2819c223-7f76-453a-919d-413861904646"},
                   {"display":"James Smith","value":"08e1d05d-121c-4561-8b96-473d93df9210"}]}]""");
        assertThat(result.resource()).isEqualTo(group("[{'display':'Babs Jensen','value':'" + BABS + "'},"
                + "{'display':'James Smith','value':'" + JAMES + "'}]"));
    }

    @Test
    void rfc7644_3_5_2_3_replacesTheMatchedComplexValueWholesale() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(), """
                [{"op":"replace","path":"addresses[type eq \\"work\\"]","value":{"type":"work",
                  "streetAddress":"911 Universal City Plaza","locality":"Hollywood","region":"CA",
                  "postalCode":"91608","country":"US",
                  "formatted":"911 Universal City Plaza\\nHollywood, CA 91608 US","primary":true}}]""");
        ObjectNode expected = user();
        expected.set("addresses", PatchFixtures.node("""
                [{"type":"work","streetAddress":"911 Universal City Plaza","locality":"Hollywood","region":"CA",
                  "postalCode":"91608","country":"US","formatted":"911 Universal City Plaza\\nHollywood, CA 91608 US",
                  "primary":true},
                 {"type":"home","streetAddress":"456 Hollywood Blvd","locality":"Hollywood","region":"CA",
                  "postalCode":"91608","country":"USA"}]"""));
        assertThat(result.resource()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_3_replacesOneSubAttributeOfTheMatchedValue() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(),
                "[{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"].streetAddress\","
                        + "\"value\":\"1010 Broadway Ave\"}]");
        ObjectNode expected = user();
        ((ObjectNode) expected.get("addresses").get(0)).put("streetAddress", "1010 Broadway Ave");
        assertThat(result.resource()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_3_replaceWithoutPathReplacesEachAttribute() {
        PatchResult result = apply(PatchOptions.strict(), Schemas.USER_RESOURCE_TYPE, user(), """
                [{"op":"replace","value":{"emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                   {"value":"babs@jensen.org","type":"home"}],"nickName":"Babs"}}]""");
        ObjectNode expected = user();
        expected.put("nickName", "Babs");
        assertThat(result.resource()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_5_2_3_replaceOfAFilterThatMatchesNothingIsNoTargetAndChangesNothing() {
        ObjectNode before = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'x'}");
        assertThatThrownBy(() -> apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, before,
                "[{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"]\",\"value\":[]}]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.NO_TARGET));
        assertThat(before).isEqualTo(
                json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'x'}"));
    }
}
