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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For random sequences of creates, replaces, patches and deletes, what the service shows (GET by id and filtered
 * queries) agrees with a simple model of users: a map from id to userName, displayName and active.
 */
class ServiceModelProperties {

    /** One step; {@code target} picks an existing user by index (modulo the number of users). */
    record Step(String kind, String userName, String displayName, boolean active, int target) {
    }

    /** What the model says a user is. */
    record ModelUser(String userName, String displayName, boolean active) {
    }

    @Property(tries = 60)
    void theServiceAgreesWithAModelOfUsers(@ForAll("steps") List<Step> steps) {
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(new InMemoryUserRepository())
                .groups(new InMemoryGroupRepository()).build());
        Map<String, ModelUser> model = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        for (Step step : steps) {
            List<String> ids = new ArrayList<>(model.keySet());
            String id = ids.isEmpty() ? null : ids.get(Math.floorMod(step.target(), ids.size()));
            switch (step.kind()) {
                case "create" -> {
                    ScimTestClient.Reply reply = client.post("/Users", body(step));
                    boolean taken = model.values().stream().anyMatch(u -> u.userName().equalsIgnoreCase(step.userName()));
                    if (taken) {
                        reply.assertError(409, "uniqueness");
                    } else {
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                        model.put(reply.json().get("id").asText(), modelOf(step));
                    }
                }
                case "replace" -> {
                    if (id == null) {
                        continue;
                    }
                    ScimTestClient.Reply reply = client.send("PUT", "/Users/" + id, body(step), Map.of());
                    boolean taken = model.entrySet().stream().anyMatch(e -> !e.getKey().equals(id)
                            && e.getValue().userName().equalsIgnoreCase(step.userName()));
                    if (taken) {
                        reply.assertError(409, "uniqueness");
                    } else {
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                        model.put(id, modelOf(step));
                    }
                }
                case "patch" -> {
                    if (id == null) {
                        continue;
                    }
                    ScimTestClient.Reply reply = client.send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:"
                            + "scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{"
                            + "\"active\":" + step.active() + ",\"displayName\":\"" + step.displayName() + "\"}}]}",
                            Map.of());
                    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
                    ModelUser before = model.get(id);
                    model.put(id, new ModelUser(before.userName(), step.displayName(), step.active()));
                }
                case "delete" -> {
                    if (id == null) {
                        continue;
                    }
                    assertThat(client.send("DELETE", "/Users/" + id, null, Map.of()).status()).isEqualTo(204);
                    model.remove(id);
                    deleted.add(id);
                }
                default -> throw new IllegalStateException(step.kind());
            }
        }
        for (Map.Entry<String, ModelUser> entry : model.entrySet()) {
            JsonNode shown = client.get("/Users/" + entry.getKey()).json();
            assertThat(shown.get("userName").asText()).isEqualTo(entry.getValue().userName());
            assertThat(shown.get("displayName").asText()).isEqualTo(entry.getValue().displayName());
            assertThat(shown.get("active").asBoolean()).isEqualTo(entry.getValue().active());
        }
        for (String id : deleted) {
            client.get("/Users/" + id).assertError(404, null);
        }
        JsonNode all = client.get("/Users?count=1000").json();
        assertThat(all.get("totalResults").asInt()).isEqualTo(model.size());
        long active = model.values().stream().filter(ModelUser::active).count();
        assertThat(client.get("/Users?filter=active eq true&count=0").json().get("totalResults").asLong())
                .isEqualTo(active);
        for (String name : List.of("alice", "bob", "carol")) {
            long expected = model.values().stream().filter(u -> u.userName().equalsIgnoreCase(name)).count();
            JsonNode found = client.get("/Users?filter=userName eq \"" + name.toUpperCase(Locale.ROOT) + "\"").json();
            assertThat(found.get("totalResults").asLong()).as(name).isEqualTo(expected);
        }
    }

    private static String body(Step step) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + step.userName()
                + "\",\"displayName\":\"" + step.displayName() + "\",\"active\":" + step.active() + "}";
    }

    private static ModelUser modelOf(Step step) {
        return new ModelUser(step.userName(), step.displayName(), step.active());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> names = Arbitraries.of("alice", "Alice", "bob", "BOB", "carol", "dave");
        Arbitrary<String> displays = Arbitraries.of("Alice A", "Bob B", "C", "Dé", "x y");
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of("create", "create", "replace", "patch", "delete"),
                names, displays, Arbitraries.of(true, false), Arbitraries.integers().between(0, 9)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(15);
    }
}
