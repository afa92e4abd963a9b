package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaExtension;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small SonarQube-like user store for the SQL tests: the schema (User with an extension holding an integer and a
 * decimal), about thirty awkward users, their tables, and the translators that map them.
 */
final class SqlFixture {

    static final String EXT = "urn:example:scim:schemas:extension:sonar:2.0:User";

    static final ResourceType USER = new ResourceType("User", "User", "User Account", "/Users", Schemas.USER,
            List.of(new SchemaExtension(Schemas.ENTERPRISE_USER, false), new SchemaExtension(EXT, false)));

    static final SchemaRegistry REGISTRY = SchemaRegistry.builder().addStandard()
            .addSchema(new Schema(EXT, "SonarUser", "test extension", List.of(
                    AttributeDefinition.builder("loginCount", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("score", AttributeType.DECIMAL).build(),
                    AttributeDefinition.builder("tags", AttributeType.STRING).multiValued(true).build())))
            .addResourceType(USER)
            .build();

    /** One email row; any part may be null. */
    record Email(String value, String type, Boolean primary) {
    }

    /** One users row plus its email rows. */
    record User(String uuid, String login, String name, String email, Boolean active, String externalId,
                OffsetDateTime created, Integer loginCount, BigDecimal score, List<Email> emails) {
    }

    private static OffsetDateTime t(String text) {
        return OffsetDateTime.parse(text);
    }

    private static List<Email> emails(Email... e) {
        return Arrays.asList(e);
    }

    static final List<User> USERS = List.of(
            new User("u01", "bjensen", "Barbara Jensen", "bjensen@example.com", true, "EXT-1",
                    t("2020-01-01T00:00:00Z"), 5, new BigDecimal("1.5"),
                    emails(new Email("bjensen@example.com", "work", true), new Email("babs@home.org", "home", false))),
            new User("u02", "BJensen2", "barbara jensen", "BJENSEN2@EXAMPLE.COM", true, "ext-2",
                    t("2020-03-04T05:06:07Z"), 3, new BigDecimal("2.750"),
                    emails(new Email("BJensen2@Example.com", "Work", null))),
            new User("u03", "JSMITH", "John Smith", null, false, null, t("2019-12-31T23:59:59Z"), 0, null,
                    emails()),
            new User("u04", "jsmith_x", "J_Smith", "j_smith@example.org", true, "EXT_4", t("2021-01-01T00:00:00Z"),
                    null, new BigDecimal("0"), emails(new Email("j_smith@example.org", "other", false))),
            new User("u05", "jsmithax", "Jsmith Ax", "jsmithax@example.org", null, "EXT%5", null, 12,
                    new BigDecimal("-3.125"), emails(new Email("jsmithax@example.org", null, null))),
            new User("u06", "100%real", "Percent Real", "pct@example.com", true, null, t("2022-02-02T02:02:02Z"), 100,
                    new BigDecimal("100"), emails(new Email("pct@example.com", "work", false))),
            new User("u07", "100xreal", "X Real", null, true, null, t("2022-02-02T02:02:02.5Z"), 100,
                    new BigDecimal("100.001"), emails()),
            new User("u08", "back\\slash", "Back \\ Slash", "back\\slash@example.com", false, "\\", null, null, null,
                    emails(new Email("back\\slash@example.com", "work", true))),
            new User("u09", "backslash", "Back Slash", null, false, null, null, null, null, emails()),
            new User("u10", "o'brien", "Conan O'Brien", "conan@example.com", true, "o'brien",
                    t("2018-07-01T12:00:00+02:00"), 7, new BigDecimal("7.7"),
                    emails(new Email("conan@example.com", "home", true), new Email("conan@work.example", "work",
                            false))),
            new User("u11", "x' OR '1'='1", "Injector", null, true, null, null, 1, null, emails()),
            new User("u12", "", "", "", null, "", t("2023-03-03T03:03:03Z"), null, null,
                    emails(new Email("", "", null))),
            new User("u13", null, null, null, null, null, null, null, null, emails()),
            new User("u14", "élodie", "Élodie Dupont", "elodie@example.fr", true, "ÉXT", t("2020-06-15T08:00:00Z"), 2,
                    new BigDecimal("2.5"), emails(new Email("Élodie@Example.fr", "work", true))),
            new User("u15", "ÉLODIE2", "ÉCOLE Normale", null, false, null, t("2020-06-15T10:00:00+02:00"), 2,
                    new BigDecimal("2.50"), emails(new Email("ecole@example.fr", "WORK", null))),
            new User("u16", "zoe", "Zoe Zed", "zoe@example.com", false, "ZOE", t("2024-01-01T00:00:00Z"), 9,
                    new BigDecimal("9.99"), emails(new Email("zoe@example.com", "home", null))),
            new User("u17", "Zoë", "Zoë Zed", null, true, null, t("2024-01-01T00:00:00.000001Z"), 9,
                    new BigDecimal("9.990"), emails()),
            new User("u18", "alice", "Alice", "alice@example.com", true, "ext-1", t("2017-05-05T05:05:05Z"), 50,
                    new BigDecimal("50.5"), emails(new Email("alice@example.com", "work", true))),
            new User("u19", "ALICE.smith", "Alice Smith", null, null, null, null, null, null,
                    emails(new Email("asmith@example.com", "home", true))),
            new User("u20", "bob", "Bob", "bob@example.com", true, null, t("2020-01-01T00:00:00Z"), 1,
                    new BigDecimal("1"), emails(new Email("bob@example.com", null, true),
                            new Email("bob@other.example", "work", false))),
            new User("u21", "carol", "Carol", null, true, null, null, null, null,
                    emails(new Email(null, null, null))),
            new User("u22", "dave", "Dave", null, false, null, null, null, null, emails(new Email("", "work", null))),
            new User("u23", "eve", "Eve", "EVE@Example.COM", true, null, t("2021-06-15T12:30:45.123456Z"), 4,
                    new BigDecimal("4.25"), emails(new Email("EVE@Example.COM", "WORK", null))),
            new User("u24", "frank", "Frank", null, true, null, t("2020-01-01T02:00:00+02:00"), 6,
                    new BigDecimal("6"), emails()),
            new User("u25", "grace", "Grace Hopper", "grace@navy.mil", true, "G-1", t("2021-06-15T12:30:45.123457Z"),
                    1000000, new BigDecimal("1000.001"), emails(new Email("grace@navy.mil", "work", true))),
            new User("u26", "heidi", "Heidi", null, true, null, t("1999-12-31T23:00:00-01:00"), 0,
                    new BigDecimal("0.000"), emails()),
            new User("u27", "ivan", "Ivan", null, false, null, null, -1, new BigDecimal("-2.25"), emails()),
            new User("u28", "mallory", "50%_off\\sale", "mallory@evil.example", true, "'; --",
                    t("2025-05-05T05:05:05Z"), 13, new BigDecimal("13"),
                    emails(new Email("mallory@evil.example", "work", null))),
            new User("u29", "trent", "\"quoted\" name", null, true, null, null, null, null, emails()),
            new User("u30", "Robert'); DROP TABLE users; --", "Bobby Tables", null, true, null, null, null, null,
                    emails(new Email("'; DROP TABLE user_emails; --", "work", null))));

    private SqlFixture() {
    }

    /** Maps the users table, with emails in the child table. */
    static SqlFilterTranslator.Builder columns() {
        return SqlFilterTranslator.builder(REGISTRY, USER)
                .column("id", "u.uuid")
                .column("userName", "u.login")
                .column("displayName", "u.name")
                .column("name.formatted", "u.name")
                .column("active", "u.active")
                .column("externalId", "u.external_id")
                .column("meta.created", "u.created_at")
                .column(EXT + ":loginCount", "u.login_count")
                .column(EXT + ":score", "u.score");
    }

    static SqlFilterTranslator childTable(String schema) {
        return columns()
                .multiValued("emails", "SELECT 1 FROM " + schema + ".user_emails e WHERE e.user_uuid = u.uuid",
                        Map.of("value", "e.email", "type", "e.type", "primary", "e.is_primary"))
                .build();
    }

    /** SonarQube's shape: one email column on the users row. */
    static SqlFilterTranslator emailColumn(String schema) {
        return columns().column("emails.value", "u.email").build();
    }

    /**
     * SonarQube's shape on a database without expression indexes (H2): the lower-cased login and email kept in
     * columns of their own ({@link #createTables} fills them with the database's {@code LOWER}).
     */
    static SqlFilterTranslator loweredColumns(String schema) {
        return columns().column("emails.value", "u.email").loweredColumn("userName", "u.login_lower")
                .loweredColumn("emails.value", "u.email_lower").build();
    }

    /** The users as SCIM JSON, with emails from the child table ({@code inlineEmail} false) or the email column. */
    static List<JsonNode> json(boolean inlineEmail) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> out = new ArrayList<>();
        for (User u : USERS) {
            ObjectNode n = f.objectNode();
            n.putArray("schemas").add(Schemas.USER).add(EXT);
            n.put("id", u.uuid());
            putIfNotNull(n, "userName", u.login());
            if (u.name() != null) {
                n.put("displayName", u.name());
                n.putObject("name").put("formatted", u.name());
            }
            if (u.active() != null) {
                n.put("active", u.active());
            }
            putIfNotNull(n, "externalId", u.externalId());
            ObjectNode meta = n.putObject("meta").put("resourceType", "User");
            if (u.created() != null) {
                meta.put("created", u.created().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            ArrayNode emails = f.arrayNode();
            if (inlineEmail) {
                if (u.email() != null) {
                    emails.addObject().put("value", u.email());
                }
            } else {
                for (Email e : u.emails()) {
                    ObjectNode element = emails.addObject();
                    putIfNotNull(element, "value", e.value());
                    putIfNotNull(element, "type", e.type());
                    if (e.primary() != null) {
                        element.put("primary", e.primary());
                    }
                }
            }
            if (!emails.isEmpty()) {
                n.set("emails", emails);
            }
            if (u.loginCount() != null || u.score() != null) {
                ObjectNode ext = n.putObject(EXT);
                if (u.loginCount() != null) {
                    ext.put("loginCount", u.loginCount());
                }
                if (u.score() != null) {
                    ext.put("score", u.score());
                }
            }
            out.add(n);
        }
        return out;
    }

    private static void putIfNotNull(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** Creates the tables in {@code schema} (which must exist) and inserts the users. */
    static void createTables(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + schema + ".users (uuid VARCHAR(40) PRIMARY KEY, login VARCHAR(255), "
                    + "name VARCHAR(255), email VARCHAR(255), active BOOLEAN, external_id VARCHAR(255), "
                    + "created_at TIMESTAMP WITH TIME ZONE, login_count INTEGER, score NUMERIC(12, 3))");
            st.execute("CREATE TABLE " + schema + ".user_emails (id INTEGER PRIMARY KEY, "
                    + "user_uuid VARCHAR(40) NOT NULL REFERENCES " + schema + ".users (uuid), email VARCHAR(255), "
                    + "type VARCHAR(40), is_primary BOOLEAN)");
        }
        try (PreparedStatement users = c.prepareStatement("INSERT INTO " + schema + ".users VALUES (?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)");
             PreparedStatement emails = c.prepareStatement("INSERT INTO " + schema + ".user_emails VALUES (?, ?, ?, "
                     + "?, ?)")) {
            int emailId = 0;
            for (User u : USERS) {
                users.setString(1, u.uuid());
                users.setString(2, u.login());
                users.setString(3, u.name());
                users.setString(4, u.email());
                users.setObject(5, u.active(), Types.BOOLEAN);
                users.setString(6, u.externalId());
                users.setObject(7, u.created(), Types.TIMESTAMP_WITH_TIMEZONE);
                users.setObject(8, u.loginCount(), Types.INTEGER);
                users.setObject(9, u.score(), Types.NUMERIC);
                users.executeUpdate();
                for (Email e : u.emails()) {
                    emails.setInt(1, ++emailId);
                    emails.setString(2, u.uuid());
                    emails.setString(3, e.value());
                    emails.setString(4, e.type());
                    emails.setObject(5, e.primary(), Types.BOOLEAN);
                    emails.executeUpdate();
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".users ADD COLUMN login_lower VARCHAR(255)");
            st.execute("ALTER TABLE " + schema + ".users ADD COLUMN email_lower VARCHAR(255)");
            st.execute("UPDATE " + schema + ".users SET login_lower = LOWER(login), email_lower = LOWER(email)");
        }
    }

    /** The uuids of the users rows the condition selects. */
    static Set<String> select(Connection c, String schema, SqlCondition where) throws SQLException {
        return query(c, "SELECT u.uuid FROM " + schema + ".users u WHERE " + where.sql(), where.parameters());
    }

    static Set<String> query(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            Set<String> ids = new TreeSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** The uuids in order of an ORDER BY. */
    static List<String> ordered(Connection c, String schema, SqlOrder order) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT u.uuid FROM " + schema + ".users u ORDER BY "
                + order.sql());
             ResultSet rs = st.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
