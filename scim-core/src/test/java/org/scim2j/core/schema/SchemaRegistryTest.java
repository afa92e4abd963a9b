package org.scim2j.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.filter.AttributePath;

import java.util.List;

class SchemaRegistryTest {

    private final SchemaRegistry registry = SchemaRegistry.standard();
    private final ResourceType user = Schemas.USER_RESOURCE_TYPE;

    private ResolvedAttribute resolve(String path) {
        return registry.resolve(user, AttributePath.parse(path), ScimType.INVALID_FILTER);
    }

    @Test
    void rfc7643_2_1_attributeNamesAreCaseInsensitiveAndResolveToTheCanonicalSpelling() {
        assertThat(resolve("USERNAME").canonicalPath()).isEqualTo("userName");
        assertThat(resolve("Name.FamilyName").canonicalPath()).isEqualTo("name.familyName");
        assertThat(resolve("emails.VALUE").target().type()).isEqualTo(AttributeType.STRING);
    }

    @Test
    void rfc7644_3_10_pathsMayCarryTheCoreSchemaUrn() {
        ResolvedAttribute familyName = resolve("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName");
        assertThat(familyName.schemaUrn()).isEqualTo(Schemas.USER);
        assertThat(familyName.extension()).isFalse();
        assertThat(familyName.canonicalPath()).isEqualTo("name.familyName");
    }

    @Test
    void extensionAttributesResolveOnlyThroughTheirUrn() {
        ResolvedAttribute employeeNumber =
                resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:EMPLOYEENUMBER");
        assertThat(employeeNumber.extension()).isTrue();
        assertThat(employeeNumber.canonicalPath())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");

        assertThatThrownBy(() -> resolve("employeeNumber"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.detail()).contains(
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
                });
    }

    @Test
    void rfc7643_3_1_commonAttributesBelongToEveryResourceType() {
        assertThat(resolve("id").attribute().mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(resolve("id").attribute().returned()).isEqualTo(Returned.ALWAYS);
        assertThat(resolve("meta.lastModified").target().type()).isEqualTo(AttributeType.DATE_TIME);
        assertThat(resolve("externalId").attribute().caseExact()).isTrue();
        assertThat(registry.resolve(Schemas.GROUP_RESOURCE_TYPE, AttributePath.parse("meta.created"),
                ScimType.INVALID_FILTER).schemaUrn()).isEqualTo(Schemas.COMMON);
    }

    @Test
    void unknownAttributesAreReportedPrecisely() {
        assertThatThrownBy(() -> resolve("nosuch")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).isEqualTo("unknown attribute 'nosuch' for resource type User"));
        assertThatThrownBy(() -> resolve("name.nosuch")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("'name' has no sub-attribute 'nosuch'"));
        assertThatThrownBy(() -> resolve("userName.x")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("'userName' has no sub-attributes"));
        assertThatThrownBy(() -> resolve("urn:example:Other:x")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("is not a schema of User"));
        assertThat(registry.find(Schemas.GROUP_RESOURCE_TYPE, AttributePath.parse("userName"))).isEmpty();
    }

    @Test
    void rfc7643_8_7_1_userSchemaHasTheRfcCharacteristics() {
        Schema schema = Schemas.user();
        AttributeDefinition userName = schema.attribute("userName");
        assertThat(userName.required()).isTrue();
        assertThat(userName.caseExact()).isFalse();
        assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);
        AttributeDefinition password = schema.attribute("password");
        assertThat(password.mutability()).isEqualTo(Mutability.WRITE_ONLY);
        assertThat(password.returned()).isEqualTo(Returned.NEVER);
        AttributeDefinition groups = schema.attribute("groups");
        assertThat(groups.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(groups.multiValued()).isTrue();
        assertThat(groups.subAttribute("$ref").referenceTypes()).containsExactly("User", "Group");
        assertThat(schema.attribute("emails").subAttribute("type").canonicalValues())
                .containsExactly("work", "home", "other");
        assertThat(schema.attribute("x509Certificates").subAttribute("value").type()).isEqualTo(AttributeType.BINARY);
        assertThat(schema.attributes()).extracting(AttributeDefinition::name).containsExactly("userName", "name",
                "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale",
                "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups",
                "entitlements", "roles", "x509Certificates");
        assertThat(Schemas.group().attribute("members").subAttribute("value").mutability())
                .isEqualTo(Mutability.IMMUTABLE);
        assertThat(Schemas.enterpriseUser().attribute("manager").subAttribute("displayName").mutability())
                .isEqualTo(Mutability.READ_ONLY);
    }

    @Test
    void schemaDocumentsRoundTripWithEveryCharacteristicWrittenOut() {
        for (Schema schema : List.of(Schemas.user(), Schemas.group(), Schemas.enterpriseUser(),
                Schemas.serviceProviderConfig(), Schemas.resourceType(), Schemas.schema())) {
            var json = SchemaJson.writeSchema(schema, "/Schemas/" + schema.id());
            assertThat(SchemaJson.readSchema(json)).isEqualTo(schema);
            json.get("attributes").forEach(a -> assertThat(a.has("caseExact") && a.has("mutability")
                    && a.has("returned") && a.has("uniqueness") && a.has("required") && a.has("multiValued")
                    && a.has("type") && a.has("description")).as(a.toString()).isTrue());
        }
    }

    @Test
    void hostsRegisterCustomResourceTypesFromSchemaDocuments() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"id":"urn:example:scim:Device","name":"Device","attributes":[
                  {"name":"serial","type":"string","required":true,"uniqueness":"server"},
                  {"name":"ports","type":"complex","multiValued":true,
                   "subAttributes":[{"name":"number","type":"integer"}]}]}""");
        Schema device = SchemaJson.readSchema(json);
        ResourceType devices = new ResourceType("Device", "Device", null, "/Devices", device.id(), List.of());
        SchemaRegistry custom = SchemaRegistry.builder().addStandard().addSchema(device).addResourceType(devices)
                .build();
        assertThat(custom.resourceTypeByEndpoint("/devices")).contains(devices);
        assertThat(custom.resolve(devices, AttributePath.parse("ports.number"), ScimType.INVALID_FILTER).target()
                .type()).isEqualTo(AttributeType.INTEGER);
        assertThat(device.attribute("serial").mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThatThrownBy(() -> SchemaRegistry.builder().addResourceType(devices).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unregistered schema");
    }
}
