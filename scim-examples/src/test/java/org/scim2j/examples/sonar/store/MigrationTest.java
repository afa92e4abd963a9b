package org.scim2j.examples.sonar.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.spi.RequestContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by the version before attribute documents (migrations up to V2) upgrades in place: its users
 * read as their columns show until their next write, which keeps everything written from then on.
 */
class MigrationTest {

    private static final RequestContext CTX = RequestContext.system();

    @Test
    void anH2DatabaseOfTheVersionBeforeDocumentsUpgradesInPlace() throws Exception {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateToVersion2(Database.h2Url(url), "sa", "", "h2", null);
        try (Database database = Database.open(url, "sa", "", null)) {
            upgradesInPlace(database);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.+")
    void aPostgresqlDatabaseOfTheVersionBeforeDocumentsUpgradesInPlace() throws Exception {
        String url = System.getenv(TestStore.PG_URL);
        String user = System.getenv("SCIM_TEST_JDBC_USER");
        String password = System.getenv("SCIM_TEST_JDBC_PASSWORD");
        String schema = "scim_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try {
            migrateToVersion2(url, user, password, "postgresql", schema);
            try (Database database = Database.open(url, user, password, schema)) {
                upgradesInPlace(database);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void migrateToVersion2(String url, String user, String password, String vendor, String schema)
            throws SQLException {
        var flyway = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).target("2");
        if (schema != null) {
            flyway.schemas(schema).createSchemas(true);
        }
        flyway.load().migrate();
        String prefix = schema == null ? "" : schema + ".";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + prefix + "users (uuid, login, name, email, active, external_id, external_login,"
                    + " external_identity_provider, version, created_at, updated_at) VALUES ('u1', 'bjensen',"
                    + " 'Barbara Jensen', 'bjensen@example.com', TRUE, 'ext-1', 'bjensen', 'saml', 3, 1000, 2000)");
            s.execute("INSERT INTO " + prefix + "scim_users (scim_uuid, user_uuid) VALUES ('s1', 'u1')");
        }
    }

    private static void upgradesInPlace(Database database) {
        JdbcUserRepository users = new JdbcUserRepository(database, Clock.systemUTC(), UnmappedAttributes.KEEP);

        User before = users.get("s1", CTX).orElseThrow();
        assertThat(before.userName()).isEqualTo("bjensen");
        assertThat(before.name()).isEqualTo(new Name("Barbara Jensen", null, null, null, null, null));
        assertThat(before.emails()).containsExactly(new Email("bjensen@example.com", null, "work", true));
        assertThat(before.meta().version()).isEqualTo("3");

        User written = before.toBuilder().title("Tour Guide")
                .name(new Name(null, "Jensen", "Barbara", null, null, null))
                .emails(List.of(new Email("bjensen@example.com", null, "work", true),
                        new Email("babs@jensen.org", null, "home", null))).build();
        users.replace("s1", written, "3", CTX);
        User after = users.get("s1", CTX).orElseThrow();
        assertThat(after.title()).isEqualTo("Tour Guide");
        assertThat(after.name()).isEqualTo(written.name());
        assertThat(after.emails()).isEqualTo(written.emails());
    }
}
