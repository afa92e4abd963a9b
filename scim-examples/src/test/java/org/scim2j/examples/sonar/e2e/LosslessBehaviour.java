package org.scim2j.examples.sonar.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.patch.PatchEngine;
import org.scim2j.core.patch.PatchOptions;
import org.scim2j.core.patch.PatchRequest;
import org.scim2j.core.query.ResourceSorter;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.examples.sonar.reliability.TestDatabase;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.FilterParser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an identity provider writes reads back, filters and sorts through the example host: RFC 7643 §8.2's full
 * User with the Enterprise extension (§8.3), PUT, every PATCH form of RFC 7644 §3.5.2 and the Okta and Entra ID
 * dialects (IDP-TRAFFIC P1-P32), and filters and sorts on any attribute, checked against scim-core's evaluator and
 * sorter over what the server returns. Subclasses pick the database.
 */
abstract class LosslessBehaviour {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = Schemas.ENTERPRISE_USER;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private TestDatabase database;
    RunningServer scim;

    abstract TestDatabase newDatabase() throws Exception;

    @BeforeEach
    void start() throws Exception {
        database = newDatabase();
        scim = new RunningServer(database.url(), database.user(), database.password());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            scim.close();
        } finally {
            database.close();
        }
    }

    static ObjectNode fullUser() throws IOException {
        try (InputStream in = LosslessBehaviour.class.getResourceAsStream("/rfc7643/full-user.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /**
     * What a client reads back of what it wrote (RFC 7644 §3.5.1, §3.3): without server-set {@code id} and
     * {@code meta}, readOnly input ({@code groups}, {@code manager.displayName}) and the never-returned
     * {@code password}; {@code schemas} compared as a set.
     */
    static ObjectNode readBackOf(ObjectNode written) {
        ObjectNode expected = written.deepCopy();
        expected.remove(List.of("id", "meta", "groups", "password", "schemas"));
        if (expected.get(ENTERPRISE) instanceof ObjectNode enterprise
                && enterprise.get("manager") instanceof ObjectNode manager) {
            manager.remove("displayName");
        }
        return expected;
    }

    /** A returned resource without what the server sets ({@code id}, {@code meta}) and with {@code schemas} apart. */
    static ObjectNode clientView(JsonNode returned) {
        ObjectNode view = (ObjectNode) returned.deepCopy();
        view.remove(List.of("id", "meta", "schemas"));
        if (view.get("groups") instanceof ArrayNode groups && groups.isEmpty()) {
            view.remove("groups");
        }
        return view;
    }

    private static Set<String> schemas(JsonNode resource) {
        Set<String> urns = new TreeSet<>();
        resource.path("schemas").forEach(n -> urns.add(n.asText()));
        return urns;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RFC 7643 §8.2 and §8.3 through POST, GET, list and PUT

    @Test
    void rfc7643_8_2_aFullUserWithTheEnterpriseExtensionReadsBackAsWritten() throws Exception {
        ObjectNode written = fullUser();

        RunningServer.Answer created = scim.post("/Users", written.toString());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(clientView(created.body())).isEqualTo(readBackOf(written));
        assertThat(schemas(created.body())).isEqualTo(schemas(written));
        String id = created.body().path("id").asText();
        RunningServer.Answer read = scim.get("/Users/" + id);
        assertThat(read.body()).isEqualTo(created.body());
        RunningServer.Answer listed = scim.get("/Users?filter=" + RunningServer.encode("id eq \"" + id + "\""));
        assertThat(listed.body().path("Resources").get(0)).isEqualTo(created.body());
        RunningServer.Answer byTitle = scim.get("/Users?filter=" + RunningServer.encode("title eq \"tour guide\"")
                + "&attributes=userName");
        assertThat(byTitle.body().path("Resources").get(0).path("userName").asText()).isEqualTo("bjensen@example.com");
    }

    @Test
    void rfc7644_3_5_1_putReplacesEveryAttributeExactly() throws Exception {
        String id = scim.post("/Users", fullUser().toString()).body().path("id").asText();
        ObjectNode replacement = fullUser();
        replacement.put("title", "Senior Tour Guide").remove(List.of("nickName", "ims", "photos"));
        ((ObjectNode) replacement.get("name")).put("givenName", "Barb").remove("middleName");
        ((ArrayNode) replacement.get("emails")).remove(1);
        ((ArrayNode) replacement.get("phoneNumbers")).addObject().put("value", "555-555-3333").put("type", "home");
        ((ObjectNode) replacement.get(ENTERPRISE)).put("department", "Sales").remove("manager");

        RunningServer.Answer replaced = scim.put("/Users/" + id, replacement.toString());

        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(clientView(replaced.body())).isEqualTo(readBackOf(replacement));
        assertThat(clientView(scim.get("/Users/" + id).body())).isEqualTo(readBackOf(replacement));

        // Okta's App Integration Wizard: GET, change one attribute, PUT the whole user back (OKTA-SCIM20 §1.6)
        ObjectNode current = (ObjectNode) scim.get("/Users/" + id).body();
        ((ObjectNode) current.get("name")).put("middleName", "J.");
        RunningServer.Answer oktaPut = scim.put("/Users/" + id, current.toString());
        assertThat(clientView(oktaPut.body())).isEqualTo(clientView(current));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PATCH: every form changes exactly what it says; the store reads back what the PATCH engine computed

    static List<String> patches() {
        String ent = ENTERPRISE;
        return List.of(
                // RFC 7644 §3.5.2.1 add
                "[{\"op\":\"add\",\"value\":{\"emails\":[{\"value\":\"babs@jensen.org\",\"type\":\"home\"}],"
                        + "\"nickName\":\"Babsie\"}}]",
                "[{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":[{\"value\":\"555-1\",\"type\":\"pager\"}]}]",
                "[{\"op\":\"add\",\"path\":\"" + ent + ":costCenter\",\"value\":\"9999\"}]",
                // §3.5.2.2 remove
                "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\" and value ew \\\"example.com\\\"]\"}]",
                "[{\"op\":\"remove\",\"path\":\"addresses\"}]",
                "[{\"op\":\"remove\",\"path\":\"name.middleName\"}]",
                "[{\"op\":\"remove\",\"path\":\"" + ent + ":manager\"}]",
                // §3.5.2.3 replace
                "[{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"]\",\"value\":{\"type\":\"work\","
                        + "\"streetAddress\":\"911 Universal City Plaza\",\"locality\":\"Hollywood\",\"primary\":true}}]",
                "[{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"home\\\"].streetAddress\","
                        + "\"value\":\"1010 Broadway Ave\"}]",
                "[{\"op\":\"replace\",\"value\":{\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\","
                        + "\"primary\":true},{\"value\":\"babs@jensen.org\",\"type\":\"home\"}],\"nickName\":\"B\"}}]",
                // P1, P2: Okta OIN deactivate / reactivate
                "[{\"op\":\"replace\",\"value\":{\"active\":false}}]",
                "[{\"op\":\"replace\",\"value\":{\"active\":true}}]",
                // P6, P9: Entra ID's default dialect
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]",
                "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Pvlo\"},{\"op\":\"Replace\",\"path\":"
                        + "\"emails[type eq \\\"work\\\"].value\",\"value\":\"TestBcwqnm@test.microsoft.com\"},"
                        + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Gtfd\"},{\"op\":\"Replace\","
                        + "\"path\":\"name.familyName\",\"value\":\"Pkqf\"},{\"op\":\"Replace\",\"path\":"
                        + "\"externalId\",\"value\":\"Eqpj\"},{\"op\":\"Replace\",\"path\":\"" + ent
                        + ":employeeNumber\",\"value\":\"Eqpj\"}]",
                // P10: Entra ID with aadOptscim062020: path-less replace with dotted and URN keys
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"m@x.com\"},"
                        + "{\"op\":\"replace\",\"value\":{\"displayName\":\"Bjfe\",\"name.givenName\":\"Kkom\","
                        + "\"name.familyName\":\"Unua\",\"" + ent + ":employeeNumber\":\"Aklq\"}}]",
                // P16, P19: filtered sub-attribute adds that create and merge one element
                "[{\"op\":\"Replace\",\"path\":\"addresses[type eq \\\"other\\\"].formatted\",\"value\":\"18/2111\"},"
                        + "{\"op\":\"Add\",\"path\":\"addresses[type eq \\\"other\\\"].locality\",\"value\":\"Paris\"},"
                        + "{\"op\":\"Add\",\"path\":\"" + ent + ":department\",\"value\":\"Retail\"}]",
                // P17: the manager, older form and newer (string id) form
                "[{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":\"http://x/Users/00aa\",\"value\":"
                        + "\"00aa\"}]}]",
                "[{\"op\":\"replace\",\"path\":\"" + ent + ":manager\",\"value\":\"00bb\"}]",
                // P20, P21: filtered replaces keep siblings; primary moves
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"u@work.com\"}]",
                "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"y@b.us\"},"
                        + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].display\",\"value\":\"W\"},"
                        + "{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].primary\",\"value\":false},"
                        + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":true}]",
                // P8: case-insensitive names
                "[{\"op\":\"Add\",\"path\":\"NickName\",\"value\":\"Babs\"},{\"op\":\"add\",\"path\":"
                        + "\"addresses[type eq \\\"work\\\"].Formatted\",\"value\":\"F\"}]");
    }

    @Test
    void rfc7644_3_5_2_everyPatchFormChangesExactlyWhatTheEngineSays() throws Exception {
        PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());
        int n = 0;
        for (String operations : patches()) {
            // each form on a fresh full user, so that every one finds what it addresses
            ObjectNode user = fullUser().put("userName", "patch" + n++ + "@example.com");
            String id = scim.post("/Users", user.toString()).body().path("id").asText();
            ObjectNode before = (ObjectNode) scim.get("/Users/" + id).body();
            ObjectNode body = JSON.createObjectNode();
            body.putArray("schemas").add(PATCH_OP);
            body.set("Operations", JSON.readTree(operations));
            ObjectNode expected = engine.apply(Schemas.USER_RESOURCE_TYPE, before,
                    PatchRequest.fromJson(body, engine.options())).resource();

            RunningServer.Answer patched = scim.patch("/Users/" + id, body.toString());

            assertThat(patched.status()).as("%s -> %s", operations, patched).isEqualTo(200);
            assertThat(clientView(scim.get("/Users/" + id).body())).as(operations).isEqualTo(clientView(expected));
        }
    }

    @Test
    void p18_entraValidatorAddAttributesCreateTheNameTheWorkEmailAndTheEnterpriseAttributes() throws Exception {
        String id = scim.entra().post("/Users", "{\"schemas\":[\"" + Schemas.USER + "\"],\"userName\":"
                + "\"erika@mustermann.de\",\"active\":true}").body().path("id").asText();

        RunningServer.Answer patched = scim.patch("/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"name.givenName\",\"value\":\"Erika\"},"
                + "{\"op\":\"add\",\"path\":\"name.familyName\",\"value\":\"Mustermann\"},"
                + "{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"erika@work.de\"},"
                + "{\"op\":\"add\",\"path\":\"title\",\"value\":\"Engineer\"},"
                + "{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"R&D\"},"
                + "{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"m-1\"}]}");

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + id).body();
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Erika");
        assertThat(user.path("name").path("familyName").asText()).isEqualTo("Mustermann");
        assertThat(user.path("emails")).hasSize(1);
        assertThat(user.path("emails").get(0).path("type").asText()).isEqualTo("work");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("erika@work.de");
        assertThat(user.path("title").asText()).isEqualTo("Engineer");
        assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
        assertThat(user.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("m-1");
        // ENTRA-TUT: the matching attributes are filterable, in Entra ID's own filter form
        for (String filter : List.of("emails[type eq \"work\"].value eq \"ERIKA@work.de\"",
                "title eq \"engineer\"", ENTERPRISE + ":department eq \"r&d\"", ENTERPRISE + ":manager eq \"m-1\"",
                "name.familyName eq \"mustermann\" and name.givenName eq \"Erika\"")) {
            RunningServer.Answer found = scim.get("/Users?filter=" + RunningServer.encode(filter));
            assertThat(found.body().path("totalResults").asInt()).as(filter).isEqualTo(1);
            assertThat(found.body().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Filters and sorting on any attribute agree with the in-memory evaluator and sorter

    static List<String> filters() {
        String ent = ENTERPRISE;
        return List.of("title eq \"tour guide\"", "title co \"GUIDE\"", "title pr", "not (title pr)",
                "name.givenName eq \"barbara\"", "name.familyName sw \"j\"", "name[givenName pr and familyName pr]",
                "nickName eq \"Babs\"", "displayName co \"jensen\"", "userType eq \"employee\"",
                "emails.value eq \"babs@jensen.org\"", "emails[type eq \"work\" and value co \"example\"]",
                "emails[type eq \"home\"].value ew \".org\"", "emails.type eq \"home\"",
                "phoneNumbers.value co \"5555\"", "phoneNumbers[type eq \"mobile\"]", "addresses.locality eq \"paris\"",
                "addresses[type eq \"work\" and country eq \"USA\"]", "ims pr", "not (photos pr)",
                "roles.value eq \"guide\"", "entitlements pr", "x509Certificates pr",
                ent + ":employeeNumber eq \"701984\"", ent + ":department eq \"tour operations\"",
                ent + ":manager.value pr", ent + ":manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",
                ent + ":costCenter gt \"4\"", "userName sw \"b\" and title pr",
                "title pr or " + ent + ":department eq \"sales\"", "meta.created pr", "active eq true",
                "externalId eq \"701984\"", "locale eq \"EN-us\"", "preferredLanguage pr and not (timezone pr)");
    }

    static List<String> sortKeys() {
        return List.of("title", "name.familyName", "name.givenName", "emails", "emails.value", "phoneNumbers.value",
                "addresses.locality", ENTERPRISE + ":employeeNumber", ENTERPRISE + ":department", "displayName",
                "userName", "meta.created", "meta.lastModified", "externalId", "nickName");
    }

    /** Six users with different profiles: the full one, variations, and a bare one. */
    private List<String> seedUsers() throws Exception {
        List<String> ids = new ArrayList<>();
        ObjectNode full = fullUser();
        ids.add(scim.post("/Users", full.toString()).body().path("id").asText());
        ObjectNode second = fullUser();
        second.put("userName", "jsmith@example.com").put("externalId", "x2").put("title", "Engineer")
                .put("nickName", "Js");
        ((ObjectNode) second.get("name")).put("givenName", "John").put("familyName", "Smith");
        ((ArrayNode) second.get("emails")).removeAll().addObject().put("value", "js@example.org").put("type", "home");
        ((ObjectNode) second.get(ENTERPRISE)).put("employeeNumber", "1001").put("department", "Sales")
                .remove("manager");
        ((ObjectNode) ((ArrayNode) second.get("addresses")).get(0)).put("locality", "Paris").put("country", "FR");
        second.remove(List.of("photos", "roles"));
        ids.add(scim.post("/Users", second.toString()).body().path("id").asText());
        ObjectNode third = fullUser();
        third.put("userName", "amy@example.com").put("externalId", "x3").remove(List.of("title", "ims",
                "timezone", "x509Certificates"));
        third.remove(ENTERPRISE);
        ((ArrayNode) third.get("schemas")).remove(1);
        ((ObjectNode) third.get("name")).put("givenName", "amy").put("familyName", "adams");
        ((ArrayNode) third.get("phoneNumbers")).remove(0);
        ids.add(scim.post("/Users", third.toString()).body().path("id").asText());
        ids.add(scim.post("/Users", "{\"userName\":\"bare@example.com\"}").body().path("id").asText());
        ObjectNode fifth = second.deepCopy();
        fifth.put("userName", "zed@example.com").put("externalId", "x5").put("title", "zookeeper");
        ((ObjectNode) fifth.get(ENTERPRISE)).put("costCenter", "1");
        ids.add(scim.post("/Users", fifth.toString()).body().path("id").asText());
        ObjectNode sixth = third.deepCopy();
        sixth.put("userName", "Bob@example.com").put("externalId", "x6").put("title", "TOUR GUIDE")
                .put("active", false);
        ids.add(scim.post("/Users", sixth.toString()).body().path("id").asText());
        return ids;
    }

    @Test
    void rfc7644_3_4_2_2_filtersOnAnyAttributeAgreeWithTheEvaluator() throws Exception {
        seedUsers();
        List<JsonNode> all = new ArrayList<>();
        scim.get("/Users?count=100").body().path("Resources").forEach(all::add);
        assertThat(all).hasSize(6);
        FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard());
        int discriminating = 0;
        for (String filter : filters()) {
            ResourceFilter compiled = evaluator.compile(FilterParser.lenient().parse(filter),
                    Schemas.USER_RESOURCE_TYPE);
            Set<String> expected = new HashSet<>();
            all.stream().filter(compiled).forEach(u -> expected.add(u.path("id").asText()));
            RunningServer.Answer answer = scim.get("/Users?count=100&filter=" + RunningServer.encode(filter));
            assertThat(answer.status()).as("%s: %s", filter, answer).isEqualTo(200);
            Set<String> actual = new HashSet<>();
            answer.body().path("Resources").forEach(u -> actual.add(u.path("id").asText()));
            assertThat(actual).as(filter).isEqualTo(expected);
            assertThat(answer.body().path("totalResults").asInt()).as(filter).isEqualTo(expected.size());
            discriminating += expected.isEmpty() || expected.size() == all.size() ? 0 : 1;
        }
        assertThat(discriminating).isGreaterThanOrEqualTo(filters().size() * 8 / 10);
    }

    @Test
    void rfc7644_3_4_2_3_sortByAnyAttributeAgreesWithTheSorter() throws Exception {
        seedUsers();
        List<JsonNode> all = new ArrayList<>();
        scim.get("/Users?count=100").body().path("Resources").forEach(all::add);
        for (String sortBy : sortKeys()) {
            for (SortOrder order : SortOrder.values()) {
                Comparator<JsonNode> sorter = ResourceSorter.comparator(SchemaRegistry.standard(),
                        Schemas.USER_RESOURCE_TYPE, AttributePath.parse(sortBy), order)
                        .thenComparing(u -> u.path("id").asText());
                List<String> expected = all.stream().sorted(sorter).map(u -> u.path("id").asText()).toList();
                RunningServer.Answer answer = scim.get("/Users?count=100&sortBy=" + RunningServer.encode(sortBy)
                        + "&sortOrder=" + (order == SortOrder.ASCENDING ? "ascending" : "descending"));
                assertThat(answer.status()).as("%s %s: %s", sortBy, order, answer).isEqualTo(200);
                List<String> actual = new ArrayList<>();
                answer.body().path("Resources").forEach(u -> actual.add(u.path("id").asText()));
                assertThat(actual).as("sortBy=%s %s", sortBy, order).containsExactlyElementsOf(expected);
            }
        }
    }
}
