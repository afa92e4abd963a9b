package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.core.query.ResourceSorter;
import org.scim2j.core.query.SortOrder;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential test on PostgreSQL, when {@code SCIM_TEST_JDBC_URL} (with {@code SCIM_TEST_JDBC_USER} and
 * {@code SCIM_TEST_JDBC_PASSWORD}) names one, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}. The tables go into
 * a schema of their own, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "SCIM_TEST_JDBC_URL", matches = "jdbc:postgresql:.+")
class PostgresDifferentialTest extends SqlDifferentialContract {

    private final String schema = "scim_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void withCollationCStringOrderingStillAgrees() throws SQLException {
        // COLLATE "C" gives code-point order whatever the database's default collation is
        SqlFilterTranslator collated = SqlFixture.columns().collation("\"C\"").build();
        List<JsonNode> users = SqlFixture.json(false);
        for (String text : List.of("userName gt \"m\"", "userName le \"BOB\"", "displayName lt \"é\"",
                "externalId ge \"E\"", "not (userName lt \"Z\")")) {
            Filter filter = Filter.parse(text);
            SqlCondition where = collated.translate(filter);
            assertThat(SqlFixture.select(connection(), schemaName(), where)).as(where.sql())
                    .isEqualTo(evaluate(filter, users));
        }
        for (SortOrder order : SortOrder.values()) {
            AttributePath path = AttributePath.parse("displayName");
            List<String> expected = users.stream()
                    .sorted(ResourceSorter.comparator(SqlFixture.REGISTRY, SqlFixture.USER, path, order)
                            .thenComparing(n -> n.get("id").textValue()))
                    .map(n -> n.get("id").textValue()).toList();
            assertThat(SqlFixture.ordered(connection(), schemaName(), collated.orderBy(path, order)))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("SCIM_TEST_JDBC_URL"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_USER"), "postgres"),
                Objects.requireNonNullElse(System.getenv("SCIM_TEST_JDBC_PASSWORD"), ""));
    }

    @Override
    String schema() {
        return schema;
    }

    @Override
    void dropSchema(Connection c, String schema) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
