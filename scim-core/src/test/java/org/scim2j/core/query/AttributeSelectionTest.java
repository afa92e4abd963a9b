package org.scim2j.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.Fixtures.DEVICE_TYPE;
import static org.scim2j.core.Fixtures.REGISTRY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.Fixtures;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.Schemas;

import java.util.Arrays;
import java.util.List;

class AttributeSelectionTest {

    private static final String EXT = Schemas.ENTERPRISE_USER;

    private static ObjectNode user(String attributes, String excluded) {
        return AttributeSelection.parse(attributes, excluded).apply(REGISTRY, Schemas.USER_RESOURCE_TYPE,
                Fixtures.enterpriseUser());
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void rfc7644_3_4_2_5_attributesReturnsTheNamedAttributesPlusTheAlwaysOnes() {
        ObjectNode projected = user("userName", null);
        assertThat(keys(projected)).containsExactlyInAnyOrder("schemas", "id", "userName");
        assertThat(projected.get("userName").asText()).isEqualTo("bjensen@example.com");
    }

    @Test
    void rfc7644_3_10_subAttributePathsKeepOnlyThatSubAttributeOfEveryValue() {
        ObjectNode projected = user(" name.givenName , emails.value ,addresses.locality", null);
        assertThat(projected.get("name")).isEqualTo(Fixtures.json("{\"givenName\":\"Barbara\"}"));
        assertThat(projected.get("emails")).isEqualTo(Fixtures.JSON.createArrayNode()
                .add(Fixtures.json("{\"value\":\"bjensen@example.com\"}"))
                .add(Fixtures.json("{\"value\":\"babs@jensen.org\"}")));
        assertThat(projected.get("addresses")).allSatisfy(a -> assertThat(keys(a)).containsExactly("locality"));
    }

    @Test
    void rfc7644_3_10_extensionAttributesAreSelectedThroughTheirUrn() {
        ObjectNode projected = user("userName," + EXT + ":employeeNumber," + EXT + ":manager.displayName", null);
        assertThat(projected.get(EXT)).isEqualTo(Fixtures.json(
                "{\"employeeNumber\":\"701984\",\"manager\":{\"displayName\":\"John Smith\"}}"));
        ObjectNode whole = user(EXT, null);
        assertThat(whole.get(EXT)).isEqualTo(Fixtures.enterpriseUser().get(EXT));
        assertThat(keys(whole)).containsExactlyInAnyOrder("schemas", "id", EXT);
    }

    @Test
    void rfc7644_3_4_2_5_excludedAttributesRemovesDefaultAttributesOnly() {
        ObjectNode projected = user(null, "emails, name.familyName, id, schemas, " + EXT + ":manager");
        ObjectNode expected = Fixtures.enterpriseUser();
        expected.remove("emails");
        expected.remove("password");
        expected.withObjectProperty("name").remove("familyName");
        expected.withObjectProperty(EXT).remove("manager");
        assertThat(projected).isEqualTo(expected);
    }

    @Test
    void excludingAWholeExtensionOrEmptyingItRemovesTheExtensionObject() {
        assertThat(user(null, EXT).has(EXT)).isFalse();
        ObjectNode onlyManager = Fixtures.enterpriseUser();
        onlyManager.set(EXT, Fixtures.json("{\"manager\":{\"value\":\"x\"}}"));
        ObjectNode projected = AttributeSelection.parse(null, EXT + ":manager")
                .apply(REGISTRY, Schemas.USER_RESOURCE_TYPE, onlyManager);
        assertThat(projected.has(EXT)).isFalse();
        assertThat(user("userName", null).has(EXT)).isFalse();
    }

    @Test
    void rfc7643_2_2_neverAttributesAreNeverReturnedAndRequestAttributesOnlyWhenNamed() {
        assertThat(user(null, null).has("password")).isFalse();
        assertThat(user("password,userName", null).has("password")).isFalse();
        ObjectNode device = Fixtures.json("{\"id\":\"d\",\"label\":\"L\",\"notes\":\"n\",\"secret\":\"s\"}");
        assertThat(AttributeSelection.all().apply(REGISTRY, DEVICE_TYPE, device))
                .isEqualTo(Fixtures.json("{\"id\":\"d\",\"label\":\"L\"}"));
        assertThat(AttributeSelection.parse("notes", null).apply(REGISTRY, DEVICE_TYPE, device))
                .isEqualTo(Fixtures.json("{\"id\":\"d\",\"notes\":\"n\"}"));
        assertThat(AttributeSelection.parse(null, "label").apply(REGISTRY, DEVICE_TYPE, device))
                .isEqualTo(Fixtures.json("{\"id\":\"d\"}"));
    }

    @Test
    void namesAreMatchedIgnoringCaseOnBothSides() {
        ObjectNode odd = Fixtures.json("{\"ID\":\"1\",\"UserName\":\"b\",\"NAME\":{\"GivenName\":\"B\",\"x\":1}}");
        ObjectNode projected = AttributeSelection.parse("USERNAME,name.GIVENNAME", null)
                .apply(REGISTRY, Schemas.USER_RESOURCE_TYPE, odd);
        assertThat(projected).isEqualTo(Fixtures.json("{\"ID\":\"1\",\"UserName\":\"b\",\"NAME\":{\"GivenName\":\"B\"}}"));
    }

    @Test
    void theInputIsNeverChanged() {
        ObjectNode input = Fixtures.enterpriseUser();
        ObjectNode projected = AttributeSelection.parse(null, "name.givenName").apply(REGISTRY,
                Schemas.USER_RESOURCE_TYPE, input);
        projected.withObjectProperty("meta").put("version", "changed");
        assertThat(input).isEqualTo(Fixtures.enterpriseUser());
    }

    @Test
    void unknownButWellFormedNamesSelectNothing() {
        assertThat(keys(user("nosuch,urn:example:Other:x", null))).containsExactlyInAnyOrder("schemas", "id");
        assertThat(user(null, "nosuch")).isEqualTo(user(null, null));
    }

    @Test
    void rfc7644_3_9_attributesAndExcludedAttributesAreMutuallyExclusive() {
        assertThatThrownBy(() -> AttributeSelection.parse("userName", "emails"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains("mutually exclusive");
                });
        assertThat(AttributeSelection.parse("userName", " ").attributes()).containsExactly("userName");
    }

    @Test
    void malformedNamesAreInvalidValueNamingThem() {
        assertThatThrownBy(() -> AttributeSelection.parse("userName,emails[type eq \"work\"]", null))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains("emails[type eq \"work\"]");
                });
    }

    @Test
    void rfc7644_3_4_3_searchRequestArraysGiveTheSameSelection() {
        AttributeSelection fromArrays = AttributeSelection.of(Arrays.asList("userName", null, " "), null);
        assertThat(fromArrays.attributes()).containsExactly("userName");
        assertThat(AttributeSelection.of(null, List.of()).isDefault()).isTrue();
        assertThat(AttributeSelection.parse(null, "").isDefault()).isTrue();
        assertThat(fromArrays.apply(REGISTRY, Schemas.USER_RESOURCE_TYPE, Fixtures.enterpriseUser()))
                .isEqualTo(user("userName", null));
    }

    @Test
    void oneSelectionAppliesToResourcesOfSeveralTypes() {
        AttributeSelection selection = AttributeSelection.parse("displayName", null);
        ObjectNode group = Fixtures.json("{\"id\":\"g\",\"displayName\":\"G\",\"members\":[{\"value\":\"1\"}]}");
        assertThat(selection.apply(REGISTRY, Schemas.GROUP_RESOURCE_TYPE, group))
                .isEqualTo(Fixtures.json("{\"id\":\"g\",\"displayName\":\"G\"}"));
        assertThat(keys(selection.apply(REGISTRY, Schemas.USER_RESOURCE_TYPE, Fixtures.fullUser())))
                .containsExactlyInAnyOrder("schemas", "id", "displayName");
        assertThat(keys(AttributeSelection.parse(null, "members").apply(REGISTRY, Schemas.GROUP_RESOURCE_TYPE, group)))
                .containsExactlyInAnyOrder("id", "displayName");
    }

    // --- includes: what a repository may skip loading (issue 13, finding 1) ---------------------------------

    @Test
    void rfc7644_3_4_2_5_withNeitherParameterEveryAttributeIsIncluded() {
        assertThat(AttributeSelection.all().includes("members")).isTrue();
        assertThat(AttributeSelection.all().includes("groups.display")).isTrue();
    }

    @Test
    void rfc7644_3_4_2_5_attributesIncludeWhatTheyNameItsPartsAndItsParentsIgnoringCaseAndUrn() {
        AttributeSelection selection = AttributeSelection.parse("displayName,MEMBERS.value", null);

        assertThat(selection.includes("members")).as("a part of members is asked for").isTrue();
        assertThat(selection.includes("members.value")).isTrue();
        assertThat(selection.includes("Members.Value")).isTrue();
        assertThat(selection.includes("members.display")).as("another part of members").isFalse();
        assertThat(selection.includes(Schemas.GROUP + ":members")).isTrue();
        assertThat(selection.includes("externalId")).isFalse();
        assertThat(AttributeSelection.parse("name", null).includes("name.givenName")).as("inside a named parent")
                .isTrue();
        assertThat(AttributeSelection.parse(Schemas.GROUP + ":members", null).includes("members")).isTrue();
        assertThat(AttributeSelection.parse(EXT + ":members", null).includes(Schemas.GROUP + ":members"))
                .as("the same name in another schema").isFalse();
    }

    @Test
    void rfc7644_3_4_2_5_aWholeSchemaInAttributesIncludesItsAttributes() {
        assertThat(AttributeSelection.parse(Schemas.GROUP, null).includes("members")).isTrue();
        assertThat(AttributeSelection.parse(EXT, null).includes(EXT + ":manager")).isTrue();
        assertThat(AttributeSelection.parse(EXT, null).includes(Schemas.USER + ":userName")).isFalse();
    }

    @Test
    void rfc7644_3_4_2_5_excludedAttributesExcludeWhatTheyNameAndItsPartsOnly() {
        AttributeSelection selection = AttributeSelection.parse(null, "members,urn:ietf:params:scim:schemas:core:"
                + "2.0:User:groups.display");

        assertThat(selection.includes("members")).isFalse();
        assertThat(selection.includes("MEMBERS.value")).isFalse();
        assertThat(selection.includes(Schemas.GROUP + ":members")).isFalse();
        assertThat(selection.includes("displayName")).isTrue();
        assertThat(selection.includes("groups")).as("groups is shown without its display").isTrue();
        assertThat(selection.includes("groups.value")).isTrue();
        assertThat(selection.includes("groups.display")).isFalse();
        assertThat(AttributeSelection.parse(null, EXT).includes(EXT + ":employeeNumber")).isFalse();
    }

    @Test
    void includesRefusesAPathThatIsNotOne() {
        assertThatThrownBy(() -> AttributeSelection.all().includes("members["))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
