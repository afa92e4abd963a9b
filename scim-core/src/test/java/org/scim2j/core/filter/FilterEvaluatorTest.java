package org.scim2j.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.Fixtures.DEVICE_TYPE;
import static org.scim2j.core.Fixtures.REGISTRY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scim2j.core.Fixtures;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.Filter;

class FilterEvaluatorTest {

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(REGISTRY);
    private static final ResourceType USER = Schemas.USER_RESOURCE_TYPE;

    private static final ObjectNode DEVICE = Fixtures.json("""
            {"schemas":["urn:example:params:scim:schemas:Device"], "id":"d-1",
             "label":"Core Router", "serial":"SN-ABC", "ports":48, "weight":12.50, "enabled":true,
             "firmware":"AAECAw==", "homepage":"https://Example.com/Router", "exactLink":"https://example.com/X",
             "installed":"2024-03-01T10:00:00+02:00", "tags":["edge","Core"], "readings":[1.5, 2, 30.25],
             "location":{"building":"B1","floor":3},
             "meta":{"lastModified":"2024-03-02T00:00:00Z"}}
            """);

    private static boolean user(String filter) {
        return EVALUATOR.matches(Filter.parse(filter), USER, Fixtures.fullUser());
    }

    private static boolean device(String filter) {
        return EVALUATOR.matches(Filter.parse(filter), DEVICE_TYPE, DEVICE);
    }

    private static ScimException rejected(ResourceType type, String filter) {
        try {
            EVALUATOR.compile(Filter.parse(filter), type);
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError("expected " + filter + " to be rejected");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq "bjensen"                                                                  | false
            name.familyName co "O'Malley"                                                           | false
            userName sw "J"                                                                        | false
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"                             | false
            userName sw "B"                                                                        | true
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "bJ"                            | true
            title pr                                                                               | true
            meta.lastModified gt "2011-05-13T04:42:34Z"                                            | false
            meta.lastModified ge "2011-05-13T04:42:34Z"                                            | true
            meta.lastModified lt "2011-05-13T04:42:34Z"                                            | false
            meta.lastModified le "2011-05-13T04:42:34Z"                                            | true
            title pr and userType eq "Employee"                                                    | true
            title pr or userType eq "Intern"                                                       | true
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"                | false
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")  | true
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | false
            userType eq "Employee" and (emails.type eq "work")                                     | true
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"]          | true
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | true
            """)
    void rfc7644_3_4_2_2_exampleFiltersOnTheRfc7643FullUser(String filter, boolean expected) {
        assertThat(user(filter)).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_4_2_2_schemasFilterFindsTheRfc7643EnterpriseUser() {
        Filter f = Filter.parse("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"");
        assertThat(EVALUATOR.matches(f, USER, Fixtures.enterpriseUser())).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            label eq "core router"            | true
            label ne "core router"            | false
            label ne "switch"                 | true
            label co "E ROU"                  | true
            label sw "CORE"                   | true
            label ew "TER"                    | true
            label ew "Core Router and more"   | false
            label gt "core"                   | true
            label lt "CORE ROUTER"            | false
            label le "CORE ROUTER"            | true
            serial eq "SN-ABC"                | true
            serial eq "sn-abc"                | false
            serial co "abc"                   | false
            serial sw "SN"                    | true
            serial ew "ABC"                   | true
            serial ne "sn-abc"                | true
            serial gt "SN-ABB"                | true
            serial gt "sn"                    | false
            homepage eq "HTTPS://EXAMPLE.COM/ROUTER" | true
            homepage co "example.com"         | true
            exactLink eq "https://example.com/x" | false
            exactLink sw "https://example.com/X" | true
            enabled eq true                   | true
            enabled eq false                  | false
            enabled ne false                  | true
            ports eq 48                       | true
            ports eq 48.0                     | true
            ports ne 48                       | false
            ports gt 47                       | true
            ports ge 48                       | true
            ports lt 48                       | false
            ports le 48.5                     | true
            ports gt 99999999999999999999     | false
            weight eq 12.5                    | true
            weight gt 12                      | true
            weight lt 1E2                     | true
            weight ge 12.51                   | false
            readings eq 2.0                   | true
            readings gt 30                    | true
            readings lt 1                     | false
            firmware eq "AAECAw=="            | true
            firmware eq "aaecaw=="            | false
            firmware ne "AAECAw=="            | false
            installed eq "2024-03-01T08:00:00Z"        | true
            installed eq "2024-03-01T03:00:00-05:00"   | true
            installed gt "2024-03-01T07:59:59.999Z"    | true
            installed lt "2024-03-01T08:00:00.000000001Z" | true
            installed le "2024-03-01T09:00:00+01:00"   | true
            installed gt "2024-03-01T09:00:00+01:00"   | false
            installed ne "2024-03-01T08:00:00Z"        | false
            tags eq "core"                    | true
            tags sw "ed"                      | true
            tags ne "edge"                    | true
            location eq "B1"                  | false
            location.building eq "b1"         | true
            location.floor ge 3               | true
            location[building eq "B1" and floor eq 3] | true
            location[building eq "B1" and floor eq 4] | false
            meta.lastModified gt "2024-03-01T00:00:00Z" | true
            id eq "d-1"                       | true
            id eq "D-1"                       | false
            """)
    void rfc7644_3_4_2_2_everyOperatorOnEveryAttributeType(String filter, boolean expected) {
        if (filter.equals("location eq \"B1\"")) {
            // location has no "value" sub-attribute: comparing the complex attribute itself is a filter error
            assertThat(rejected(DEVICE_TYPE, filter).detail()).contains("'location'");
            return;
        }
        assertThat(device(filter)).as(filter).isEqualTo(expected);
    }

    @Test
    void rfc7643_2_2_caseExactDecidesStringEquality() {
        assertThat(user("userName eq \"BJENSEN@EXAMPLE.COM\"")).isTrue();
        assertThat(user("id eq \"2819C223-7F76-453A-919D-413861904646\"")).isFalse();
        assertThat(user("id eq \"2819c223-7f76-453a-919d-413861904646\"")).isTrue();
        assertThat(user("externalId eq \"701984\"")).isTrue();
        assertThat(user("meta.version eq \"w/\\\"A330BC54F0671C9\\\"\"")).isFalse();
    }

    @Test
    void rfc7644_3_4_2_2_complexAttributesCompareThroughTheirValueSubAttribute() {
        assertThat(user("emails co \"jensen.org\"")).isTrue();
        assertThat(user("emails eq \"babs@jensen.org\"")).isTrue();
        assertThat(user("groups eq \"fc348aa8-3835-40eb-a20b-c726e15c55b5\"")).isTrue();
        ObjectNode group = Fixtures.json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Tour Guides",
                 "members":[{"value":"2819c223-7f76-453a-919d-413861904646","type":"User"}]}
                """);
        Filter members = Filter.parse("members eq \"2819c223-7f76-453a-919d-413861904646\"");
        assertThat(EVALUATOR.matches(members, Schemas.GROUP_RESOURCE_TYPE, group)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("members[type eq \"Group\"]"), Schemas.GROUP_RESOURCE_TYPE, group))
                .isFalse();
    }

    @Test
    void rfc7644_3_4_2_2_valuePathNeedsOneValueToSatisfyTheWholeInnerFilter() {
        // the work address is in Hollywood and so is the home address, but only the home one is not primary
        assertThat(user("addresses[type eq \"work\" and primary eq true]")).isTrue();
        assertThat(user("addresses[type eq \"home\" and primary eq true]")).isFalse();
        assertThat(user("emails[type eq \"home\" and value ew \"@example.com\"]")).isFalse();
        assertThat(user("emails[TYPE eq \"HOME\" and not (primary pr)]")).isTrue();
        assertThat(user("phoneNumbers[type eq \"mobile\"] and emails[primary eq true]")).isTrue();
    }

    @Test
    void rfc7644_3_10_extensionAttributesAreReachedThroughTheirUrn() {
        ObjectNode user = Fixtures.enterpriseUser();
        String ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        assertThat(EVALUATOR.matches(Filter.parse(ext + "employeeNumber eq \"701984\""), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse(ext + "manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\""),
                USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse(ext + "manager.displayName co \"smith\""), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse(ext + "costCenter pr"), USER, Fixtures.fullUser())).isFalse();
        assertThat(EVALUATOR.matches(Filter.parse(ext + "manager[displayName sw \"john\" and value pr]"), USER,
                user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse(ext + "manager[displayName eq \"Jane\"]"), USER, user)).isFalse();
        assertThat(EVALUATOR.matches(Filter.parse(ext.toUpperCase(java.util.Locale.ROOT) + "DIVISION eq \"theme park\""),
                USER, user)).isTrue();
        assertThat(rejected(USER, "employeeNumber eq \"701984\"").detail()).contains(ext + "employeeNumber");
    }

    @Test
    void rfc7644_3_4_2_2_presenceTreatsNullEmptyStringAndEmptyArrayAsAbsent() {
        ObjectNode user = Fixtures.json("""
                {"userName":"x","nickName":null,"title":"","emails":[],"ims":[{"value":""}],
                 "name":{"givenName":null},"phoneNumbers":[{"value":"1"}]}
                """);
        ResourceFilter nickName = EVALUATOR.compile(Filter.parse("nickName pr"), USER);
        assertThat(nickName.matches(user)).isFalse();
        for (String absent : new String[] {"nickName", "title", "emails", "ims", "ims.value", "name", "displayName"}) {
            assertThat(EVALUATOR.matches(Filter.parse(absent + " pr"), USER, user)).as(absent).isFalse();
            assertThat(EVALUATOR.matches(Filter.parse(absent + " eq null"), USER, user)).as(absent).isTrue();
            assertThat(EVALUATOR.matches(Filter.parse(absent + " ne null"), USER, user)).as(absent).isFalse();
        }
        assertThat(EVALUATOR.matches(Filter.parse("phoneNumbers pr"), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("phoneNumbers.value ne null"), USER, user)).isTrue();
    }

    @Test
    void neMatchesWhenTheAttributeIsAbsentOrAnyValueDiffers() {
        assertThat(user("nickName ne \"Babs\"")).isFalse();
        assertThat(user("name.honorificPrefix pr")).isTrue();
        ObjectNode noNick = Fixtures.fullUser();
        noNick.remove("nickName");
        assertThat(EVALUATOR.matches(Filter.parse("nickName ne \"Babs\""), USER, noNick)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("nickName eq \"Babs\""), USER, noNick)).isFalse();
        // multi-valued: any value that differs matches (RFC 7644 §3.4.2.2)
        assertThat(user("emails.type ne \"work\"")).isTrue();
        assertThat(user("ims.type ne \"aim\"")).isFalse();
    }

    @Test
    void rfc7643_2_1_keysInAnotherCaseAreFoundWhenTheCanonicalKeyIsMissing() {
        ObjectNode user = Fixtures.json("""
                {"USERNAME":"bjensen","Emails":[{"VALUE":"b@example.com","Type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user":{"EmployeeNumber":"7"}}
                """);
        assertThat(EVALUATOR.matches(Filter.parse("userName eq \"bjensen\""), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("emails[type eq \"work\"]"), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("emails.value co \"@example\""), USER, user)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\""), USER, user))
                .isTrue();
    }

    @Test
    void valuesOfAnUnexpectedJsonTypeDoNotMatchAndDoNotThrow() {
        ObjectNode odd = Fixtures.json("""
                {"label":42, "serial":["SN-ABC"], "ports":"48", "weight":"heavy", "enabled":"true",
                 "installed":"yesterday", "tags":"edge", "location":"B1", "readings":[{"x":1}, null, "2"],
                 "firmware":{"a":1}, "meta":[1,2]}
                """);
        String[] filters = {"label eq \"42\"", "label ne \"x\"", "ports eq 48", "weight gt 1", "enabled eq true",
            "installed gt \"2000-01-01T00:00:00Z\"", "location.building eq \"B1\"", "readings eq 2",
            "firmware eq \"AA==\"", "meta.lastModified pr", "location[floor eq 1]"};
        for (String f : filters) {
            assertThat(EVALUATOR.matches(Filter.parse(f), DEVICE_TYPE, odd)).as(f).isFalse();
        }
        // a lone value where an array was expected, and an array where a single value was expected, still compare
        assertThat(EVALUATOR.matches(Filter.parse("tags eq \"edge\""), DEVICE_TYPE, odd)).isTrue();
        assertThat(EVALUATOR.matches(Filter.parse("serial eq \"SN-ABC\""), DEVICE_TYPE, odd)).isTrue();
        JsonNode notAnObject = Fixtures.JSON.getNodeFactory().textNode("x");
        assertThat(EVALUATOR.compile(Filter.parse("label pr"), DEVICE_TYPE).matches(notAnObject)).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            User   | nosuch eq "x"                                  | 'nosuch'
            User   | name.nosuch pr                                 | 'name' has no sub-attribute 'nosuch'
            User   | emails[nosuch eq "x"]                          | 'nosuch'
            User   | userName[value eq "x"]                         | 'userName' is not a complex attribute
            User   | active gt true                                 | 'active'
            User   | active eq "yes"                                | 'active' is boolean
            User   | active co "t"                                  | 'active'
            User   | meta.lastModified gt "not a date"              | 'meta.lastModified' is a dateTime
            User   | meta.lastModified gt "2011-02-30T00:00:00Z"    | 'meta.lastModified' is a dateTime
            User   | meta.lastModified gt 2011                      | 'meta.lastModified' is dateTime
            User   | meta.created co "2011"                         | 'meta.created'
            User   | userName eq 12                                 | 'userName' is string
            User   | userName eq true                               | 'userName' is string
            User   | userName gt null                               | 'userName'
            User   | name eq "Barbara"                              | 'name'
            User   | name gt "B"                                    | 'name'
            User   | password eq "t1meMa$heen"                      | 'password' is never returned
            User   | password pr                                    | 'password' is never returned
            User   | x509Certificates.value gt "A"                  | 'x509Certificates.value'
            User   | x509Certificates.value co "A"                  | 'x509Certificates.value'
            User   | employeeNumber eq "1"                          | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber
            Group  | userName eq "x"                                | 'userName'
            Device | ports eq "48"                                  | 'ports' is integer
            Device | weight eq "12.5"                               | 'weight' is decimal
            Device | ports co "4"                                   | 'ports'
            Device | enabled le true                                | 'enabled'
            Device | firmware gt "A"                                | 'firmware'
            Device | secret eq "s"                                  | 'secret' is never returned
            """)
    void rfc7644_3_4_2_2_invalidFiltersAreRejectedAtCompileTimeNamingTheAttribute(String type, String filter,
                                                                                   String detail) {
        ScimException e = rejected(REGISTRY.resourceType(type).orElseThrow(), filter);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
        assertThat(e.detail()).contains(detail);
    }

    @Test
    void aCompiledFilterIsReusableAcrossResources() {
        ResourceFilter employees = EVALUATOR.compile(Filter.parse("userType eq \"employee\""), USER);
        ObjectNode intern = Fixtures.fullUser().put("userType", "Intern");
        assertThat(employees.matches(Fixtures.fullUser())).isTrue();
        assertThat(employees.matches(intern)).isFalse();
        assertThat(employees.test(Fixtures.fullUser())).isTrue();
        assertThat(employees.resourceType()).isEqualTo(USER);
        assertThat(employees.filter()).isEqualTo(Filter.parse("userType eq \"employee\""));
    }

    @Test
    void aCompiledFilterCarriesTheAttributeEachTestNamesAsTheSchemaResolvedIt() {
        Filter filter = Filter.parse("USERNAME eq \"x\" or (emails[Type eq \"work\" and value co \"@\"] and "
                + "not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr)) or userName sw \"a\"");

        ResourceFilter compiled = EVALUATOR.compile(filter, USER);

        assertThat(compiled.attributes()).extracting(r -> r.canonicalPath()).containsExactly("userName", "emails",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");
        org.scim2j.filter.Or or = (org.scim2j.filter.Or) filter;
        org.scim2j.filter.And and = (org.scim2j.filter.And) or.operands().get(1);
        org.scim2j.filter.ValuePath emails = (org.scim2j.filter.ValuePath) and.operands().get(0);
        org.scim2j.filter.And inner = (org.scim2j.filter.And) emails.filter();
        assertThat(compiled.attributeOf(emails).canonicalPath()).isEqualTo("emails");
        assertThat(compiled.attributeOf(inner.operands().get(0)).canonicalPath()).isEqualTo("emails.type");
        assertThat(compiled.attributeOf(inner.operands().get(1)).target().caseExact()).isFalse();
        assertThat(compiled.attributeOf(or.operands().get(0)).target().name()).isEqualTo("userName");
        assertThatThrownBy(() -> compiled.attributeOf(and)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiled.attributeOf(Filter.parse("userName eq \"x\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
