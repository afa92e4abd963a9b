package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scim2j.examples.sonar.e2e.RunningServer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hostile input over HTTP: filter values cannot alter the SQL they are bound into, ids cannot reach anything but the
 * resource they name, and every error is a SCIM Error body that names no internals (no class names, no exception,
 * no SQL state or driver message). After each attack the host tables hold exactly what was seeded.
 */
abstract class HostileInputBehaviour {

    /** Attack strings: SQL string and statement breaks, comments, LIKE metacharacters, NUL, unicode quotes. */
    static final List<String> VALUES = List.of(
            "x' OR '1'='1",
            "\"; DROP TABLE users; --",
            "x'); DELETE FROM users; --",
            "' UNION SELECT uuid, login, name, email FROM users --",
            "%' OR 1=1 --",
            "%",
            "_",
            "\\",
            "\\'",
            "'",
            "''",
            "\u0000",
            "a\u0000b",
            "\u02bc OR 1=1 --",
            "${jndi:ldap://127.0.0.1/x}",
            "*/ OR /* 1=1");

    private static final List<String> USER_ATTRIBUTES = List.of("userName", "externalId", "emails.value",
            "name.formatted", "id", "emails[type eq \"work\"].value");
    private static final List<String> GROUP_ATTRIBUTES = List.of("displayName", "externalId", "id");
    private static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "gt", "lt");

    /**
     * What an error detail must not contain: Java class names, exceptions, stack frames, SQL states, driver and
     * database names.
     */
    private static final Pattern INTERNALS = Pattern.compile("(?i)exception|\\bat [a-z]+\\.[a-z]|\\b(java|javax|"
            + "jakarta|org|com)\\.[a-z]+\\.|sqlstate|\\bh2\\b|postgres|psql|hikari|jdbc|jetty|syntax error at or"
            + " near|\\.java:\\d+");

    RunningServer server;
    ScimHttp scim;
    TestDatabase database;
    private String alice;
    private String bob;

    abstract TestDatabase newDatabase() throws Exception;

    @BeforeEach
    void seed() throws Exception {
        database = newDatabase();
        server = new RunningServer(database.url(), database.user(), database.password());
        scim = new ScimHttp(server.baseUrl, RunningServer.TOKEN);
        alice = scim.post("/Users", "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"alice@example.com\","
                + "\"externalId\":\"ext-alice\",\"name\":{\"formatted\":\"Alice A\"},"
                + "\"emails\":[{\"value\":\"alice@example.com\",\"primary\":true}],\"active\":true}").id();
        bob = scim.post("/Users", ScimHttp.user("bob@example.com")).id();
        assertThat(scim.post("/Groups", ScimHttp.group("Admins", alice, bob)).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        database.close();
    }

    /** Exactly the seeded rows, in every host table. */
    private void assertTablesIntact(SoftAssertions soft, String after) throws Exception {
        soft.assertThat(Map.of(
                        "users", database.count("SELECT COUNT(*) FROM users"),
                        "scim_users", database.count("SELECT COUNT(*) FROM scim_users"),
                        "groups", database.count("SELECT COUNT(*) FROM groups"),
                        "scim_groups", database.count("SELECT COUNT(*) FROM scim_groups"),
                        "groups_users", database.count("SELECT COUNT(*) FROM groups_users"),
                        "active users", database.count("SELECT COUNT(*) FROM users WHERE active = TRUE")))
                .as("tables after %s", after)
                .isEqualTo(Map.of("users", 2L, "scim_users", 2L, "groups", 1L, "scim_groups", 1L,
                        "groups_users", 2L, "active users", 2L));
    }

    /** A SCIM Error body (RFC 7644 §3.12) whose status is the HTTP status and whose detail shows no internals. */
    private static void assertScimError(SoftAssertions soft, ScimHttp.Answer answer, String what) {
        JsonNode json = answer.json();
        soft.assertThat(json.path("schemas").toString()).as("%s: SCIM Error body in %s", what, answer)
                .contains(ScimHttp.ERROR);
        soft.assertThat(json.path("status").asText()).as("%s: status in %s", what, answer)
                .isEqualTo(Integer.toString(answer.status()));
        soft.assertThat(answer.header("Content-Type")).as("%s: media type", what).startsWith("application/scim+json");
        soft.assertThat(INTERNALS.matcher(json.path("detail").asText()).find())
                .as("%s: detail reveals internals: %s", what, answer).isFalse();
    }

    /** A JSON string literal of the filter language (the same escapes as JSON). */
    private static String literal(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Test
    void filterValuesCannotAlterTheSql() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        int asked = 0;
        for (String value : VALUES) {
            for (String op : OPERATORS) {
                for (String attribute : USER_ATTRIBUTES) {
                    asked += ask(soft, "/Users", attribute + " " + op + " " + literal(value), op);
                }
                for (String attribute : GROUP_ATTRIBUTES) {
                    asked += ask(soft, "/Groups", attribute + " " + op + " " + literal(value), op);
                }
            }
            // The same through POST .search, where the filter arrives inside a JSON body.
            String filter = "userName eq " + literal(value);
            ScimHttp.Answer searched = scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:"
                    + "messages:2.0:SearchRequest\"],\"filter\":" + jsonString(filter) + "}");
            if (searched.status() == 400) {
                soft.assertThat(searched.json().path("scimType").asText()).as("POST .search %s: %s", filter,
                        searched).isEqualTo("invalidFilter");
                assertScimError(soft, searched, "POST .search");
            } else {
                soft.assertThat(searched.status()).as("POST .search %s: %s", filter, searched).isEqualTo(200);
                soft.assertThat(searched.json().path("totalResults").asInt(-1)).as("POST .search %s", filter)
                        .isZero();
            }
        }
        assertThat(asked).as("filters answered with results").isPositive();
        assertTablesIntact(soft, "hostile filters");
        soft.assertAll();
    }

    /** One filter: 200 with nothing found (every operator but ne) or 400 invalidFilter; never 5xx. */
    private int ask(SoftAssertions soft, String endpoint, String filter, String op) throws Exception {
        ScimHttp.Answer answer = scim.get(endpoint + "?filter=" + ScimHttp.encode(filter));
        String what = endpoint + "?filter=" + filter.replace("\u0000", "\\u0000");
        if (answer.status() == 400) {
            soft.assertThat(answer.json().path("scimType").asText()).as("%s: %s", what, answer)
                    .isEqualTo("invalidFilter");
            assertScimError(soft, answer, what);
            return 0;
        }
        soft.assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(200);
        int total = answer.json().path("totalResults").asInt(-1);
        if (op.equals("ne")) {
            // Every seeded resource differs from the attack string (or lacks the attribute): nothing more appears.
            soft.assertThat(total).as("%s: %s", what, answer).isBetween(0, endpoint.equals("/Users") ? 2 : 1);
        } else if (!op.equals("gt") && !op.equals("lt")) {
            soft.assertThat(total).as("%s: %s", what, answer).isZero();
        }
        return 1;
    }

    private static String jsonString(String value) {
        return literal(value);
    }

    @Test
    void sortByAndPagingParametersCannotAlterTheSql() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String query : List.of("sortBy=" + ScimHttp.encode("userName; DROP TABLE users; --"),
                "sortBy=" + ScimHttp.encode("userName desc, (SELECT 1)"),
                "sortBy=userName&sortOrder=" + ScimHttp.encode("descending; DELETE FROM users"),
                "startIndex=" + ScimHttp.encode("1; DELETE FROM users"),
                "count=" + ScimHttp.encode("1 OR 1=1"),
                "startIndex=-2147483648&count=2147483647",
                "startIndex=99999999999999999999",
                "attributes=" + ScimHttp.encode("userName,(SELECT login FROM users)"),
                "excludedAttributes=" + ScimHttp.encode("' OR '1'='1"))) {
            ScimHttp.Answer answer = scim.get("/Users?" + query);
            soft.assertThat(answer.status()).as("%s: %s", query, answer).isIn(200, 400);
            if (answer.status() != 200) {
                assertScimError(soft, answer, query);
            }
        }
        assertTablesIntact(soft, "hostile query parameters");
        soft.assertAll();
    }

    @Test
    void idsCannotEscapeTheResourceTheyName() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        List<String> ids = List.of("..%2F..%2FGroups", "..%2F" + alice, "%2e%2e", "%2e%2e%2fGroups", "%00",
                "a%00b", alice + "%00", "%252e%252e%252f", "..;", "'%20OR%20'1'='1",
                "x'%3B%20DELETE%20FROM%20users%3B--", "%25", "%5C", "*", alice.toUpperCase(java.util.Locale.ROOT),
                "a".repeat(10_000), "%E2%80%AE" + alice, "%C0%AE%C0%AE");
        for (String id : ids) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "...(" + id.length() + ")" : id;
            for (String endpoint : List.of("/Users/", "/Groups/")) {
                for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
                    String body = switch (method) {
                        case "PUT" -> endpoint.equals("/Users/") ? ScimHttp.user("mallory@example.com")
                                : ScimHttp.group("Mallory");
                        case "PATCH" -> "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[{\"op\":"
                                + "\"replace\",\"path\":\"externalId\",\"value\":\"mallory\"}]}";
                        default -> null;
                    };
                    String what = method + " " + endpoint + shown;
                    ScimHttp.Answer answer;
                    try {
                        answer = scim.send(method, endpoint + id, body);
                    } catch (java.io.IOException e) {
                        soft.fail("%s: no answer (%s)", what, e);
                        continue;
                    }
                    soft.assertThat(answer.status()).as("%s: %s", what, answer).isIn(400, 404, 414);
                    assertScimError(soft, answer, what);
                }
            }
        }
        assertTablesIntact(soft, "hostile ids");
        soft.assertThat(scim.get("/Users/" + alice).json().path("externalId").asText()).isEqualTo("ext-alice");
        soft.assertAll();
    }

    @Test
    void aStoreFailureIsA500ScimErrorThatNamesNoInternals() throws Exception {
        // The pool closes under the running server: every request that needs the database fails in the store.
        server.server.database().close();
        SoftAssertions soft = new SoftAssertions();
        for (String[] request : new String[][] {{"GET", "/Users", null}, {"GET", "/Users/" + alice, null},
                {"POST", "/Users", ScimHttp.user("carol@example.com")}, {"DELETE", "/Groups/" + alice, null},
                {"GET", "/Groups?filter=" + ScimHttp.encode("displayName eq \"Admins\""), null}}) {
            ScimHttp.Answer answer = scim.send(request[0], request[1], request[2]);
            String what = request[0] + " " + request[1];
            soft.assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(500);
            assertScimError(soft, answer, what);
            soft.assertThat(answer.json().path("detail").asText()).as(what)
                    .isEqualTo("the service provider failed to process the request");
        }
        soft.assertAll();
    }

    @Test
    void malformedBodiesAreScimErrorsAndWriteNothing() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        List<String> bodies = List.of("", "{", "null", "[]", "\"x\"", "{\"schemas\":\"x\"}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":" + deep + "}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"a\",\"active\":1e999999999}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"" + "u".repeat(300) + "\"}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"bob@example.com\"}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"a\",\"emails\":[{\"value\":\""
                        + "e".repeat(200) + "\"}]}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"\\u0000\"}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"a\",\"userName\":\"b\"}",
                "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"a\",\"externalId\":{\"$ne\":1}}");
        for (String body : bodies) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "..." : body;
            for (String[] target : new String[][] {{"POST", "/Users"}, {"PUT", "/Users/" + alice},
                    {"POST", "/Groups"}, {"POST", "/Bulk"}}) {
                ScimHttp.Answer answer = scim.send(target[0], target[1], body);
                String what = target[0] + " " + target[1] + " " + shown.replace("\u0000", "\\u0000");
                soft.assertThat(answer.status()).as("%s: %s", what, answer).isBetween(400, 499);
                assertScimError(soft, answer, what);
            }
        }
        assertTablesIntact(soft, "malformed bodies");
        soft.assertAll();
    }

    /**
     * Issue 13 finding 6: PostgreSQL stored {@code "pglone\ud800x"} as {@code pglone?x} (and then refused a user
     * {@code pglone?x} as taken). Half a surrogate pair is no Unicode text (RFC 8259 §8.2): refused with 400 before
     * any store sees it, on H2 and PostgreSQL alike.
     */
    @Test
    void textThatIsNotUnicodeIsRefusedBeforeAnyStore() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        String lone = "pglone\\ud800x"; // a JSON escape: the body's bytes are valid UTF-8
        String patch = "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"externalId\",\"value\":\"" + lone + "\"}]}";
        for (String[] request : new String[][] {
                {"POST", "/Users", ScimHttp.user(lone)},
                {"PUT", "/Users/" + alice, ScimHttp.user(lone)},
                {"PATCH", "/Users/" + alice, patch},
                {"POST", "/Groups", ScimHttp.group(lone)},
                {"POST", "/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                        + "\"filter\":\"userName eq \\\"" + lone + "\\\"\"}"}}) {
            ScimHttp.Answer answer = scim.send(request[0], request[1], request[2]);
            String what = request[0] + " " + request[1];
            soft.assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(400);
            soft.assertThat(answer.json().path("scimType").asText()).as("%s: %s", what, answer)
                    .isEqualTo("invalidValue");
            soft.assertThat(answer.json().path("detail").asText()).as(what).contains("not valid Unicode");
            assertScimError(soft, answer, what);
        }
        ScimHttp.Answer filtered = scim.get("/Users?filter=" + ScimHttp.encode("userName eq \"pglone\\ud800x\""));
        soft.assertThat(filtered.status()).as("%s", filtered).isEqualTo(400);
        soft.assertThat(filtered.json().path("scimType").asText()).isEqualTo("invalidFilter");
        soft.assertThat(filtered.json().path("detail").asText()).contains("not valid Unicode");
        assertTablesIntact(soft, "text that is not Unicode");
        soft.assertThat(scim.post("/Users", ScimHttp.user("pglone?x")).status()).as("pglone?x is not taken")
                .isEqualTo(201);
        soft.assertAll();
    }

    /**
     * Issue 13, finding 5: the cursor was plain base64 of {@code k2:<total>:<lastId>}, so a client set
     * {@code totalResults} at will, carried a cursor over to another filter (and got that query's count), and on
     * PostgreSQL a NUL in it gave 500. Cursors are now sealed to their query by the library: anything else is 400
     * {@code invalidCursor} (RFC 9865 §2.1), the same on H2 and PostgreSQL.
     */
    @Test
    void cursorsCannotBeForgedOrCarriedOverToAnotherQuery() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        ScimHttp.Answer first = scim.get("/Users?cursor=&count=1");
        String next = first.json().path("nextCursor").asText();
        soft.assertThat(next).as("%s", first).isNotEmpty();
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        java.util.List<String> forged = new java.util.ArrayList<>();
        for (String text : List.of("k2:999:" + alice, "k2:1:\u0000", "k2:1:" + alice + "\u0000", "k2:1:'; --")) {
            forged.add(base64.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        forged.add(next.substring(0, next.length() - 2) + (next.endsWith("AA") ? "BB" : "AA"));
        forged.add("%00");
        for (String cursor : forged) {
            ScimHttp.Answer answer = scim.get("/Users?cursor=" + cursor + "&count=1");
            soft.assertThat(answer.status()).as("cursor %s: %s", cursor, answer).isEqualTo(400);
            soft.assertThat(answer.json().path("scimType").asText()).as("cursor %s", cursor)
                    .isEqualTo("invalidCursor");
            assertScimError(soft, answer, "cursor " + cursor);
        }
        ScimHttp.Answer otherQuery = scim.get("/Users?filter=" + ScimHttp.encode("userName sw \"b\"") + "&cursor="
                + next + "&count=1");
        soft.assertThat(otherQuery.status()).as("%s", otherQuery).isEqualTo(400);
        soft.assertThat(otherQuery.json().path("scimType").asText()).isEqualTo("invalidCursor");
        ScimHttp.Answer second = scim.get("/Users?cursor=" + next + "&count=1");
        soft.assertThat(second.status()).as("%s", second).isEqualTo(200);
        soft.assertThat(second.json().path("totalResults").asInt()).isEqualTo(2);
        assertTablesIntact(soft, "forged cursors");
        soft.assertAll();
    }
}
