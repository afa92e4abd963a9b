package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.ResourceSorter;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.filter.Or;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.sql.DocumentFixture.ENTERPRISE;
import static org.scim2j.spi.sql.SqlFixture.EXT;

/**
 * The differential test of document-kept attributes on PostgreSQL {@code jsonb}: for every filter, the rows the
 * translated SQL selects are the users scim-core's FilterEvaluator matches, and ORDER BY orders as ResourceSorter
 * does, when everything but {@code id}, {@code userName} and {@code meta.created} lives in the document. Runs when
 * {@code SCIM_TEST_JDBC_URL} names a PostgreSQL database.
 */
@EnabledIfEnvironmentVariable(named = "SCIM_TEST_JDBC_URL", matches = "jdbc:postgresql:.+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDocumentDifferentialTest {

    /** Filters on attributes only the document holds, on top of the column table's filters. */
    static final List<String> DOCUMENT_FILTERS = List.of(
            "title eq \"engineer\"",
            "title co \"ENG\"",
            "title sw \"%\"",
            "title co \"_off\"",
            "title ew \"\\\\slash\"",
            "title co \"'\"",
            "title eq \"zürich LEAD\"",
            "title pr",
            "not (title pr)",
            "title eq null",
            "title ne \"Engineer\"",
            "title eq \"\"",
            "title gt \"m\"",
            "title le \"Senior\"",
            "name.givenName eq \"barbara\"",
            "name.familyName sw \"j\"",
            "name.givenName pr and not (name.familyName pr)",
            "name[givenName eq \"John\" and familyName pr]",
            "name[familyName co \"e\" or givenName eq \"alice\"]",
            ENTERPRISE + ":employeeNumber eq \"e3\"",
            ENTERPRISE + ":employeeNumber sw \"E1\"",
            ENTERPRISE + ":employeeNumber pr",
            ENTERPRISE + ":department eq \"SALES\"",
            ENTERPRISE + ":department co \"&\"",
            ENTERPRISE + ":manager eq \"u04\"",
            ENTERPRISE + ":manager.value eq \"u07\"",
            ENTERPRISE + ":manager pr",
            "not (" + ENTERPRISE + ":manager pr)",
            ENTERPRISE + ":manager[value sw \"u0\"]",
            "phoneNumbers[type eq \"work\" and value sw \"+1\"]",
            "phoneNumbers[type eq \"mobile\"]",
            "phoneNumbers.value co \"555 012\"",
            "phoneNumbers pr",
            "not (phoneNumbers pr)",
            "phoneNumbers.primary eq true",
            "phoneNumbers[primary eq false and type eq \"work\"]",
            "addresses.locality eq \"PARIS\"",
            "addresses[country eq \"FR\" or locality co \"york\"]",
            "addresses.formatted co \"main st\"",
            "addresses[type eq \"home\" and not (country eq \"US\")]",
            EXT + ":tags eq \"ALPHA\"",
            EXT + ":tags co \"amm\"",
            EXT + ":tags pr",
            EXT + ":tags ne \"alpha\"",
            "not (" + EXT + ":tags eq \"beta\")",
            "title pr and " + ENTERPRISE + ":department pr or emails[type eq \"work\"]",
            "userName sw \"j\" and " + ENTERPRISE + ":employeeNumber pr");

    static final List<String> SORT_KEYS = List.of("title", "name.familyName", "name.givenName", "emails",
            "emails.value", "emails.type", "emails.primary", "phoneNumbers.value", "addresses.locality",
            EXT + ":tags", EXT + ":score", EXT + ":loginCount", ENTERPRISE + ":employeeNumber",
            ENTERPRISE + ":manager.value", "active", "displayName", "externalId", "userName", "meta.created", "id");

    private final FilterEvaluator evaluator = new FilterEvaluator(SqlFixture.REGISTRY);
    private final List<ObjectNode> users = DocumentFixture.users();
    private final SqlFilterTranslator translator = DocumentFixture.translator();
    private SqlFilterTranslator indexed;
    private final String schema = "scim_doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection connection;

    @BeforeAll
    void createTable() throws SQLException {
        connection = DriverManager.getConnection(System.getenv("SCIM_TEST_JDBC_URL"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_USER"), "postgres"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_PASSWORD"), ""));
        try (var st = connection.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        DocumentFixture.createTable(connection, schema);
        try (var st = connection.createStatement()) {
            st.execute(JsonbIndexes.valuesFunction(schema + ".scim_values"));
            st.execute(JsonbIndexes.valuesIndex("idx_doc_emails", schema + ".users", "attributes",
                    DocumentFixture.LAYOUT, "emails.value", schema + ".scim_values"));
            st.execute(JsonbIndexes.valuesIndex("idx_doc_phones", schema + ".users", "attributes",
                    DocumentFixture.LAYOUT, "phoneNumbers.type", schema + ".scim_values"));
            st.execute(JsonbIndexes.valueIndex("idx_doc_title", schema + ".users", "attributes",
                    DocumentFixture.LAYOUT, "title"));
        }
        indexed = DocumentFixture.translatorBuilder()
                .valuesIndex("emails.value", schema + ".scim_values")
                .valuesIndex("phoneNumbers.type", schema + ".scim_values")
                .build();
    }

    @AfterAll
    void dropTable() throws SQLException {
        if (connection != null) {
            try (var st = connection.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } finally {
                connection.close();
            }
        }
    }

    static Stream<String> filters() {
        return Stream.concat(SqlDifferentialContract.FILTERS.stream(), DOCUMENT_FILTERS.stream());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void documentAttributes_sqlSelectsWhatTheEvaluatorMatches(String text) throws SQLException {
        Filter filter = Filter.parse(text);
        assertThat(translator.supports(filter)).as("pushed down: %s", text).isTrue();
        SqlCondition where = translator.translate(filter);
        assertThat(SqlFixture.select(connection, schema, where)).as("SQL %s %s", where.sql(), where.parameters())
                .isEqualTo(evaluate(filter));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void withIndexedValueArrays_sqlStillSelectsWhatTheEvaluatorMatches(String text) throws SQLException {
        Filter filter = Filter.parse(text);
        SqlCondition where = indexed.translate(filter);
        assertThat(SqlFixture.select(connection, schema, where)).as("SQL %s %s", where.sql(), where.parameters())
                .isEqualTo(evaluate(filter));
    }

    @Test
    void anEqualityOnAnIndexedValueArrayIsAlsoWrittenAsAContainmentTheIndexServes() {
        SqlCondition where = indexed.translate(Filter.parse("emails[type eq \"work\" and value eq \"X@Y\"]"));
        assertThat(where.sql()).startsWith("(" + schema + ".scim_values((u.attributes -> 'emails'), 'value', true)"
                + " @> ARRAY[LOWER(CAST(? AS TEXT))] AND EXISTS (");
        assertThat(where.parameters()).containsExactly("X@Y", "work", "X@Y");
        assertThat(indexed.translate(Filter.parse("phoneNumbers.type eq \"work\"")).sql()).contains(" @> ARRAY[");
        assertThat(indexed.translate(Filter.parse("emails.value co \"x\"")).sql()).doesNotContain(" @> ");
    }

    @Test
    void theDocumentFiltersDiscriminate() throws SQLException {
        // a filter that selects nobody or everybody proves little
        int proper = 0;
        for (String text : DOCUMENT_FILTERS) {
            int n = SqlFixture.select(connection, schema, translator.translate(Filter.parse(text))).size();
            if (n > 0 && n < users.size()) {
                proper++;
            }
        }
        assertThat(proper).isGreaterThanOrEqualTo(DOCUMENT_FILTERS.size() * 9 / 10);
    }

    static Stream<String> sortKeys() {
        return SORT_KEYS.stream();
    }

    @ParameterizedTest(name = "[{index}] sortBy={0}")
    @MethodSource("sortKeys")
    void orderByOnDocumentAttributesOrdersAsResourceSorterThenId(String sortBy) throws SQLException {
        AttributePath path = AttributePath.parse(sortBy);
        assertThat(translator.sorts(path)).isTrue();
        for (SortOrder order : SortOrder.values()) {
            Comparator<JsonNode> inMemory = ResourceSorter.comparator(SqlFixture.REGISTRY, SqlFixture.USER, path, order)
                    .thenComparing(n -> n.get("id").textValue());
            List<String> expected = users.stream().map(u -> (JsonNode) u).sorted(inMemory)
                    .map(n -> n.get("id").textValue()).toList();
            SqlOrder sql = translator.orderBy(path, order);
            assertThat(SqlFixture.ordered(connection, schema, sql)).as("ORDER BY %s", sql.sql())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theStoredDocumentReadsBackAsTheUserThatWasWritten() throws SQLException {
        for (ObjectNode user : users) {
            ObjectNode view = user.objectNode();
            view.set("id", user.get("id"));
            view.set("meta", user.get("meta"));
            if (user.has("userName")) {
                view.set("userName", user.get("userName"));
            }
            String stored = SqlFixture.query(connection, "SELECT attributes::text FROM " + schema
                    + ".users WHERE uuid = ?", List.of(user.get("id").asText())).iterator().next();
            // compared as JSON text read back: a decimal 0 written as "0" is the integer node 0 when read
            assertThat(reread(DocumentFixture.LAYOUT.readTree(view, stored, Map.of()))).isEqualTo(reread(user));
        }
    }

    private static JsonNode reread(JsonNode node) {
        try {
            return READER.readTree(node.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER =
            new com.fasterxml.jackson.databind.ObjectMapper().enable(
                    com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void randomCombinationsAgree() throws SQLException {
        Random random = new Random(7643);
        List<Filter> leaves = filters().map(Filter::parse).filter(f -> !(f instanceof And || f instanceof Or))
                .toList();
        for (int i = 0; i < 300; i++) {
            Filter filter = randomFilter(random, leaves, 3);
            SqlCondition where = translator.translate(filter);
            assertThat(SqlFixture.select(connection, schema, where)).as("%s -> %s", filter, where.sql())
                    .isEqualTo(evaluate(filter));
        }
    }

    private static Filter randomFilter(Random random, List<Filter> leaves, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(4);
        return switch (kind) {
            case 1 -> Filter.and(randomFilter(random, leaves, depth - 1), randomFilter(random, leaves, depth - 1));
            case 2 -> Filter.or(randomFilter(random, leaves, depth - 1), randomFilter(random, leaves, depth - 1));
            case 3 -> Filter.not(randomFilter(random, leaves, depth - 1));
            default -> leaves.get(random.nextInt(leaves.size()));
        };
    }

    private Set<String> evaluate(Filter filter) {
        ResourceFilter compiled = evaluator.compile(filter, SqlFixture.USER);
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode user : users) {
            if (compiled.test(user)) {
                matched.add(user);
            }
        }
        return matched.stream().map(n -> n.get("id").textValue()).collect(Collectors.toCollection(TreeSet::new));
    }
}
