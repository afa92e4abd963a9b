package org.scim2j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;
import java.util.List;

class SchemaValidatorTest {

    private final ScimJson json = ScimJson.defaults();
    private final SchemaValidator validator = SchemaValidator.builder(SchemaRegistry.standard()).build();
    private static final String CORE = "'schemas':['" + Schemas.USER + "'],";

    private ObjectNode read(String body) {
        return json.readObject(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private List<String> userProblems(String body) {
        return validator.problems(Schemas.USER_RESOURCE_TYPE, read(body), SchemaValidator.Required.ENFORCE);
    }

    @Test
    void rfc7644_3_12_reportsEveryProblemAtOnceInOneInvalidValue() {
        ObjectNode body = read("{" + CORE + "'active':1,'emails':[{'value':'a@b','primary':true},"
                + "{'value':'c@d','primary':true}],'meta':{'created':'yesterday'},'name':'Babs'}");
        assertThatThrownBy(() -> validator.validate(Schemas.USER_RESOURCE_TYPE, body, SchemaValidator.Required.ENFORCE))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).isEqualTo("5 problems with the User: "
                            + "'active' must be a boolean, not the number 1; "
                            + "'emails' has 2 values with \"primary\": true; at most one is allowed (RFC 7643 §2.4); "
                            + "'meta.created' must be a dateTime (RFC 7643 §2.3.5), such as "
                            + "2011-08-01T18:29:49.793Z, not the string \"yesterday\"; "
                            + "'name' must be an object, not the string \"Babs\"; "
                            + "'userName' is required");
                });
    }

    @Test
    void rfc7643_8_theRfcExamplesAreValid() {
        for (String example : List.of("8.1-minimal-user.json", "8.2-full-user.json", "8.3-enterprise-user.json")) {
            ObjectNode user = json.readObject(getClass().getResourceAsStream("/org/scim2j/core/rfc7643/" + example));
            assertThat(validator.problems(Schemas.USER_RESOURCE_TYPE, user, SchemaValidator.Required.ENFORCE))
                    .as(example).isEmpty();
        }
        ObjectNode group = json.readObject(getClass().getResourceAsStream("/org/scim2j/core/rfc7643/8.4-group.json"));
        assertThat(validator.problems(Schemas.GROUP_RESOURCE_TYPE, group, SchemaValidator.Required.ENFORCE)).isEmpty();
    }

    @Test
    void requiredChecksCanBeSkippedAndIgnoreServerAssignedIdAndMeta() {
        ObjectNode noUserName = read("{" + CORE + "'displayName':'Babs'}");
        assertThat(validator.problems(Schemas.USER_RESOURCE_TYPE, noUserName, SchemaValidator.Required.SKIP)).isEmpty();
        assertThat(validator.problems(Schemas.USER_RESOURCE_TYPE, noUserName, SchemaValidator.Required.ENFORCE))
                .containsExactly("'userName' is required");
    }

    @Test
    void rfc7643_2_3_dataTypesAreChecked() {
        assertThat(userProblems("{" + CORE + "'userName':7,'profileUrl':false,"
                + "'x509Certificates':[{'value':'not base64!'}],'meta':{'lastModified':'2011-05-13T24:42:34Z'}}"))
                .containsExactly(
                        "'userName' must be a string, not the number 7",
                        "'profileUrl' must be a reference (a URI string), not false",
                        "'x509Certificates[0].value' must be base64-encoded binary, not the string \"not base64!\"",
                        "'meta.lastModified' must be a dateTime (RFC 7643 §2.3.5), such as "
                                + "2011-08-01T18:29:49.793Z, not the string \"2011-05-13T24:42:34Z\"");
    }

    @Test
    void rfc7643_2_3_4_integersHaveNoFractionAndDecimalsAreNumbers() {
        Schema device = new Schema("urn:example:Device", "Device", null, List.of(
                AttributeDefinition.builder("ports", AttributeType.INTEGER).build(),
                AttributeDefinition.builder("weight", AttributeType.DECIMAL).build()));
        ResourceType type = new ResourceType("Device", "Device", null, "/Devices", "urn:example:Device", List.of());
        SchemaRegistry registry = SchemaRegistry.builder().addSchema(device).addResourceType(type).build();
        SchemaValidator v = SchemaValidator.builder(registry).build();
        String schemas = "'schemas':['urn:example:Device'],";
        assertThat(v.problems(type, read("{" + schemas + "'ports':4,'weight':1.5}"), SchemaValidator.Required.ENFORCE))
                .isEmpty();
        assertThat(v.problems(type, read("{" + schemas + "'ports':4.0,'weight':'heavy'}"),
                SchemaValidator.Required.ENFORCE)).containsExactly(
                "'ports' must be an integer (no fraction or exponent), not the number 4.0",
                "'weight' must be a number, not the string \"heavy\"");
    }

    @Test
    void singleAndMultiValuedShapesAreChecked() {
        assertThat(userProblems("{" + CORE + "'userName':'u','displayName':['a'],'emails':{'value':'a@b'}}"))
                .containsExactly("'displayName' is single-valued, but got an array",
                        "'emails' is multi-valued and must be an array, not an object");
    }

    @Test
    void unknownNamesAndSchemaMismatchesAreProblemsInRawInput() {
        assertThat(userProblems("{'schemas':['urn:example:other'],'userName':'u','colour':'teal',"
                + "'name':{'nick':'b'},'" + Schemas.ENTERPRISE_USER + "':{'department':'x'}}"))
                .containsExactly("'colour' is not an attribute of User",
                        "'name.nick' is not a sub-attribute of 'name'",
                        "'schemas' lists \"urn:example:other\", which is not a schema of User",
                        "'schemas' must list " + Schemas.USER,
                        "'schemas' must list " + Schemas.ENTERPRISE_USER + " because the extension is present");
        assertThat(userProblems("{'userName':'u'}")).containsExactly("'schemas' is required (RFC 7643 §3)");
    }

    @Test
    void passwordsAreNeverEchoedInProblems() {
        assertThat(userProblems("{" + CORE + "'userName':'u','password':12345678}"))
                .containsExactly("'password' must be a string, not a number (value hidden)");
    }

    @Test
    void rfc7643_7_canonicalValuesAreSuggestionsUnlessEnforcedAndCompareIgnoringCase() {
        ObjectNode body = read("{" + CORE + "'userName':'u','emails':[{'value':'a@b','type':'WORK'},"
                + "{'value':'c@d','type':'private'}]}");
        assertThat(validator.problems(Schemas.USER_RESOURCE_TYPE, body, SchemaValidator.Required.ENFORCE)).isEmpty();
        SchemaValidator strict =
                SchemaValidator.builder(SchemaRegistry.standard()).enforceCanonicalValues(true).build();
        assertThat(strict.problems(Schemas.USER_RESOURCE_TYPE, body, SchemaValidator.Required.ENFORCE))
                .containsExactly("'emails[1].type' must be one of [work, home, other], not the string \"private\"");
    }

    @Test
    void normalizedOktaAndEntraCreateBodiesAreValid() {
        ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
        ObjectNode okta = read("{" + CORE + "'userName':'test.user@okta.local','name':{'givenName':'Test',"
                + "'familyName':'User'},'emails':[{'primary':true,'value':'test.user@okta.local','type':'work'}],"
                + "'displayName':'Test User','locale':'en-US','externalId':'00ujl29u0le5T6Aj10h7','groups':[],"
                + "'password':'1mz050nq','active':true}");
        ObjectNode entra = read("{'schemas':['" + Schemas.USER + "','" + Schemas.ENTERPRISE_USER + "'],"
                + "'externalId':'0a21f0f2','userName':'Test_User','active':'True','emails':[{'primary':true,"
                + "'type':'work','value':'Test_User@testuser.com'}],'meta':{'resourceType':'User'},"
                + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'},"
                + "'roles':[],'addresses':null,'title':null}");
        for (ObjectNode body : List.of(okta, entra)) {
            ObjectNode canonical = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, body).resource();
            validator.validate(Schemas.USER_RESOURCE_TYPE, canonical, SchemaValidator.Required.ENFORCE);
            assertThat(canonical.get("userName").isTextual()).isTrue();
        }
    }

    @Test
    void longProblemListsAreCapped() {
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            emails.append(i == 0 ? "" : ",").append("{'value':").append(i).append('}');
        }
        ObjectNode body = read("{" + CORE + "'userName':'u','emails':[" + emails + "]}");
        assertThatThrownBy(() -> validator.validate(Schemas.USER_RESOURCE_TYPE, body, SchemaValidator.Required.ENFORCE))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail())
                        .startsWith("60 problems with the User: 'emails[0].value' must be a string")
                        .endsWith("; and 10 more"));
    }
}
