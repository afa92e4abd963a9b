package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.ResourceSorter;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.filter.Or;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.spi.sql.SqlFixture.EXT;

/**
 * The differential test: for every filter of a table, the rows a real database selects with the translated SQL are
 * the users scim-core's FilterEvaluator matches in their SCIM JSON; and ORDER BY orders as ResourceSorter does.
 * Subclasses provide the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlDifferentialContract {

    static final List<String> FILTERS = List.of(
            "userName eq \"bjensen\"",
            "userName eq \"BJENSEN\"",
            "userName ne \"bjensen\"",
            "userName co \"jensen\"",
            "userName sw \"JS\"",
            "userName ew \"REAL\"",
            "userName sw \"jsmith_\"",
            "userName co \"%\"",
            "userName co \"_\"",
            "userName co \"\\\\\"",
            "userName eq \"back\\\\slash\"",
            "userName eq \"x' OR '1'='1\"",
            "userName eq \"Robert'); DROP TABLE users; --\"",
            "userName co \"'\"",
            "userName pr",
            "not (userName pr)",
            "userName eq null",
            "userName ne null",
            "userName gt \"m\"",
            "userName ge \"JSMITH\"",
            "userName lt \"b\"",
            "userName le \"BOB\"",
            "userName eq \"\"",
            "userName ne \"\"",
            "userName eq \"ZOË\"",
            "userName sw \"élo\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"alice\"",
            "displayName eq \"élodie dupont\"",
            "displayName co \"É\"",
            "displayName sw \"barbara\"",
            "displayName co \"50%_off\"",
            "displayName ew \"\\\\sale\"",
            "displayName co \"\\\"quoted\\\"\"",
            "name.formatted pr",
            "name pr",
            "name[formatted co \"jensen\"]",
            "name[not (formatted pr)]",
            "externalId eq \"EXT-1\"",
            "externalId eq \"ext-1\"",
            "externalId sw \"EXT\"",
            "externalId co \"_\"",
            "externalId gt \"E\"",
            "externalId eq \"'; --\"",
            "id eq \"u01\"",
            "id ne \"U01\"",
            "active eq true",
            "active eq false",
            "active ne true",
            "active pr",
            "not (active eq true)",
            "active eq null",
            "meta.created gt \"2020-06-01T00:00:00Z\"",
            "meta.created eq \"2020-01-01T02:00:00+02:00\"",
            "meta.created eq \"2020-01-01t00:00:00z\"",
            "meta.created le \"2021-06-15T12:30:45.123456Z\"",
            "meta.created lt \"2021-06-15T14:30:45.123457+02:00\"",
            "meta.created ge \"2024-01-01T00:00:00.000001Z\"",
            "meta.created ne \"2020-01-01T00:00:00Z\"",
            "meta.created pr",
            "meta.created eq null",
            "not (meta.created gt \"2020-06-01T00:00:00Z\")",
            EXT + ":loginCount gt 3",
            EXT + ":loginCount eq 5.0",
            EXT + ":loginCount lt 0",
            EXT + ":loginCount ne 100",
            EXT + ":loginCount ge 1000000",
            EXT + ":score ge 1.5",
            EXT + ":score lt 0",
            EXT + ":score ne 1.5",
            EXT + ":score eq 2.5",
            EXT + ":score eq 1000.001",
            EXT + ":score pr",
            "emails pr",
            "not (emails pr)",
            "emails.value co \"example.com\"",
            "emails eq \"bjensen@example.com\"",
            "emails.value eq \"BJENSEN2@example.com\"",
            "emails.value ne \"bjensen@example.com\"",
            "not (emails.value ne \"bjensen@example.com\")",
            "emails.value eq \"\"",
            "emails.value pr",
            "emails.value eq null",
            "emails.value sw \"'\"",
            "emails.value co \"\\\\\"",
            "emails[value ew \".com\"] or " + EXT + ":score gt 100",
            "emails[value co \"example\" and not (value co \"work\")]",
            "emails[type eq \"work\"]",
            "emails[type eq \"work\" and value co \"@example\"]",
            "emails[not (type eq \"work\")]",
            "emails[type pr]",
            "emails[type ne \"work\"]",
            "emails[primary eq true]",
            "emails[primary ne true]",
            "emails.type eq \"home\"",
            "emails.type ne \"work\"",
            "emails.primary eq false",
            "not (emails[type eq \"work\"])",
            "emails[type eq \"work\"] and emails[type eq \"home\"]",
            "userName sw \"j\" and active eq true",
            "userName sw \"j\" or displayName co \"jensen\"",
            "userName sw \"b\" or userName sw \"j\" and active eq false",
            "(userName sw \"b\" or userName sw \"j\") and active eq false",
            "not (userName sw \"b\" or active eq true)",
            "not (not (displayName co \"a\"))",
            "not (userName eq \"bjensen\" and active eq true)",
            "displayName ne \"x\" and not (externalId pr)",
            "not (active eq true) and not (" + EXT + ":score gt 1)",
            "userName gt \"a\" and userName lt \"n\" or " + EXT + ":loginCount le 2 and not (meta.created pr)");

    static final List<String> SORT_KEYS = List.of("userName", "displayName", "externalId", "id", "active",
            "meta.created", EXT + ":loginCount", EXT + ":score", "name.formatted");

    private final FilterEvaluator evaluator = new FilterEvaluator(SqlFixture.REGISTRY);
    private final List<JsonNode> childTableJson = SqlFixture.json(false);
    private final List<JsonNode> emailColumnJson = SqlFixture.json(true);

    private Connection connection;
    private String schema;
    private SqlFilterTranslator childTable;
    private SqlFilterTranslator emailColumn;
    private SqlFilterTranslator loweredColumns;

    /** An open connection to an empty database. */
    abstract Connection connect() throws SQLException;

    /** A schema to create the tables in, unique to this run; it is created (unless it exists) and dropped. */
    abstract String schema();

    /** Drops what {@link #schema()} created. */
    abstract void dropSchema(Connection c, String schema) throws SQLException;

    @BeforeAll
    void createDatabase() throws SQLException {
        connection = connect();
        schema = schema();
        try (var st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        SqlFixture.createTables(connection, schema);
        childTable = SqlFixture.childTable(schema);
        emailColumn = SqlFixture.emailColumn(schema);
        loweredColumns = SqlFixture.loweredColumns(schema);
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (connection != null) {
            try {
                dropSchema(connection, schema);
            } finally {
                connection.close();
            }
        }
    }

    static Stream<String> filters() {
        return FILTERS.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void emailsInChildTable_sqlSelectsWhatTheEvaluatorMatches(String text) throws SQLException {
        Filter filter = Filter.parse(text);
        SqlCondition where = childTable.translate(filter);
        assertThat(SqlFixture.select(connection, schema, where))
                .as("SQL %s %s", where.sql(), where.parameters())
                .isEqualTo(evaluate(filter, childTableJson));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void emailInUsersColumn_sqlSelectsWhatTheEvaluatorMatches(String text) throws SQLException {
        Filter filter = Filter.parse(text);
        if (!emailColumn.supports(filter)) {
            // only type/primary of emails are unmapped in this shape
            assertThat(text).containsAnyOf("type", "primary");
            assertThatThrownBy(() -> emailColumn.translate(filter)).isInstanceOf(ScimException.class)
                    .hasMessageContaining("cannot filter User resources on 'emails");
            return;
        }
        SqlCondition where = emailColumn.translate(filter);
        assertThat(SqlFixture.select(connection, schema, where))
                .as("SQL %s %s", where.sql(), where.parameters())
                .isEqualTo(evaluate(filter, emailColumnJson));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void loweredColumns_sqlSelectsWhatTheEvaluatorMatches(String text) throws SQLException {
        Filter filter = Filter.parse(text);
        if (!loweredColumns.supports(filter)) {
            return; // as emailInUsersColumn: emails.type and emails.primary have no column in this shape
        }
        SqlCondition where = loweredColumns.translate(filter);
        assertThat(SqlFixture.select(connection, schema, where))
                .as("SQL %s %s", where.sql(), where.parameters())
                .isEqualTo(evaluate(filter, emailColumnJson));
    }

    @Test
    void theFilterTableDiscriminates() throws SQLException {
        // guards the table itself: a filter that selects nobody or everybody proves little
        int proper = 0;
        for (String text : FILTERS) {
            int n = SqlFixture.select(connection, schema, childTable.translate(Filter.parse(text))).size();
            if (n > 0 && n < SqlFixture.USERS.size()) {
                proper++;
            }
        }
        assertThat(proper).isGreaterThanOrEqualTo(FILTERS.size() * 9 / 10);
    }

    static Stream<String> sortKeys() {
        return SORT_KEYS.stream();
    }

    @ParameterizedTest(name = "[{index}] sortBy={0}")
    @MethodSource("sortKeys")
    void orderByOrdersAsResourceSorterThenId(String sortBy) throws SQLException {
        for (SortOrder order : SortOrder.values()) {
            AttributePath path = AttributePath.parse(sortBy);
            Comparator<JsonNode> inMemory = ResourceSorter.comparator(SqlFixture.REGISTRY, SqlFixture.USER, path, order)
                    .thenComparing(n -> n.get("id").textValue());
            List<String> expected = childTableJson.stream().sorted(inMemory).map(n -> n.get("id").textValue())
                    .toList();
            SqlOrder sql = childTable.orderBy(path, order);
            assertThat(SqlFixture.ordered(connection, schema, sql)).as("ORDER BY %s", sql.sql())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void orderByTheSingleEmailColumnOrdersAsResourceSorter() throws SQLException {
        AttributePath path = AttributePath.parse("emails");
        for (SortOrder order : SortOrder.values()) {
            List<String> expected = emailColumnJson.stream()
                    .sorted(ResourceSorter.comparator(SqlFixture.REGISTRY, SqlFixture.USER, path, order)
                            .thenComparing(n -> n.get("id").textValue()))
                    .map(n -> n.get("id").textValue()).toList();
            assertThat(SqlFixture.ordered(connection, schema, emailColumn.orderBy(path, order)))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void injectionAttemptsAreDataAndLeaveTheTablesIntact() throws SQLException {
        for (String text : List.of("userName eq \"x' OR '1'='1\"", "userName eq \"\\\"; DROP TABLE users; --\"",
                "userName co \"'; DROP TABLE users; --\"", "emails[value eq \"'; DROP TABLE user_emails; --\"]",
                "displayName sw \"' OR 1=1 --\"")) {
            Filter filter = Filter.parse(text);
            assertThat(SqlFixture.select(connection, schema, childTable.translate(filter)))
                    .isEqualTo(evaluate(filter, childTableJson));
        }
        assertThat(SqlFixture.query(connection, "SELECT uuid FROM " + schema + ".users", List.of()))
                .hasSize(SqlFixture.USERS.size());
        assertThat(SqlFixture.query(connection, "SELECT CAST(id AS VARCHAR(10)) FROM " + schema + ".user_emails",
                List.of())).hasSize((int) SqlFixture.USERS.stream().mapToLong(u -> u.emails().size()).sum());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidFilters")
    void rejectsWhatTheEvaluatorRejectsWithTheSameDetail(String text) {
        Filter filter = Filter.parse(text);
        ScimException expected = org.assertj.core.api.Assertions.catchThrowableOfType(ScimException.class,
                () -> evaluator.compile(filter, SqlFixture.USER));
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> childTable.translate(filter)).isInstanceOf(ScimException.class)
                .hasMessage(expected.getMessage())
                .satisfies(e -> assertThat(((ScimException) e).scimType()).isEqualTo(ScimType.INVALID_FILTER));
    }

    static Stream<String> invalidFilters() {
        return Stream.of("active gt true", "active co \"t\"", "userName eq 5", "meta.created gt \"not a date\"",
                "password eq \"secret\"", "nickName2 eq \"x\"", "userName gt null", EXT + ":score sw \"1\"");
    }

    @Test
    void randomCombinationsOfTheTableAgree() throws SQLException {
        // and/or/not over the table's filters, nested up to three deep; a fixed seed keeps failures reproducible
        Random random = new Random(7644);
        List<Filter> leaves = FILTERS.stream().map(Filter::parse).filter(f -> !(f instanceof And || f instanceof Or))
                .toList();
        for (int i = 0; i < 300; i++) {
            Filter filter = randomFilter(random, leaves, 3);
            SqlCondition where = childTable.translate(filter);
            assertThat(SqlFixture.select(connection, schema, where)).as("%s -> %s", filter, where.sql())
                    .isEqualTo(evaluate(filter, childTableJson));
        }
    }

    private static Filter randomFilter(Random random, List<Filter> leaves, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(4);
        switch (kind) {
            case 1:
                return Filter.and(randomFilter(random, leaves, depth - 1), randomFilter(random, leaves, depth - 1));
            case 2:
                return Filter.or(randomFilter(random, leaves, depth - 1), randomFilter(random, leaves, depth - 1));
            case 3:
                return Filter.not(randomFilter(random, leaves, depth - 1));
            default:
                return leaves.get(random.nextInt(leaves.size()));
        }
    }

    Connection connection() {
        return connection;
    }

    String schemaName() {
        return schema;
    }

    Set<String> evaluate(Filter filter, List<JsonNode> users) {
        ResourceFilter compiled = evaluator.compile(filter, SqlFixture.USER);
        return users.stream().filter(compiled).map(n -> n.get("id").textValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
