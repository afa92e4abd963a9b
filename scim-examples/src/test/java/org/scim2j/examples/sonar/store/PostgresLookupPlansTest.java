package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
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
 * A plan check, not a timed test: every filter form identity providers send (IDP-TRAFFIC.md §1.5 and §2.3: Okta's
 * and Entra ID's {@code userName eq} match; Entra's alternative matchers {@code externalId eq} and
 * {@code emails[type eq "work"].value eq} (ENTRA-TUT); §2.4 and §1.8: group lookups by {@code displayName} and
 * {@code externalId}; and the e-mail, name and id lookups of scripts and administrators), translated exactly as the repositories translate it, and the count
 * and page statements exactly as they issue them ({@link UserPages#countSql}, {@code pageSql}), are
 * planned by PostgreSQL with an index over a table large enough for the planner to prefer one: 30,000 users with
 * lossless documents and 5,000 groups, values spread like a real directory's, {@code ANALYZE}d (no
 * {@code enable_seqscan=off}). Every statement must use the lookup's index, and no scan of {@code users} or
 * {@code scim_users} may go without an index condition (a sequential scan, or a walk of the primary key in order
 * that tests every row). A migration or SQL change that loses the index fails here. Both the custom plan
 * (the first executions, with the values) and the generic plan (what a prepared statement settles on after five)
 * are checked.
 */
@EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLookupPlansTest {

    private static final int USERS = 30_000;
    private static final int GROUPS = 5_000;
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private TestStore store;
    private SqlFilterTranslator users;
    private SqlFilterTranslator groups;

    @BeforeAll
    void seed() throws SQLException {
        store = TestStore.postgres();
        users = JdbcUserRepository.filters(UnmappedAttributes.KEEP, Database.Vendor.POSTGRESQL);
        groups = new JdbcGroupRepository(store.database).translator();
        store.database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                // user i: 50 given names x 60 family names (3,000 pairs, 10 users each), work and home email
                s.execute("INSERT INTO users (uuid, login, name, email, active, external_id, version, created_at,"
                        + " updated_at) SELECT 'h' || i, 'user' || i || '@example.com', 'Given' || (i % 50) || ' Family'"
                        + " || (i / 50 % 60), 'user' || i || '@example.com', i % 10 <> 0, 'ext-' || i, 1, i, i"
                        + " FROM generate_series(0, " + (USERS - 1) + ") AS i");
                s.execute("INSERT INTO scim_users (scim_uuid, user_uuid, attributes) SELECT"
                        + " md5('s' || i), 'h' || i, jsonb_build_object("
                        + "'name', jsonb_build_object('givenName', 'Given' || (i % 50), 'familyName', 'Family'"
                        + " || (i / 50 % 60), 'formatted', 'Given' || (i % 50) || ' Family' || (i / 50 % 60)),"
                        + " 'displayName', 'Given' || (i % 50) || ' Family' || (i / 50 % 60),"
                        + " 'title', 'Engineer ' || (i % 20),"
                        + " 'emails', jsonb_build_array(jsonb_build_object('value', 'user' || i || '@example.com',"
                        + " 'type', 'work', 'primary', true), jsonb_build_object('value', 'home' || i"
                        + " || '@example.net', 'type', 'home')),"
                        + " '" + ENTERPRISE + "', jsonb_build_object('employeeNumber', (1000000 + i)::text,"
                        + " 'department', 'Dept ' || (i % 25)))"
                        + " FROM generate_series(0, " + (USERS - 1) + ") AS i");
                s.execute("INSERT INTO groups (uuid, name, version, created_at, updated_at) SELECT 'g' || k,"
                        + " 'Group ' || k, 1, k, k FROM generate_series(0, " + (GROUPS - 1) + ") AS k");
                s.execute("INSERT INTO scim_groups (scim_uuid, group_uuid, external_id, attributes) SELECT"
                        + " md5('sg' || k), 'g' || k, 'gext-' || k, '{}'::jsonb"
                        + " FROM generate_series(0, " + (GROUPS - 1) + ") AS k");
                for (String table : List.of("users", "scim_users", "groups", "scim_groups")) {
                    s.execute("ANALYZE " + table);
                }
            }
            return null;
        });
    }

    @AfterAll
    void drop() throws SQLException {
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # filter (RFC 7644 §3.4.2.2, lenient parser as the service)  | index every statement uses
            userName eq "USER12345@example.com"                            | uniq_users_login_lower
            externalId eq "ext-12345"                                      | idx_users_external_id
            emails.value eq "User12345@Example.com"                        | idx_scim_users_emails_value
            emails[type eq "work" and value eq "user12345@example.com"]    | idx_scim_users_emails_value
            emails[type eq "work"].value eq "user12345@example.com"        | idx_scim_users_emails_value
            name.familyName eq "Family7" and name.givenName eq "Given3"    | idx_scim_users_family_given_name
            displayName eq "Given3 Family7"                                | idx_scim_users_display_name
            name.formatted eq "Given3 Family7"                             | idx_scim_users_formatted_name
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1012345" | idx_scim_users_employee_number
            id eq "0123456789abcdef0123456789abcdef"                       | pk_scim_users
            """)
    void everyUserLookupAnIdentityProviderMakesUsesAnIndex(String filter, String index) throws SQLException {
        SqlCondition where = users.translate(FilterParser.lenient().parse(filter));
        assertUsesIndex(UserPages.countSql(where), where.parameters(), index);
        // every filter here matches at most 10 users: the repository selects them first (pageSql's filterFirst)
        assertUsesIndex(UserPages.pageSql(where, null, true), page(where), index);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            displayName eq "group 1234"   | uniq_groups_name_lower
            externalId eq "gext-1234"     | idx_scim_groups_external_id
            """)
    void groupLookupsUseAnIndex(String filter, String index) throws SQLException {
        SqlCondition where = groups.translate(FilterParser.lenient().parse(filter));
        assertUsesIndex(JdbcGroupRepository.countSql(where), where.parameters(), index);
        assertUsesIndex(JdbcGroupRepository.pageSql(where, null), page(where), index);
    }

    /** The count of a filter on document attributes reads {@code scim_users} alone (no join with users). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title eq "Engineer 3"           | false
            emails.value eq "user1@example.com" | false
            userName eq "user1@example.com" | true
            """)
    void aCountJoinsUsersOnlyWhenTheFilterNamesAUsersColumn(String filter, boolean joins) throws SQLException {
        SqlCondition where = users.translate(FilterParser.lenient().parse(filter));
        String plan = plan(UserPages.countSql(where), where.parameters(), false);
        assertThat(plan.contains("on users u") || plan.contains("pk_users")).as(plan).isEqualTo(joins);
    }

    private static List<Object> page(SqlCondition where) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(0);
        parameters.add(100);
        return parameters;
    }

    private void assertUsesIndex(String sql, List<Object> parameters, String index) throws SQLException {
        for (boolean generic : new boolean[] {false, true}) {
            String plan = plan(sql, parameters, generic);
            assertThat(plan).as("%s plan of %s", generic ? "generic" : "custom", sql).contains(index);
            assertThat(unboundedScans(plan)).as("%s plan of %s:%n%s", generic ? "generic" : "custom", sql, plan)
                    .isEmpty();
        }
    }

    /**
     * The scans of {@code users} or {@code scim_users} that read the whole table: a node on either without an index
     * condition (a sequential scan, or an index scan that walks the primary key in order testing every row).
     */
    private static List<String> unboundedScans(String plan) {
        List<String> lines = plan.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("Scan") || !(line.contains(" on scim_users ") || line.contains(" on users "))) {
                continue;
            }
            int indent = indent(line);
            boolean bounded = false;
            // a node's properties follow it, more indented, until the next node ("->"; the jsonb operator -> can
            // appear inside a condition)
            for (int j = i + 1; j < lines.size() && !lines.get(j).strip().startsWith("->")
                    && indent(lines.get(j)) > indent; j++) {
                bounded |= lines.get(j).contains("Index Cond:") || lines.get(j).contains("Recheck Cond:");
            }
            if (!bounded) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '-' || line.charAt(n) == '>')) {
            n++;
        }
        return n;
    }

    /**
     * {@code EXPLAIN} of the statement with its parameters: bound (a custom plan, as the first executions get), or
     * through {@code PREPARE} and {@code EXPLAIN EXECUTE} with {@code plan_cache_mode = force_generic_plan} (the
     * plan a prepared statement may settle on, which does not know the values).
     */
    private String plan(String sql, List<Object> parameters, boolean generic) throws SQLException {
        return store.database.inTransaction(c -> {
            if (!generic) {
                try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
                    Rows.bind(s, parameters);
                    return lines(s.executeQuery());
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                s.execute("PREPARE lookup_plan AS " + numbered(sql));
                try {
                    return lines(s.executeQuery("EXPLAIN EXECUTE lookup_plan(" + literals(parameters) + ")"));
                } finally {
                    s.execute("DEALLOCATE lookup_plan");
                }
            }
        });
    }

    /** {@code ?} as {@code $1}, {@code $2}, ...: the translator writes values only as parameters. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return out.toString();
    }

    private static String literals(List<Object> parameters) {
        List<String> out = new ArrayList<>();
        for (Object p : parameters) {
            out.add(p instanceof Number ? p.toString() : "'" + p.toString().replace("'", "''") + "'");
        }
        return String.join(", ", out);
    }

    private static String lines(ResultSet rs) throws SQLException {
        try (rs) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
