package org.scim2j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;

class ResourceNormalizerTest {

    private final ScimJson json = ScimJson.defaults();
    private final ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();

    private ObjectNode read(String body) {
        return json.readObject(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private ResourceNormalizer.Result user(String body) {
        return normalizer.normalize(Schemas.USER_RESOURCE_TYPE, read(body));
    }

    @Test
    void rfc7643_2_1_namesAreMatchedIgnoringCaseAndWrittenAsTheSchemaSpellsThem() {
        ObjectNode out = user("{'USERNAME':'bjensen','Name':{'GivenName':'Barbara','FAMILYNAME':'Jensen'},"
                + "'EMAILS':[{'Value':'b@example.com','TYPE':'work','Primary':true}],'EXTERNALID':'701984',"
                + "'urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user':{'EmployeeNumber':'1',"
                + "'MANAGER':{'VALUE':'26118915'}}}").resource();
        assertThat(out).isEqualTo(read("{'schemas':['" + Schemas.USER + "','" + Schemas.ENTERPRISE_USER + "'],"
                + "'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                + "'emails':[{'value':'b@example.com','type':'work','primary':true}],'externalId':'701984',"
                + "'" + Schemas.ENTERPRISE_USER + "':{'employeeNumber':'1','manager':{'value':'26118915'}}}"));
    }

    @Test
    void schemasValuesBecomeTheRegisteredUrnsAndTheCoreAndPresentExtensionUrnsAreAdded() {
        ObjectNode out = user("{'schemas':['URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER'],'userName':'u',"
                + "'" + Schemas.ENTERPRISE_USER + "':{'department':'Sales'}}").resource();
        assertThat(out.get("schemas")).containsExactly(json.mapper().valueToTree(Schemas.USER),
                json.mapper().valueToTree(Schemas.ENTERPRISE_USER));
        assertThat(user("{'userName':'u'}").resource().get("schemas").get(0).asText()).isEqualTo(Schemas.USER);
    }

    @Test
    void rfc7643_2_5_nullsEmptyArraysAndEmptyObjectsAreUnassignedAndRemoved() {
        ObjectNode out = user("{'userName':'u','title':null,'addresses':null,'phoneNumbers':null,'roles':[],"
                + "'name':{},'emails':[null,{'value':null}],'" + Schemas.ENTERPRISE_USER + "':{'manager':null}}")
                .resource();
        assertThat(out).isEqualTo(read("{'schemas':['" + Schemas.USER + "'],'userName':'u'}"));
    }

    @Test
    void okta_1_5_emptyGroupsArrayIsDroppedWithoutComplaint() {
        ResourceNormalizer.Result result = user("{'schemas':['" + Schemas.USER + "'],'userName':'test.user@okta.local',"
                + "'groups':[],'password':'1mz050nq','active':true}");
        assertThat(result.resource().has("groups")).isFalse();
        assertThat(result.resource().get("password").asText()).isEqualTo("1mz050nq");
        assertThat(result.ignored()).isEmpty();
    }

    @Test
    void entra_2_4_unknownSchemaIdsAndAttributesAreDroppedAndReported() {
        ResourceNormalizer.Result result = normalizer.normalize(Schemas.GROUP_RESOURCE_TYPE, read(
                "{'schemas':['" + Schemas.GROUP + "','http://schemas.microsoft.com/2006/11/ResourceManagement/"
                        + "ADSCIM/2.0/Group'],'externalId':'8aa1a0c0','displayName':'g',"
                        + "'meta':{'resourceType':'Group'},"
                        + "'colour':'teal','urn:example:ext:1.0':{'x':1}}"));
        assertThat(result.resource()).isEqualTo(read("{'schemas':['" + Schemas.GROUP + "'],'externalId':'8aa1a0c0',"
                + "'displayName':'g','meta':{'resourceType':'Group'}}"));
        assertThat(result.ignored()).containsExactly(
                "unknown attribute 'colour' for resource type Group",
                "unknown attribute 'urn:example:ext:1.0' for resource type Group",
                "unknown schema \"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\" "
                        + "in 'schemas' for resource type Group");
    }

    @Test
    void rejectModeFailsWithInvalidSyntaxNamingEveryUnknown() {
        ResourceNormalizer strict = ResourceNormalizer.builder(SchemaRegistry.standard())
                .unknownAttributes(ResourceNormalizer.UnknownAttributes.REJECT).build();
        assertThatThrownBy(() -> strict.normalize(Schemas.USER_RESOURCE_TYPE, read("{'userName':'u','colour':'teal',"
                + "'name':{'nickname':'b'},'" + Schemas.ENTERPRISE_USER + "':{'badge':1}}")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.detail()).isEqualTo("unknown attribute 'colour' for resource type User; "
                            + "unknown attribute 'name.nickname'; unknown attribute '" + Schemas.ENTERPRISE_USER
                            + ":badge'");
                });
    }

    @Test
    void entra_2_3_unknownNamesHoldingNullOrEmptyArraysAreDroppedSilentlyEvenWhenRejecting() {
        ResourceNormalizer strict = ResourceNormalizer.builder(SchemaRegistry.standard())
                .unknownAttributes(ResourceNormalizer.UnknownAttributes.REJECT).build();
        ResourceNormalizer.Result result = strict.normalize(Schemas.USER_RESOURCE_TYPE,
                read("{'userName':'u','manager':null,'tags':[],'name':{'nick':null}}"));
        assertThat(result.resource()).isEqualTo(read("{'schemas':['" + Schemas.USER + "'],'userName':'u'}"));
        assertThat(result.ignored()).isEmpty();
    }

    @Test
    void extensionAttributesAreNotAcceptedAsUrnQualifiedTopLevelKeys() {
        ResourceNormalizer.Result result = user("{'userName':'u','" + Schemas.ENTERPRISE_USER + ":department':'x'}");
        assertThat(result.resource().has(Schemas.ENTERPRISE_USER)).isFalse();
        assertThat(result.ignored()).hasSize(1);
    }

    @Test
    void entra_2_6_stringBooleansBecomeBooleansWhenLenient() {
        ObjectNode out = user("{'userName':'u','active':'False','emails':[{'value':'a@b','primary':'TRUE'}]}")
                .resource();
        assertThat(out.get("active").isBoolean()).isTrue();
        assertThat(out.get("active").booleanValue()).isFalse();
        assertThat(out.get("emails").get(0).get("primary").booleanValue()).isTrue();
    }

    @Test
    void stringBooleansStayStringsWhenLenientBooleansIsOffSoTheValidatorRejectsThem() {
        ResourceNormalizer strict =
                ResourceNormalizer.builder(SchemaRegistry.standard()).lenientBooleans(false).build();
        ObjectNode out = strict.normalize(Schemas.USER_RESOURCE_TYPE, read("{'userName':'u','active':'False'}"))
                .resource();
        assertThat(out.get("active").asText()).isEqualTo("False");
        SchemaValidator validator = SchemaValidator.builder(SchemaRegistry.standard()).build();
        assertThatThrownBy(() -> validator.validate(Schemas.USER_RESOURCE_TYPE, out, SchemaValidator.Required.ENFORCE))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).isEqualTo(
                        "1 problem with the User: 'active' must be a boolean, not the string \"False\" "
                                + "(boolean strings are accepted only with the BOOLEAN_STRINGS tolerance: scim.patch.tolerance.BOOLEAN_STRINGS)"));
    }

    @Test
    void aSingleValueWhereAnArrayIsExpectedBecomesAOneElementArray() {
        ObjectNode out = user("{'userName':'u','emails':{'value':'a@b'},'schemas':'" + Schemas.USER + "'}").resource();
        assertThat(out.get("emails").isArray()).isTrue();
        assertThat(out.get("emails").get(0).get("value").asText()).isEqualTo("a@b");
        assertThat(out.get("schemas")).hasSize(1);
    }

    @Test
    void namesThatDifferOnlyInCaseAreAmbiguousAndRejected() {
        assertThatThrownBy(() -> user("{'userName':'a','USERNAME':'b'}"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.detail()).isEqualTo("attribute 'USERNAME' appears more than once (names ignore case)");
                });
    }

    @Test
    void anExtensionThatIsNotAnObjectIsInvalidSyntax() {
        assertThatThrownBy(() -> user("{'userName':'u','" + Schemas.ENTERPRISE_USER + "':'Sales'}"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail())
                        .isEqualTo("extension '" + Schemas.ENTERPRISE_USER + "' must be a JSON object"));
    }

    @Test
    void theInputIsNotModified() {
        ObjectNode input = read("{'USERNAME':'u','title':null}");
        ObjectNode before = input.deepCopy();
        normalizer.normalize(Schemas.USER_RESOURCE_TYPE, input);
        assertThat(input).isEqualTo(before);
    }
}
