package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Map;

/**
 * Hostile input through the transport-free service: random and mutated JSON bodies (create, PUT, bulk), PATCH
 * requests and filters never produce a 5xx, never let an exception escape, always answer errors as SCIM Error
 * bodies, and never leave a partial write behind.
 */
class ServiceFuzzProperties {

    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"fuzz\",\"name\":{\"givenName\":\"F\",\"familyName\":\"Z\"},\"active\":true,"
            + "\"emails\":[{\"value\":\"f@z.org\",\"type\":\"work\",\"primary\":true}],"
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"7\"}}";

    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x@y.z\"},"
            + "{\"op\":\"add\",\"value\":{\"nickName\":\"N\",\"name.givenName\":\"G\"}},"
            + "{\"op\":\"remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\"}]}";

    private static final String FILTER = "userName eq \"fuzz\" and (emails[type eq \"work\" and value co \"@\"] "
            + "or meta.lastModified gt \"2011-05-13T04:42:34Z\") and not (active eq false)";

    private static final String PUT = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"fuzz-put\",\"name\":{\"formatted\":\"P U\"},\"active\":false,\"externalId\":\"e\","
            + "\"emails\":[{\"value\":\"p@u.org\",\"primary\":true}],\"phoneNumbers\":[{\"value\":\"+1\"}]}";

    /** Creates a user and a group with it as member, patches the group, deletes the user; ids by bulkId. */
    private static final String BULK = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
            + "\"failOnErrors\":2,\"Operations\":["
            + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"BULKNAME\"}},"
            + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"BULKNAME\","
            + "\"members\":[{\"value\":\"bulkId:u1\"}]}},"
            + "{\"method\":\"PATCH\",\"path\":\"/Groups/bulkId:g1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
            + "\"path\":\"members[value eq \\\"bulkId:u1\\\"]\"}]}},"
            + "{\"method\":\"PUT\",\"path\":\"/Users/bulkId:u1\",\"data\":"
            + "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"BULKNAME\","
            + "\"active\":false}},"
            + "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:u1\"}]}";

    private final ScimTestClient client = new ScimTestClient(ScimService.builder().users(new InMemoryUserRepository())
            .groups(new InMemoryGroupRepository()).build());

    @Property(tries = 400)
    void mutatedCreateBodiesNeverFailOnTheServerSide(@ForAll("mutatedUsers") String body) {
        ScimTestClient.Reply reply = client.post("/Users", body);
        assertClientOrSuccess(reply);
        if (reply.status() == 201) {
            client.send("DELETE", "/Users/" + reply.json().get("id").asText(), null, Map.of());
        }
    }

    @Property(tries = 400)
    void mutatedPatchesEitherApplyWhollyOrChangeNothing(@ForAll("mutatedPatches") String patch) {
        ScimTestClient.Reply created = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-" + System.nanoTime()
                + "\""));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode before = client.get("/Users/" + id).json();
        ScimTestClient.Reply reply = client.send("PATCH", "/Users/" + id, patch, Map.of());
        assertClientOrSuccess(reply);
        if (reply.status() >= 400) {
            assertThat(client.get("/Users/" + id).json()).isEqualTo(before);
        }
        client.send("DELETE", "/Users/" + id, null, Map.of());
    }

    @Property(tries = 400)
    void mutatedFiltersAreAnsweredOr400(@ForAll("mutatedFilters") String filter) {
        ScimTestClient.Reply reply = client.send("GET", "/Users", null, Map.of(),
                Map.of("filter", List.of(filter)));
        assertClientOrSuccess(reply);
        if (reply.status() >= 400) {
            assertThat(reply.status()).isEqualTo(400);
        }
    }

    /** The templates the PUT and bulk mutations start from are valid, so that mutations reach deep paths. */
    @Example
    void unmutatedPutAndBulkTemplatesSucceed() {
        String id = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-template\"")).json().get("id").asText();
        assertThat(client.send("PUT", "/Users/" + id, PUT, Map.of()).status()).isEqualTo(200);
        ScimTestClient.Reply bulk = client.post("/Bulk", BULK.replace("BULKNAME", "bulk-template"));
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        assertThat(bulk.json().path("Operations").size()).as("%s", bulk).isEqualTo(5);
        for (JsonNode operation : bulk.json().path("Operations")) {
            assertThat(operation.path("status").asText()).as("%s", bulk).startsWith("2");
        }
    }

    @Property(tries = 300)
    void mutatedPutBodiesEitherReplaceWhollyOrChangeNothing(@ForAll("mutatedPuts") String put) {
        ScimTestClient.Reply created = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-" + System.nanoTime()
                + "\""));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode before = client.get("/Users/" + id).json();
        ScimTestClient.Reply reply = client.send("PUT", "/Users/" + id, put.replace("\"fuzz-put\"",
                "\"fuzz-put-" + System.nanoTime() + "\""), Map.of());
        assertClientOrSuccess(reply);
        if (reply.status() >= 400) {
            assertThat(client.get("/Users/" + id).json()).isEqualTo(before);
        } else {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(client.get("/Users/" + id).json()).isEqualTo(reply.json());
        }
        client.send("DELETE", "/Users/" + id, null, Map.of());
    }

    @Property(tries = 300)
    void mutatedBulkBodiesNeverFailOnTheServerSide(@ForAll("mutatedBulks") String bulk) {
        ScimTestClient.Reply reply = client.post("/Bulk", bulk.replace("BULKNAME", "bulk-" + System.nanoTime()));
        assertClientOrSuccess(reply);
        // Each operation's outcome, in a BulkResponse, is a status below 500 too (RFC 7644 §3.7.3).
        for (JsonNode operation : reply.json().path("Operations")) {
            JsonNode status = operation.path("status");
            assertThat(status.isMissingNode() ? 0 : Integer.parseInt(status.asText().trim().split(" ")[0]))
                    .as("%s in %s", operation, reply).isLessThan(500);
            JsonNode response = operation.path("response");
            if (!response.isMissingNode() && response.has("status")) {
                assertThat(response.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
            }
        }
    }

    private static void assertClientOrSuccess(ScimTestClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
        if (reply.status() >= 400) {
            JsonNode error = reply.json();
            assertThat(error.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.path("detail").asText()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutatedUsers() {
        return mutations(USER);
    }

    @Provide
    Arbitrary<String> mutatedPatches() {
        return mutations(PATCH);
    }

    @Provide
    Arbitrary<String> mutatedPuts() {
        return mutations(PUT);
    }

    @Provide
    Arbitrary<String> mutatedBulks() {
        return mutations(BULK);
    }

    @Provide
    Arbitrary<String> mutatedFilters() {
        return mutations(FILTER);
    }

    /** The text with 1 to 4 random single-character insertions, deletions or replacements. */
    private static Arbitrary<String> mutations(String text) {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', 'x', '0', '-', ' ', '.',
                'n', 't', 'é', '\u0000', '(', ')');
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, text.length() - 1), chars.map(c -> (int) c))
                .as((kind, at, c) -> new int[] {kind, at, c});
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            StringBuilder s = new StringBuilder(text);
            for (int[] e : edits) {
                int at = Math.min(e[1], Math.max(0, s.length() - 1));
                switch (e[0]) {
                    case 0 -> s.insert(at, (char) e[2]);
                    case 1 -> {
                        if (s.length() > 0) {
                            s.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (s.length() > 0) {
                            s.setCharAt(at, (char) e[2]);
                        }
                    }
                }
            }
            return s.toString();
        });
    }
}
