package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

class UserTest {

    private final ScimJson json = ScimJson.defaults();

    private ObjectNode withoutPassword(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        copy.remove("password");
        return copy;
    }

    @Test
    void rfc7643_8_1_minimalUserRoundTrips() {
        ObjectNode example = Rfc7643Examples.load(Rfc7643Examples.MINIMAL_USER);
        User user = json.toTyped(example, User.class);
        assertThat(user.userName()).isEqualTo("Bjensen");
        assertThat(user.meta().created()).isEqualTo(OffsetDateTime.of(2010, 1, 23, 4, 56, 22, 0, ZoneOffset.UTC));
        assertThat(user.meta().version()).isEqualTo("W/\"3694e05e9dff590\"");
        assertThat(user.emails()).isEmpty();
        assertThat(json.toTree(user)).isEqualTo(example);
    }

    @Test
    void rfc7643_8_2_fullUserRoundTripsExceptTheWriteOnlyPassword() {
        ObjectNode example = Rfc7643Examples.load(Rfc7643Examples.FULL_USER);
        User user = json.toTyped(example, User.class);
        assertThat(user.name().givenName()).isEqualTo("Barbara");
        assertThat(user.emails()).containsExactly(new Email("bjensen@example.com", null, "work", true),
                new Email("babs@jensen.org", null, "home", null));
        assertThat(user.addresses().get(0).formatted()).isEqualTo("100 Universal City Plaza\nHollywood, CA 91608 USA");
        assertThat(user.groups()).extracting(GroupMembership::display)
                .containsExactly("Tour Guides", "Employees", "US Employees");
        assertThat(user.groups().get(0).ref()).startsWith("https://example.com/v2/Groups/");
        assertThat(user.x509Certificates()).hasSize(1);
        assertThat(user.active()).isTrue();
        assertThat(user.password()).isEqualTo("t1meMa$heen");
        assertThat(user.otherAttributes()).isEmpty();

        ObjectNode written = json.toTree(user);
        assertThat(written.has("password")).as("password is writeOnly (RFC 7643 §4.1.1)").isFalse();
        assertThat(written).isEqualTo(withoutPassword(example));
    }

    @Test
    void rfc7643_8_3_enterpriseUserRoundTripsUnderItsUrn() {
        ObjectNode example = Rfc7643Examples.load(Rfc7643Examples.ENTERPRISE_USER);
        User user = json.toTyped(example, User.class);
        EnterpriseUser enterprise = user.enterpriseUser();
        assertThat(enterprise.employeeNumber()).isEqualTo("701984");
        assertThat(enterprise.department()).isEqualTo("Tour Operations");
        assertThat(enterprise.manager()).isEqualTo(new EnterpriseUser.Manager("26118915-6090-4610-87e4-49d8ca9f808d",
                "../Users/26118915-6090-4610-87e4-49d8ca9f808d", "John Smith"));
        assertThat(user.schemas()).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER);
        assertThat(json.toTree(user)).isEqualTo(withoutPassword(example));
    }

    @Test
    void rfc7643_3_schemasListTheEnterpriseUrnExactlyWhenTheExtensionIsPresent() {
        User plain = User.builder().userName("bjensen").schemas(List.of(Schemas.ENTERPRISE_USER)).build();
        assertThat(plain.schemas()).containsExactly(Schemas.USER);
        User enterprise = plain.toBuilder()
                .enterpriseUser(new EnterpriseUser("1", null, null, null, null, null)).build();
        assertThat(enterprise.schemas()).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER);
        assertThat(json.toTree(enterprise).get("schemas")).hasSize(2);
    }

    @Test
    void unknownAttributesAndUnknownExtensionsArePreservedAndWrittenBack() {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:example:ext:1.0\"],"
                + "\"userName\":\"bjensen\",\"urn:example:ext:1.0\":{\"badge\":42,\"tags\":[\"a\",\"b\"]},"
                + "\"favouriteColour\":\"teal\"}";
        ObjectNode tree = json.readObject(body.getBytes(StandardCharsets.UTF_8));
        User user = json.toTyped(tree, User.class);
        assertThat(user.otherAttributes()).containsOnlyKeys("urn:example:ext:1.0", "favouriteColour");
        assertThat(user.otherAttribute("urn:example:ext:1.0").get("badge").asInt()).isEqualTo(42);
        assertThat(user.schemas()).containsExactly(Schemas.USER, "urn:example:ext:1.0");
        assertThat(json.toTree(user)).isEqualTo(tree);
    }

    @Test
    void jsonHeldInsideIsCopiedInAndOut() {
        ObjectNode extension = JsonNodeFactory.instance.objectNode().put("badge", 1);
        User user = User.builder().userName("u").otherAttribute("urn:example:ext:1.0", extension).build();
        extension.put("badge", 2);
        ((ObjectNode) user.otherAttribute("urn:example:ext:1.0")).put("badge", 3);
        ((ObjectNode) user.otherAttributes().get("urn:example:ext:1.0")).put("badge", 4);
        assertThat(user.otherAttribute("urn:example:ext:1.0").get("badge").asInt()).isEqualTo(1);
    }

    @Test
    void modelledNamesCannotBeSetAsOtherAttributes() {
        assertThatThrownBy(() -> User.builder().otherAttribute("USERNAME", JsonNodeFactory.instance.textNode("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modelled");
    }

    @Test
    void rfc7643_2_5_nullAndEmptyArraysReadAsUnassigned() {
        String body = "{\"userName\":\"u\",\"title\":null,\"emails\":[],\"phoneNumbers\":null,\"roles\":[null],"
                + "\"urn:example:ext:1.0\":null}";
        User user = json.toTyped(json.readObject(body.getBytes(StandardCharsets.UTF_8)), User.class);
        assertThat(user.title()).isNull();
        assertThat(user.emails()).isEmpty();
        assertThat(user.phoneNumbers()).isEmpty();
        assertThat(user.roles()).isEmpty();
        assertThat(user.otherAttributes()).isEmpty();
        assertThat(json.toTree(user).fieldNames()).toIterable().containsExactly("schemas", "userName");
    }

    @Test
    void rfc7643_2_1_typedBindingIgnoresTheCaseOfAttributeNamesAndTheExtensionUrn() {
        String body = "{\"USERNAME\":\"u\",\"Name\":{\"GivenName\":\"Barbara\"},"
                + "\"urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user\":{\"Department\":\"Sales\"}}";
        User user = json.toTyped(json.readObject(body.getBytes(StandardCharsets.UTF_8)), User.class);
        assertThat(user.userName()).isEqualTo("u");
        assertThat(user.name().givenName()).isEqualTo("Barbara");
        assertThat(user.enterpriseUser().department()).isEqualTo("Sales");
    }

    @Test
    void entraStringBooleansBindWhenLenientAndNameTheAttributeWhenStrict() {
        ObjectNode tree = json.readObject(("{\"userName\":\"u\",\"active\":\"True\","
                + "\"emails\":[{\"value\":\"a@b\",\"primary\":\"False\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        User user = json.toTyped(tree, User.class);
        assertThat(user.active()).isTrue();
        assertThat(user.emails().get(0).primary()).isFalse();

        // whether a request may send them is the service's BOOLEAN_STRINGS tolerance, decided before binding
        // (ResourceNormalizerTest, PatchTolerancesTest); binding itself reads them
    }

    @Test
    void aWrongJsonTypeIsInvalidValueNamingTheNestedAttribute() {
        JsonNode tree = json.readObject("{\"userName\":\"u\",\"emails\":[{\"value\":\"a@b\"},{\"value\":{}}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> json.toTyped(tree, User.class))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail())
                        .isEqualTo("attribute 'emails[1].value' has an invalid value: expected a string"));
    }

    @Test
    void aSingleComplexValueWhereAListIsExpectedBindsAsAOneElementList() {
        ObjectNode tree = json.readObject("{\"userName\":\"u\",\"emails\":{\"value\":\"a@b\",\"type\":\"work\"}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(json.toTyped(tree, User.class).emails()).containsExactly(Email.of("a@b", "work"));
    }

    @Test
    void equalUsersAreEqualAndToStringHidesThePassword() {
        User a = User.builder().userName("u").password("secret").active(true).build();
        User b = a.toBuilder().build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.toBuilder().active(false).build());
        assertThat(a.toString()).doesNotContain("secret");
    }
}
