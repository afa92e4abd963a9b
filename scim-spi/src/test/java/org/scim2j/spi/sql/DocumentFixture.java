package org.scim2j.spi.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.resource.GenericResource;
import org.scim2j.core.schema.Schemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The users of {@link SqlFixture} with a full profile (title, name parts, phone numbers, addresses, the Enterprise
 * User extension, a multi-valued string extension attribute), stored as a SonarQube-like host with a document would
 * store them: {@code id}, {@code userName} and {@code meta.created} in columns, everything else in a PostgreSQL
 * {@code jsonb} document written by {@link ResourceDocument}.
 */
final class DocumentFixture {

    static final String ENTERPRISE = Schemas.ENTERPRISE_USER;

    static final ResourceDocument<GenericResource> LAYOUT = ResourceDocument.builder(SqlFixture.REGISTRY,
            SqlFixture.USER, GenericResource.class).column("userName").build();

    private static final String[] TITLES = {"Engineer", "engineer", "Senior Engineer", "", null, "Directeur Général",
        "50%_off", "back\\slash", "O'Brien's assistant", "ZÜRICH lead"};
    private static final String[] DEPARTMENTS = {"Sales", "sales", "R&D", null, "Tour Operations"};
    private static final String[] CITIES = {"Paris", "paris", "New York", "Zürich", null};

    private DocumentFixture() {
    }

    /** The users as SCIM JSON: SqlFixture's users (emails in full) with the profile added. */
    static List<ObjectNode> users() {
        List<ObjectNode> out = new ArrayList<>();
        List<JsonNode> base = SqlFixture.json(false);
        for (int i = 0; i < base.size(); i++) {
            ObjectNode user = (ObjectNode) base.get(i).deepCopy();
            String title = TITLES[i % TITLES.length];
            if (title != null) {
                user.put("title", title);
            }
            if (user.get("name") instanceof ObjectNode name && name.hasNonNull("formatted")) {
                String[] parts = name.get("formatted").asText().split(" ", 2);
                if (parts.length == 2) {
                    name.put("givenName", parts[0]).put("familyName", parts[1]);
                } else if (i % 2 == 0) {
                    name.put("givenName", parts[0]);
                }
            }
            if (i % 3 != 2) {
                ArrayNode phones = user.putArray("phoneNumbers");
                phones.addObject().put("value", "+1 555 01" + i).put("type", "work").put("primary", i % 2 == 0);
                if (i % 4 == 0) {
                    phones.addObject().put("value", "+33 6 " + i).put("type", "mobile");
                }
            }
            String city = CITIES[i % CITIES.length];
            if (city != null) {
                user.putArray("addresses").addObject().put("locality", city).put("type", i % 2 == 0 ? "work" : "home")
                        .put("country", i % 2 == 0 ? "FR" : "US").put("formatted", "1 Main St\n" + city);
            }
            if (i % 5 != 4) {
                ObjectNode enterprise = user.putObject(ENTERPRISE);
                if (i % 7 != 3) {
                    enterprise.put("employeeNumber", "E" + i);
                }
                String department = DEPARTMENTS[i % DEPARTMENTS.length];
                if (department != null) {
                    enterprise.put("department", department);
                }
                if (i > 0 && i % 3 == 0) {
                    enterprise.putObject("manager").put("value", "u0" + (i % 9 + 1));
                }
                ((ArrayNode) user.get("schemas")).add(ENTERPRISE);
            }
            if (i % 4 != 1) {
                ObjectNode extension = user.get(SqlFixture.EXT) instanceof ObjectNode e ? e
                        : user.putObject(SqlFixture.EXT);
                ArrayNode tags = extension.putArray("tags");
                tags.add(i % 2 == 0 ? "alpha" : "Beta");
                if (i % 3 == 0) {
                    tags.add("gamma-" + i);
                }
            }
            // RFC 7643 §2.5: an element without values is unassigned (the service never hands one to a repository)
            if (user.get("emails") instanceof ArrayNode emails) {
                for (int e = emails.size() - 1; e >= 0; e--) {
                    if (emails.get(e).isEmpty()) {
                        emails.remove(e);
                    }
                }
                if (emails.isEmpty()) {
                    user.remove("emails");
                }
            }
            out.add(user);
        }
        return out;
    }

    /**
     * The translator of the document shape: {@code id}, {@code userName} and {@code meta.created} in columns, the
     * rest in {@code u.attributes}; code-point string order, as the in-memory evaluator.
     */
    static SqlFilterTranslator translator() {
        return translatorBuilder().build();
    }

    static SqlFilterTranslator.Builder translatorBuilder() {
        return SqlFilterTranslator.builder(SqlFixture.REGISTRY, SqlFixture.USER)
                .column("id", "u.uuid")
                .column("userName", "u.login")
                .column("meta.created", "u.created_at")
                .document("u.attributes", LAYOUT)
                .collation("\"C\"");
    }

    /** Creates {@code schema.users} (uuid, login, created_at, attributes jsonb) holding {@link #users()}. */
    static void createTable(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + schema + ".users (uuid VARCHAR(40) PRIMARY KEY, login VARCHAR(255), "
                    + "created_at TIMESTAMP WITH TIME ZONE, attributes JSONB)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".users VALUES (?, ?, ?, "
                + "CAST(? AS JSONB))")) {
            for (ObjectNode user : users()) {
                insert.setString(1, user.get("id").asText());
                insert.setString(2, user.hasNonNull("userName") ? user.get("userName").asText() : null);
                JsonNode created = user.path("meta").get("created");
                insert.setObject(3, created == null ? null : OffsetDateTime.parse(created.asText()),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(4, LAYOUT.writeTree(user, Map.of()).toString());
                insert.executeUpdate();
            }
        }
    }
}
