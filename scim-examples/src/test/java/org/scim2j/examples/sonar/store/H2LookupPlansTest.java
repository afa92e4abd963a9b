package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scim2j.filter.FilterParser;
import org.scim2j.spi.sql.SqlCondition;
import org.scim2j.spi.sql.SqlFilterTranslator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's {@code EXPLAIN} of the count and page statements the repositories issue for the lookups H2 runs in SQL
 * (columns; H2 evaluates document attributes in memory): each reads an index, no table scan. H2 has no expression
 * indexes, so a case-insensitive lookup must compare the indexed generated column ({@code login_lower}), which the
 * translator is told with {@code loweredColumn} ({@code LOWER(u.login) = LOWER(?)} read every row). The primary key
 * of {@code scim_users} is H2's {@code PRIMARY_KEY_...}. A plan check, not
 * a timed test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2LookupPlansTest {

    private static final int USERS = 5_000;

    private TestStore store;

    @BeforeAll
    void seed() {
        store = TestStore.h2();
        store.database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (uuid, login, name, email, active, external_id, version, created_at,"
                        + " updated_at) SELECT 'h' || x, 'user' || x || '@example.com', 'Given' || MOD(x, 50)"
                        + " || ' Family' || MOD(x / 50, 60), 'user' || x || '@example.com', TRUE, 'ext-' || x, 1, x, x"
                        + " FROM SYSTEM_RANGE(0, " + (USERS - 1) + ")");
                s.execute("INSERT INTO scim_users (scim_uuid, user_uuid) SELECT 's' || x, 'h' || x"
                        + " FROM SYSTEM_RANGE(0, " + (USERS - 1) + ")");
                s.execute("INSERT INTO groups (uuid, name, version, created_at, updated_at) SELECT 'g' || x,"
                        + " 'Group ' || x, 1, x, x FROM SYSTEM_RANGE(0, 999)");
                s.execute("INSERT INTO scim_groups (scim_uuid, group_uuid, external_id) SELECT 'sg' || x, 'g' || x,"
                        + " 'gext-' || x FROM SYSTEM_RANGE(0, 999)");
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    @AfterAll
    void drop() throws SQLException {
        store.close();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq "USER1234@example.com"  | KEEP | UNIQ_USERS_LOGIN_LOWER
            externalId eq "ext-1234"            | KEEP | IDX_USERS_EXTERNAL_ID
            id eq "s1234"                       | KEEP | PRIMARY_KEY
            emails.value eq "User1234@example.com" | DROP | IDX_USERS_EMAIL_LOWER
            name.formatted eq "given3 family7"  | DROP | IDX_USERS_NAME_LOWER
            """)
    void userLookupsReadAnIndex(String filter, UnmappedAttributes mode, String index) throws SQLException {
        SqlFilterTranslator users = JdbcUserRepository.filters(mode, Database.Vendor.H2);
        SqlCondition where = users.translate(FilterParser.lenient().parse(filter));
        assertReadsIndex(UserPages.countSql(where), where.parameters(), index);
        assertReadsIndex(UserPages.pageSql(where, null, false), page(where), index);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            displayName eq "group 123"  | UNIQ_GROUPS_NAME_LOWER
            externalId eq "gext-123"    | IDX_SCIM_GROUPS_EXTERNAL_ID
            """)
    void groupLookupsReadAnIndex(String filter, String index) throws SQLException {
        SqlFilterTranslator groups = new JdbcGroupRepository(store.database).translator();
        SqlCondition where = groups.translate(FilterParser.lenient().parse(filter));
        assertReadsIndex(JdbcGroupRepository.countSql(where), where.parameters(), index);
        assertReadsIndex(JdbcGroupRepository.pageSql(where, null), page(where), index);
    }

    private static List<Object> page(SqlCondition where) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(0);
        parameters.add(100);
        return parameters;
    }

    private void assertReadsIndex(String sql, List<Object> parameters, String index) {
        String plan = store.database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
                Rows.bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(plan).as(sql).contains("PUBLIC." + index).doesNotContain("tableScan");
    }
}
