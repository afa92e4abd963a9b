package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.patch.PatchFixtures.apply;
import static org.scim2j.core.patch.PatchFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.Schemas;
import org.scim2j.core.schema.SchemaRegistry;

/** The errors of RFC 7644 §3.5.2 and §3.12, and that a failing request changes nothing. */
class PatchErrorsTest {

    private static ObjectNode user() {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
                + "'meta':{'resourceType':'User'},'emails':[{'type':'work','value':'w@x'}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "readOnly id                 | [{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]                  | mutability",
            "readOnly meta               | [{\"op\":\"remove\",\"path\":\"meta\"}]                                   | mutability",
            "readOnly User.groups        | [{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}]        | mutability",
            "unknown attribute           | [{\"op\":\"add\",\"path\":\"nosuch\",\"value\":\"x\"}]                    | invalidPath",
            "unknown sub-attribute       | [{\"op\":\"add\",\"path\":\"name.nosuch\",\"value\":\"x\"}]               | invalidPath",
            "path that does not parse    | [{\"op\":\"add\",\"path\":\"emails[type eq\",\"value\":\"x\"}]            | invalidPath",
            "filter on unknown sub       | [{\"op\":\"remove\",\"path\":\"emails[nosuch eq \\\"x\\\"]\"}]             | invalidPath",
            "wrong type                  | [{\"op\":\"replace\",\"path\":\"active\",\"value\":\"yes\"}]               | invalidValue",
            "object for a string         | [{\"op\":\"replace\",\"path\":\"userName\",\"value\":{\"a\":1}}]           | invalidValue",
            "add without value           | [{\"op\":\"add\",\"path\":\"nickName\"}]                                   | invalidValue",
            "remove required userName    | [{\"op\":\"remove\",\"path\":\"userName\"}]                                | mutability",
            "replace userName with null  | [{\"op\":\"replace\",\"path\":\"userName\",\"value\":null}]            | mutability",
            "unknown op                  | [{\"op\":\"merge\",\"path\":\"nickName\",\"value\":\"x\"}]                 | invalidSyntax",
            "operation not an object     | [\"add\"]                                                                   | invalidSyntax",
            "bad dateTime                | [{\"op\":\"add\",\"path\":\"meta.created\",\"value\":\"x\"}]               | mutability",
            "replace unmatched no sub    | [{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"]\",\"value\":{\"value\":\"h@x\"}}] | noTarget",
    })
    void rfc7644_3_5_2_rejectsWithTheRightScimTypeAndChangesNothing(String name, String operations, String scimType) {
        ObjectNode before = user();
        assertThatThrownBy(() -> apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, before, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.fromWireName(scimType));
                    assertThat(e.detail()).isNotBlank();
                });
        assertThat(before).isEqualTo(user());
    }

    @Test
    void allOrNothing_aFailingLaterOperationUndoesTheEarlierOnes() {
        ObjectNode before = user();
        assertThatThrownBy(() -> apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, before, """
                [{"op":"replace","path":"nickName","value":"Babs"},
                 {"op":"replace","path":"id","value":"other"}]"""))
                .isInstanceOf(ScimException.class);
        assertThat(before).isEqualTo(user());
    }

    @Test
    void immutableAttributeWithAValueCannotChange() {
        ObjectNode group = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'g',"
                + "'members':[{'value':'a','type':'User'}]}");
        assertThatThrownBy(() -> apply(PatchOptions.lenient(), Schemas.GROUP_RESOURCE_TYPE, group,
                "[{\"op\":\"replace\",\"path\":\"members[value eq \\\"a\\\"].type\",\"value\":\"Group\"}]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.MUTABILITY));
    }

    @Test
    void missingOperationsOrPatchOpSchemaIsInvalidSyntax() {
        for (String body : new String[] {"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
                "{\"Operations\":[]}", "[]", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":{}}"}) {
            assertThatThrownBy(() -> PatchRequest.fromJson(PatchFixtures.node(body), PatchOptions.lenient()))
                    .as(body)
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX));
        }
    }

    @Test
    void aPatchThatChangesNothingSaysSo() {
        PatchResult result = apply(PatchOptions.lenient(), Schemas.USER_RESOURCE_TYPE, user(),
                "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"bjensen\"}]");
        assertThat(result.changed()).isFalse();
    }

    @Test
    void membershipDeltaSplitsMemberOperationsFromTheRest() {
        PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());
        PatchRequest request = PatchRequest.fromJson(PatchFixtures.patchBody("""
                [{"op":"replace","path":"displayName","value":"Renamed"},
                 {"op":"remove","path":"members[value eq \\"a\\" or value eq \\"b\\"]"},
                 {"op":"add","path":"members","value":[{"value":"c","display":"C"},{"value":"a"}]},
                 {"op":"Remove","path":"members","value":[{"value":"d"}]}]"""), PatchOptions.lenient());
        MembershipPatch delta = engine.splitMembership(Schemas.GROUP_RESOURCE_TYPE, request).orElseThrow();
        assertThat(delta.clearAll()).isFalse();
        assertThat(delta.addedIds()).containsExactly("c", "a");
        assertThat(delta.removed()).containsExactly("b", "d");
        assertThat(delta.otherOperations().operations()).hasSize(1);
        assertThat(engine.splitMembership(Schemas.GROUP_RESOURCE_TYPE, PatchRequest.fromJson(PatchFixtures.patchBody(
                "[{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}]"), PatchOptions.lenient())))
                .isEmpty();
    }
}
