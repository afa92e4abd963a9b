package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Map;

/**
 * Hostile input through the transport-free service: random and mutated JSON bodies, PATCH requests and filters
 * never produce a 5xx, never let an exception escape, always answer errors as SCIM Error bodies, and never leave a
 * partial write behind.
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
