package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.Schemas;

class GenericResourceTest {

    private final ScimJson json = ScimJson.defaults();

    private ObjectNode enterpriseUserWithUnknownExtensionAttributes() {
        ObjectNode tree = Rfc7643Examples.load(Rfc7643Examples.ENTERPRISE_USER);
        tree.remove("password");
        ((ObjectNode) tree.get(Schemas.ENTERPRISE_USER)).put("badgeColour", "green");
        tree.withArray("schemas").add("urn:example:ext:1.0");
        tree.putObject("urn:example:ext:1.0").put("shoeSize", 44).putArray("tags").add("x");
        return tree;
    }

    @Test
    void typedToGenericToTypedKeepsUnknownExtensionObjects() {
        ObjectNode tree = enterpriseUserWithUnknownExtensionAttributes();
        User user = json.toTyped(tree, User.class);
        GenericResource generic = GenericResource.from(user, json);
        assertThat(generic.get("urn:example:ext:1.0")).hasValueSatisfying(ext ->
                assertThat(ext.get("shoeSize").asInt()).isEqualTo(44));
        assertThat(generic.toTyped(User.class, json)).isEqualTo(user);
        assertThat(generic.schemas()).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER, "urn:example:ext:1.0");
    }

    @Test
    void unknownAttributesInsideTheEnterpriseExtensionAreNotModelledAndAreDropped() {
        // Documented limit: typed complex values keep only the sub-attributes they model.
        User user = json.toTyped(enterpriseUserWithUnknownExtensionAttributes(), User.class);
        assertThat(GenericResource.from(user, json).get(Schemas.ENTERPRISE_USER).orElseThrow().has("badgeColour"))
                .isFalse();
    }

    @Test
    void genericToTypedToGenericIsLosslessForTheRfcExamples() {
        ObjectNode tree = Rfc7643Examples.load(Rfc7643Examples.GROUP);
        GenericResource generic = GenericResource.of(tree);
        assertThat(GenericResource.from(generic.toTyped(Group.class, json), json)).isEqualTo(generic);
    }

    @Test
    void theObjectIsCopiedInAndOut() {
        ObjectNode tree = Rfc7643Examples.load(Rfc7643Examples.MINIMAL_USER);
        GenericResource generic = GenericResource.of(tree);
        tree.put("userName", "changed");
        generic.json().put("userName", "changed too");
        ((ObjectNode) generic.get("meta").orElseThrow()).put("version", "changed");
        assertThat(generic.get("userName").orElseThrow().asText()).isEqualTo("Bjensen");
        assertThat(generic.get("meta").orElseThrow().get("version").asText()).isEqualTo("W/\"3694e05e9dff590\"");
    }

    @Test
    void rfc7643_2_1_getFindsAttributesIgnoringCase() {
        GenericResource generic = GenericResource.of(Rfc7643Examples.load(Rfc7643Examples.MINIMAL_USER));
        assertThat(generic.get("USERNAME")).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("Bjensen"));
        assertThat(generic.get("nickName")).isEmpty();
        assertThat(generic.id()).isEqualTo("2819c223-7f76-453a-919d-413861904646");
    }
}
