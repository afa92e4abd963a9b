package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.filter.Pbt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of the model-based property {@link ServiceModelProperties}: what a client does to {@code /Users}, what
 * the service must answer according to a model of the users, and how the model changes. Steps that act on a user
 * pick an existing one by index modulo their number, so that every shrunk sequence still acts on users that exist.
 */
final class UserActions {

    private UserActions() {
    }

    /** What the model says a user is. */
    record ModelUser(String userName, String displayName, boolean active) {
    }

    /** The users by id in creation order, and the ids deleted. */
    static final class Model {
        final Map<String, ModelUser> users = new LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();

        /** The id of an existing user, or {@code null} when there is none. */
        String pick(int target) {
            List<String> ids = new ArrayList<>(users.keySet());
            return ids.isEmpty() ? null : ids.get(Math.floorMod(target, ids.size()));
        }

        /** Whether another user than {@code id} has the userName, ignoring case (RFC 7643 §4.1.1). */
        boolean taken(String userName, String id) {
            return users.entrySet().stream().anyMatch(e -> !e.getKey().equals(id)
                    && e.getValue().userName().equalsIgnoreCase(userName));
        }
    }

    /** One step: run it against the service, check the reply against the model, and update the model. */
    sealed interface Action permits Create, Replace, Patch, Delete {
        void run(ScimTestClient client, Model model);
    }

    /** {@code POST /Users}: 201, or 409 {@code uniqueness} when another user has the userName in any case. */
    record Create(String userName, String displayName, boolean active) implements Action {
        @Override
        public void run(ScimTestClient client, Model model) {
            ScimTestClient.Reply reply = client.post("/Users", body(userName, displayName, active));
            if (model.taken(userName, null)) {
                reply.assertError(409, "uniqueness");
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                model.users.put(reply.json().get("id").asText(), new ModelUser(userName, displayName, active));
            }
        }
    }

    /** {@code PUT /Users/{id}}: 200, or 409 {@code uniqueness}; nothing when there is no user. */
    record Replace(int target, String userName, String displayName, boolean active) implements Action {
        @Override
        public void run(ScimTestClient client, Model model) {
            String id = model.pick(target);
            if (id == null) {
                return;
            }
            ScimTestClient.Reply reply = client.send("PUT", "/Users/" + id, body(userName, displayName, active),
                    Map.of());
            if (model.taken(userName, id)) {
                reply.assertError(409, "uniqueness");
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                model.users.put(id, new ModelUser(userName, displayName, active));
            }
        }
    }

    /** {@code PATCH /Users/{id}} replacing active and displayName; nothing when there is no user. */
    record Patch(int target, String displayName, boolean active) implements Action {
        @Override
        public void run(ScimTestClient client, Model model) {
            String id = model.pick(target);
            if (id == null) {
                return;
            }
            ScimTestClient.Reply reply = client.send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:"
                    + "scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{"
                    + "\"active\":" + active + ",\"displayName\":\"" + displayName + "\"}}]}", Map.of());
            assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
            ModelUser before = model.users.get(id);
            model.users.put(id, new ModelUser(before.userName(), displayName, active));
        }
    }

    /** {@code DELETE /Users/{id}}: 204; nothing when there is no user. */
    record Delete(int target) implements Action {
        @Override
        public void run(ScimTestClient client, Model model) {
            String id = model.pick(target);
            if (id == null) {
                return;
            }
            assertThat(client.send("DELETE", "/Users/" + id, null, Map.of()).status()).isEqualTo(204);
            model.users.remove(id);
            model.deleted.add(id);
        }
    }

    /**
     * One to fifteen steps, creates twice as likely as each other kind, over userNames that clash in case and
     * displayNames with a space and a non-ASCII letter. Shrinks towards fewer steps and towards creates.
     */
    static Gen<List<Action>> sequences() {
        Gen<String> names = Pbt.pick("alice", "Alice", "bob", "BOB", "carol", "dave");
        Gen<String> displays = Pbt.pick("Alice A", "Bob B", "C", "Dé", "x y");
        Gen<Boolean> actives = Generate.booleans();
        Gen<Integer> targets = integers().between(0, 9);
        Gen<Action> create = names.zip(displays, actives, Create::new);
        Gen<Action> replace = targets.zip(names, displays, actives, Replace::new);
        Gen<Action> patch = targets.zip(displays, actives, Patch::new);
        Gen<Action> delete = targets.map(Delete::new);
        Gen<Action> action = Generate.frequency(List.of(Pair.of(2, create), Pair.of(1, replace), Pair.of(1, patch),
                Pair.of(1, delete)));
        return Pbt.listsOf(action, 1, 15);
    }

    private static String body(String userName, String displayName, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"displayName\":\"" + displayName + "\",\"active\":" + active + "}";
    }
}
