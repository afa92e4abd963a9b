package org.scim2j.core.query;

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
import org.scim2j.filter.AttributePath;

import java.util.ArrayList;
import java.util.List;

class ResourceSorterTest {

    private static final ResourceType USER = Schemas.USER_RESOURCE_TYPE;

    private static List<String> sortedIds(ResourceType type, String sortBy, SortOrder order, String... resources) {
        List<JsonNode> list = new ArrayList<>();
        for (String r : resources) {
            list.add(Fixtures.json(r));
        }
        list.sort(ResourceSorter.comparator(REGISTRY, type, AttributePath.parse(sortBy), order)
                .thenComparing(n -> n.path("id").asText()));
        return list.stream().map(n -> n.path("id").asText()).toList();
    }

    @Test
    void rfc7644_3_4_2_3_stringsSortCaseInsensitivelyUnlessCaseExact() {
        String[] users = {"{\"id\":\"1\",\"userName\":\"bob\"}", "{\"id\":\"2\",\"userName\":\"Alice\"}",
            "{\"id\":\"3\",\"userName\":\"ALICE\"}", "{\"id\":\"4\",\"userName\":\"carol\"}"};
        assertThat(sortedIds(USER, "userName", SortOrder.ASCENDING, users)).containsExactly("2", "3", "1", "4");
        String[] devices = {"{\"id\":\"1\",\"serial\":\"b\"}", "{\"id\":\"2\",\"serial\":\"B\"}",
            "{\"id\":\"3\",\"serial\":\"a\"}"};
        assertThat(sortedIds(DEVICE_TYPE, "serial", SortOrder.ASCENDING, devices)).containsExactly("2", "3", "1");
    }

    @Test
    void rfc7644_3_4_2_3_resourcesWithoutAValueSortLastAscendingAndFirstDescending() {
        String[] users = {"{\"id\":\"1\"}", "{\"id\":\"2\",\"title\":\"b\"}", "{\"id\":\"3\",\"title\":null}",
            "{\"id\":\"4\",\"title\":\"a\"}", "{\"id\":\"5\",\"title\":7}"};
        assertThat(sortedIds(USER, "title", SortOrder.ASCENDING, users)).containsExactly("4", "2", "1", "3", "5");
        List<JsonNode> list = new ArrayList<>();
        for (String u : users) {
            list.add(Fixtures.json(u));
        }
        list.sort(ResourceSorter.comparator(REGISTRY, USER, AttributePath.parse("title"), SortOrder.DESCENDING));
        assertThat(list.subList(3, 5)).extracting(n -> n.path("title").asText()).containsExactly("b", "a");
    }

    @Test
    void rfc7644_3_4_2_3_multiValuedAttributesSortByThePrimaryValueElseTheFirst() {
        String[] users = {
            "{\"id\":\"1\",\"emails\":[{\"value\":\"a@x\"},{\"value\":\"z@x\",\"primary\":true}]}",
            "{\"id\":\"2\",\"emails\":[{\"value\":\"m@x\"},{\"value\":\"b@x\"}]}",
            "{\"id\":\"3\",\"emails\":[]}"};
        assertThat(sortedIds(USER, "emails", SortOrder.ASCENDING, users)).containsExactly("2", "1", "3");
        assertThat(sortedIds(USER, "emails.value", SortOrder.ASCENDING, users)).containsExactly("2", "1", "3");
        assertThat(sortedIds(USER, "emails.value", SortOrder.DESCENDING, users)).containsExactly("3", "1", "2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ports     | {"id":"1","ports":10}  | {"id":"2","ports":9}      | {"id":"3","ports":9.5}   | 2,3,1
            weight    | {"id":"1","weight":1.0} | {"id":"2","weight":1}    | {"id":"3","weight":-2}   | 3,1,2
            enabled   | {"id":"1","enabled":true} | {"id":"2","enabled":false} | {"id":"3"}           | 2,1,3
            installed | {"id":"1","installed":"2024-01-01T10:00:00+02:00"} | {"id":"2","installed":"2024-01-01T09:00:00Z"} | {"id":"3","installed":"2024-01-01T03:30:00-05:00"} | 1,3,2
            readings  | {"id":"1","readings":[5,1]} | {"id":"2","readings":[3]} | {"id":"3","readings":"x"} | 2,1,3
            location.floor | {"id":"1","location":{"floor":2}} | {"id":"2","location":{"floor":-1}} | {"id":"3","location":{}} | 2,1,3
            """)
    void rfc7644_3_4_2_3_valuesSortByTheirType(String sortBy, String a, String b, String c, String expected) {
        assertThat(sortedIds(DEVICE_TYPE, sortBy, SortOrder.ASCENDING, a, b, c))
                .containsExactly(expected.split(","));
    }

    @Test
    void equalKeysTieSoTheCallersTieBreakerDecides() {
        var comparator = ResourceSorter.comparator(REGISTRY, DEVICE_TYPE, AttributePath.parse("weight"),
                SortOrder.ASCENDING);
        assertThat(comparator.compare(Fixtures.json("{\"weight\":1.0}"), Fixtures.json("{\"weight\":1}"))).isZero();
        assertThat(comparator.compare(Fixtures.json("{}"), Fixtures.json("{\"weight\":\"x\"}"))).isZero();
        var userName = ResourceSorter.comparator(REGISTRY, USER, AttributePath.parse("USERNAME"), null);
        assertThat(userName.compare(Fixtures.json("{\"userName\":\"Bob\"}"), Fixtures.json("{\"userName\":\"bOB\"}")))
                .isZero();
    }

    @Test
    void extensionAndCommonAttributesSort() {
        ObjectNode a = Fixtures.enterpriseUser();
        ObjectNode b = Fixtures.enterpriseUser();
        ((ObjectNode) b.get(Schemas.ENTERPRISE_USER)).put("employeeNumber", "1");
        var byNumber = ResourceSorter.comparator(REGISTRY, USER, AttributePath.parse(Schemas.ENTERPRISE_USER
                + ":employeeNumber"), SortOrder.ASCENDING);
        assertThat(byNumber.compare(b, a)).isNegative();
        var byLastModified = ResourceSorter.comparator(REGISTRY, USER, AttributePath.parse("meta.lastModified"),
                SortOrder.DESCENDING);
        b.withObjectProperty("meta").put("lastModified", "2020-01-01T00:00:00Z");
        assertThat(byLastModified.compare(b, a)).isNegative();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nosuch          | 'nosuch'
            name.nosuch     | 'name' has no sub-attribute 'nosuch'
            name            | sortBy 'name' is a complex attribute
            password        | sortBy 'password' is never returned
            employeeNumber  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber
            """)
    void rfc7644_3_4_2_3_unusableSortByIsInvalidValueNamingIt(String sortBy, String detail) {
        assertThatThrownBy(() -> ResourceSorter.comparator(REGISTRY, USER, AttributePath.parse(sortBy),
                SortOrder.ASCENDING)).isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains(detail);
                });
    }

    @Test
    void rfc7644_3_4_2_3_sortOrderIsParsedIgnoringCaseAndDefaultsToAscending() {
        assertThat(SortOrder.parse(null)).isEqualTo(SortOrder.ASCENDING);
        assertThat(SortOrder.parse(" ")).isEqualTo(SortOrder.ASCENDING);
        assertThat(SortOrder.parse("Descending")).isEqualTo(SortOrder.DESCENDING);
        assertThat(SortOrder.parse("ASCENDING ")).isEqualTo(SortOrder.ASCENDING);
        assertThat(SortOrder.DESCENDING.wireName()).isEqualTo("descending");
        assertThatThrownBy(() -> SortOrder.parse("down")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).contains("'down'"));
    }

    @Test
    void rfc7644_3_4_2_3_aSortKeyIsResolvedOnceAndSortsAsTheComparatorSays() {
        SortKey key = SortKey.resolve(REGISTRY, USER, AttributePath.parse("EMAILS"), null);

        assertThat(key.attribute().canonicalPath()).isEqualTo("emails");
        assertThat(key.keyDefinition().name()).isEqualTo("value");
        assertThat(key.order()).isEqualTo(SortOrder.ASCENDING);
        List<JsonNode> users = new ArrayList<>(List.of(
                Fixtures.json("{\"id\":\"1\",\"emails\":[{\"value\":\"z@x\"},{\"value\":\"b@x\",\"primary\":true}]}"),
                Fixtures.json("{\"id\":\"2\",\"emails\":[{\"value\":\"c@x\"}]}")));
        users.sort(key.comparator());
        assertThat(users).extracting(n -> n.path("id").asText()).containsExactly("1", "2");
        assertThatThrownBy(() -> SortKey.resolve(REGISTRY, USER, AttributePath.parse("name"), SortOrder.ASCENDING))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType())
                        .isEqualTo(ScimType.INVALID_VALUE));
        assertThatThrownBy(() -> SortKey.resolve(REGISTRY, USER, AttributePath.parse("password"), null))
                .isInstanceOf(ScimException.class).hasMessageContaining("never returned");
    }
}
