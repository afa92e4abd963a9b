package org.scim2j.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.Schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks, through the running server, that a bulk-loaded full-profile store is what the example would have stored
 * itself: a user POSTed through the server is stored with the same columns and the same document
 * ({@code jsonb} equality) as {@link FullProfile#row} writes for it, loaded users read back equal to the generated
 * §8.2 users (but {@code id}, {@code meta}, {@code groups}), and each lookup filter of the scenarios finds exactly
 * the users it should. Run it right after loading: the write scenarios change users.
 */
final class FullProfileChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadRunner runner;
    private final StoreInspector inspector;
    private final int users;
    private final String runTag;
    private final Path out;
    private final List<String> failures = new ArrayList<>();

    FullProfileChecks(LoadRunner runner, StoreInspector inspector, int users, String runTag, Path out) {
        this.runner = runner;
        this.inspector = inspector;
        this.users = users;
        this.runTag = runTag;
        this.out = out;
    }

    /** Runs every check; returns the report lines (failures are reported, not thrown). */
    List<String> run() throws IOException, InterruptedException, SQLException {
        List<String> report = new ArrayList<>();
        report.add(postedDocument());
        report.add(readBack());
        report.add(filters());
        report.add(failures.isEmpty() ? "**verify: all checks passed**"
                : "**verify FAILED**: " + String.join("; ", failures));
        return report;
    }

    /** A user POSTed through the server, then its row read with SQL and compared; the probe is removed again. */
    private String postedDocument() throws IOException, InterruptedException, SQLException {
        int index = users + 11;
        User probe = FullProfile.user(index, "probe-" + runTag + "@load.example.com", true);
        FullProfile.Row expected = FullProfile.row(probe);
        LoadRunner.Answer created = runner.send(runner.json("POST", "/Users", FullProfile.json(probe)));
        if (created.status() != 201) {
            failures.add("POST of the probe answered " + created.status());
            return "probe POST answered " + created.status() + ": " + LoadRunner.abbreviate(created.body());
        }
        String id = read(created.body()).path("id").asText();
        try {
            Optional<StoreInspector.StoredRow> stored = inspector.stored(id, expected.document());
            if (stored.isEmpty()) {
                failures.add("the probe's row is missing");
                return "probe row missing";
            }
            StoreInspector.StoredRow row = stored.get();
            List<String> differences = new ArrayList<>();
            compare(differences, "users.login", expected.login(), row.login());
            compare(differences, "users.name", expected.name(), row.name());
            compare(differences, "users.email", expected.email(), row.email());
            compare(differences, "users.external_id", expected.externalId(), row.externalId());
            if (!row.sameDocument()) {
                differences.add("scim_users.attributes (see verify-*-document.json)");
                Files.writeString(out.resolve("verify-expected-document.json"), pretty(expected.document()),
                        StandardCharsets.UTF_8);
                Files.writeString(out.resolve("verify-stored-document.json"), pretty(row.document()),
                        StandardCharsets.UTF_8);
            }
            if (!differences.isEmpty()) {
                failures.add("POSTed user stored differently: " + String.join(", ", differences));
            }
            return differences.isEmpty()
                    ? String.format(Locale.ROOT, "verify: a full user POSTed through the server (index %,d) is stored"
                    + " with the columns and the document (`jsonb` =, %,d B of JSON text) that the loader writes",
                    index, expected.document().length())
                    : "verify: POSTed user stored differently: " + differences;
        } finally {
            inspector.deleteUser(id);
        }
    }

    /** Loaded users read back through GET equal the generated users (but id, meta, groups). */
    private String readBack() throws IOException, InterruptedException {
        TreeSet<Integer> sample = new TreeSet<>(List.of(0, 1, 9, 10, 100, 101, users / 2 + 3, users - 1));
        sample.removeIf(k -> k < 0 || k >= users);
        ScimJson scim = ScimJson.defaults();
        List<String> equal = new ArrayList<>();
        String spotCheck = "";
        for (int k : sample) {
            LoadRunner.Answer a = runner.send(runner.request("/Users/" + StoreLoader.scimId(k)).GET().build());
            if (a.status() != 200) {
                failures.add("GET of user " + k + " answered " + a.status());
                continue;
            }
            ObjectNode actual = read(a.body());
            actual.remove(List.of("id", "meta", "groups"));
            ObjectNode expected = scim.toTree(FullProfile.user(k));
            if (!actual.equals(expected)) {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> names = union(actual, expected); names.hasNext(); ) {
                    String name = names.next();
                    if (!java.util.Objects.equals(actual.get(name), expected.get(name))) {
                        keys.add(name);
                    }
                }
                failures.add("user " + k + " reads back different in " + keys);
                Files.writeString(out.resolve("verify-user-" + k + "-actual.json"), actual.toPrettyString(),
                        StandardCharsets.UTF_8);
                Files.writeString(out.resolve("verify-user-" + k + "-expected.json"), expected.toPrettyString(),
                        StandardCharsets.UTF_8);
                continue;
            }
            equal.add(Integer.toString(k));
            if (k == 1) {
                JsonNode e = actual.path(Schemas.ENTERPRISE_USER);
                spotCheck = String.format(Locale.ROOT, " (user 1: name.givenName %s, title %s, employeeNumber %s, "
                        + "%d emails, %d phone numbers, %d addresses, manager %s)", actual.path("name")
                        .path("givenName"), actual.path("title"), e.path("employeeNumber"), actual.path("emails")
                        .size(), actual.path("phoneNumbers").size(), actual.path("addresses").size(),
                        e.path("manager").path("value"));
            }
        }
        return "verify: loaded users " + String.join(", ", equal) + " read back through `GET /Users/{id}` equal to"
                + " the generated full user, but id, meta and groups" + spotCheck;
    }

    /** Each lookup filter of the scenarios finds exactly its users. */
    private String filters() throws IOException, InterruptedException {
        int k = users / 2 + 3;
        if (k % 100 == 0 || k % 20 == 0) {
            k++;
        }
        int fellow = k / 100 * 100;
        String enterprise = Schemas.ENTERPRISE_USER + ":";
        List<String> ok = new ArrayList<>();
        check(ok, "userName eq \"" + StoreLoader.login(k) + "\"", 1, k);
        check(ok, "externalId eq \"" + FullProfile.externalId(k) + "\"", 1, k);
        check(ok, "emails[type eq \"work\"].value eq \"" + StoreLoader.login(k).toUpperCase(Locale.ROOT) + "\"", 1,
                k);
        check(ok, enterprise + "employeeNumber eq \"" + FullProfile.employeeNumber(k) + "\"", 1, k);
        check(ok, "title eq \"" + FullProfile.rareTitle(fellow) + "\"", 1, fellow);
        // COMMON_TITLES[3]: users i with i % 20 == 3, none of them a multiple of 100
        check(ok, "title eq \"" + FullProfile.COMMON_TITLES.get(3) + "\"", (users - 3 + 19) / 20, -1);
        return "verify: filters with the expected totalResults (and user): " + String.join("; ", ok);
    }

    private void check(List<String> ok, String filter, int total, int user) throws IOException,
            InterruptedException {
        LoadRunner.Answer a = runner.send(runner.request("/Users?count=1&filter=" + LoadRunner.urlEncode(filter))
                .GET().build());
        JsonNode body = a.status() == 200 ? read(a.body()) : JSON.createObjectNode();
        int found = body.path("totalResults").asInt(-1);
        String first = body.path("Resources").path(0).path("id").asText();
        if (a.status() != 200 || found != total || user >= 0 && !first.equals(StoreLoader.scimId(user))) {
            failures.add(String.format(Locale.ROOT, "%s: status %d, totalResults %d (expected %d)", filter,
                    a.status(), found, total));
        } else {
            ok.add(String.format(Locale.ROOT, "`%s` %,d", filter, found));
        }
    }

    private static void compare(List<String> differences, String what, String expected, String actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            differences.add(what + " " + actual + " instead of " + expected);
        }
    }

    private static Iterator<String> union(ObjectNode a, ObjectNode b) {
        TreeSet<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        return names.iterator();
    }

    private static ObjectNode read(String body) throws JsonProcessingException {
        return (ObjectNode) JSON.readTree(body);
    }

    private static String pretty(String json) throws JsonProcessingException {
        return JSON.readTree(json).toPrettyString();
    }
}
