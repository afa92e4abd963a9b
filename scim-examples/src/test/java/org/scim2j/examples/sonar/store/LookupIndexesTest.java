package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.spi.sql.IndexAdvice;
import org.scim2j.spi.sql.SqlFilterTranslator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's migrations create the index the library advises ({@link SqlFilterTranslator#indexAdvice}) for every
 * attribute identity providers, scripts and administrators match on (IDP-TRAFFIC.md), so that the planner can use
 * it; {@link PostgresLookupPlansTest} checks that it does. On PostgreSQL each advised index is created in a
 * transaction that is rolled back, and its definition, as PostgreSQL normalises it, must equal one the migrations
 * made on that table.
 */
class LookupIndexesTest {

    /** The user attributes matched on, by translator: document attributes on PostgreSQL keeping them. */
    private static final List<String> KEPT_USER_LOOKUPS = List.of("id", "userName", "externalId", "emails.value",
            "name.familyName", "name.givenName", "name.formatted", "displayName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
    /** With {@code SCIM_UNMAPPED_ATTRIBUTES=drop} the name and email are SonarQube's own columns. */
    private static final List<String> DROPPED_USER_LOOKUPS = List.of("id", "userName", "externalId", "emails.value",
            "name.formatted");
    private static final List<String> GROUP_LOOKUPS = List.of("id", "displayName", "externalId");

    @Test
    void everyLookupOfAUserOrGroupHasAnIndexAdvice() {
        SqlFilterTranslator kept = JdbcUserRepository.filters(UnmappedAttributes.KEEP, Database.Vendor.POSTGRESQL);
        SqlFilterTranslator dropped = JdbcUserRepository.filters(UnmappedAttributes.DROP,
                Database.Vendor.POSTGRESQL);
        KEPT_USER_LOOKUPS.forEach(path -> assertThat(kept.indexAdvice(path)).as(path).isPresent());
        DROPPED_USER_LOOKUPS.forEach(path -> assertThat(dropped.indexAdvice(path)).as(path).isPresent());
        assertThat(kept.indexAdvice("emails.value").orElseThrow().kind()).isEqualTo(IndexAdvice.Kind.GIN);
        assertThat(kept.indexAdvice("externalId").orElseThrow().createIndex("idx_users_external_id", "users", "u"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS idx_users_external_id ON users (external_id)");
        assertThat(dropped.indexAdvice("emails.value").orElseThrow().createIndex("idx_users_email_lower", "users",
                "u")).isEqualTo("CREATE INDEX IF NOT EXISTS idx_users_email_lower ON users ((LOWER(email)))");
    }

    /** H2 has no expression indexes; its migrations index the columns and generated LOWER(...) columns. */
    @Test
    void theH2MigrationsIndexTheColumnsIdentityProvidersMatchOn() throws SQLException {
        try (TestStore store = TestStore.h2()) {
            List<String> indexed = store.database.inTransaction(c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE ORDINAL_POSITION = 1")) {
                    while (rs.next()) {
                        out.add((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT));
                    }
                }
                return out;
            });
            assertThat(indexed).contains("users.login_lower", "users.external_id", "users.email_lower",
                    "users.name_lower", "scim_users.scim_uuid", "groups.name_lower", "scim_groups.external_id",
                    "scim_groups.scim_uuid");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
    void thePostgresqlMigrationsCreateEveryAdvisedIndex() throws SQLException {
        try (TestStore store = TestStore.postgres()) {
            SqlFilterTranslator kept = JdbcUserRepository.filters(UnmappedAttributes.KEEP,
                    Database.Vendor.POSTGRESQL);
            SqlFilterTranslator dropped = JdbcUserRepository.filters(UnmappedAttributes.DROP,
                    Database.Vendor.POSTGRESQL);
            SqlFilterTranslator groups = new JdbcGroupRepository(store.database).translator();
            for (String path : KEPT_USER_LOOKUPS) {
                assertMigrationsCreate(store, kept.indexAdvice(path).orElseThrow(), "u", "s");
            }
            for (String path : DROPPED_USER_LOOKUPS) {
                assertMigrationsCreate(store, dropped.indexAdvice(path).orElseThrow(), "u", "s");
            }
            for (String path : GROUP_LOOKUPS) {
                assertMigrationsCreate(store, groups.indexAdvice(path).orElseThrow(), "g", "sg");
            }
        }
    }

    /** The advice's table is the one its alias names: {@code u} users, {@code s} scim_users, and so on. */
    private static void assertMigrationsCreate(TestStore store, IndexAdvice advice, String hostAlias,
                                               String linkAlias) throws SQLException {
        boolean host = Pattern.compile("\\b" + hostAlias + "\\.").matcher(advice.expression()).find();
        String table = host ? (hostAlias.equals("u") ? "users" : "groups")
                : (linkAlias.equals("s") ? "scim_users" : "scim_groups");
        String alias = host ? hostAlias : linkAlias;
        String ddl = advice.createIndex("advised_probe", table, alias);
        store.database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
                String advised = definition(c, "advised_probe");
                List<String> migrated = definitions(c, table);
                assertThat(migrated).as("%s: %s", advice.attributePath(), ddl).contains(advised);
                c.rollback();
            }
            return null;
        });
    }

    /** {@code pg_indexes.indexdef} without the index name and {@code UNIQUE}: method and key. */
    private static String definition(Connection c, String index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ?"
                + " AND schemaname = current_schema()")) {
            s.setString(1, index);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return normalised(rs.getString(1));
            }
        }
    }

    private static List<String> definitions(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE tablename = ?"
                + " AND schemaname = current_schema() AND indexname <> 'advised_probe'")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(normalised(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static String normalised(String indexdef) {
        return indexdef.substring(indexdef.indexOf(" USING "));
    }
}
