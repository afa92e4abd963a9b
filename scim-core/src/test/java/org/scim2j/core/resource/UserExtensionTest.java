package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaExtension;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.List;

/** A host's own schema extension (RFC 7643 §3.3) read and written by type, and declared on a resource type. */
class UserExtensionTest {

    static final String URN = "urn:example:params:scim:schemas:extension:badge:2.0:User";

    @ExtensionSchema(URN)
    record Badge(String number, Integer level) {
    }

    record NotAnExtension(String number) {
    }

    @Test
    void anExtensionIsWrittenUnderItsUrnWithTheUrnInSchemasAndReadBackByType() {
        User user = User.builder().userName("bjensen").extension(new Badge("B-7", null)).build();

        assertThat(user.schemas()).containsExactly(Schemas.USER, URN);
        assertThat(user.otherAttribute(URN).toString()).as("null attributes are left out")
                .isEqualTo("{\"number\":\"B-7\"}");
        assertThat(user.extension(Badge.class)).isEqualTo(new Badge("B-7", null));
        assertThat(ScimJson.defaults().toTyped(ScimJson.defaults().toTree(user), User.class).extension(Badge.class))
                .as("through JSON and back").isEqualTo(new Badge("B-7", null));
    }

    @Test
    void settingTheExtensionAgainReplacesItAndKeepsOneUrn() {
        User user = User.builder().userName("bjensen").extension(new Badge("B-7", 1))
                .extension(new Badge("B-8", 2)).build();

        assertThat(user.schemas()).containsExactly(Schemas.USER, URN);
        assertThat(user.extension(Badge.class)).isEqualTo(new Badge("B-8", 2));
    }

    @Test
    void aUserWithoutTheExtensionReadsAsNull() {
        assertThat(User.builder().userName("bjensen").build().extension(Badge.class)).isNull();
    }

    @Test
    void aStoredValueThatDoesNotFitTheTypeIsAScimInvalidValue() {
        User user = User.builder().userName("bjensen")
                .otherAttribute(URN, JsonNodeFactory.instance.objectNode().put("level", "high")).build();

        assertThatThrownBy(() -> user.extension(Badge.class)).isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(400));
    }

    @Test
    void aClassWithoutExtensionSchemaIsRefusedByName() {
        assertThatThrownBy(() -> User.builder().extension(new NotAnExtension("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NotAnExtension")
                .hasMessageContaining("@ExtensionSchema");
        assertThatThrownBy(() -> User.builder().build().extension(NotAnExtension.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addExtensionDeclaresTheSchemaOnTheResourceTypeInPlace() {
        Schema badge = new Schema(URN, "Badge", null, List.of(
                AttributeDefinition.builder("number", AttributeType.STRING).build()));

        SchemaRegistry registry = SchemaRegistry.builder().addStandard().addExtension("user", badge, true).build();

        ResourceType user = registry.resourceType("User").orElseThrow();
        assertThat(user.extensions()).containsExactly(new SchemaExtension(Schemas.ENTERPRISE_USER, false),
                new SchemaExtension(URN, true));
        assertThat(registry.schema(URN)).contains(badge);
        assertThat(registry.resourceTypes()).extracting(ResourceType::name).containsExactly("User", "Group");
        assertThatThrownBy(() -> SchemaRegistry.builder().addExtension("User", badge, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add it first");
    }
}
