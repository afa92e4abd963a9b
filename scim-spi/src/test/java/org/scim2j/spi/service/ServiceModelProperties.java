package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.filter.Pbt;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For random sequences of creates, replaces, patches and deletes ({@link UserActions}), what the service shows (GET
 * by id and filtered queries) agrees with a simple model of users: a map from id to userName, displayName and active.
 * A failure shrinks to a shorter sequence.
 */
class ServiceModelProperties {

    @Test
    void theServiceAgreesWithAModelOfUsers() {
        Pbt.qt(60).forAll(UserActions.sequences()).checkAssert(ServiceModelProperties::agreesWithTheModel);
    }

    private static void agreesWithTheModel(List<UserActions.Action> actions) {
        ScimTestClient client = new ScimTestClient(ScimService.builder().users(new InMemoryUserRepository())
                .groups(new InMemoryGroupRepository()).build());
        UserActions.Model model = new UserActions.Model();
        for (UserActions.Action action : actions) {
            action.run(client, model);
        }
        for (Map.Entry<String, UserActions.ModelUser> entry : model.users.entrySet()) {
            JsonNode shown = client.get("/Users/" + entry.getKey()).json();
            assertThat(shown.get("userName").asText()).isEqualTo(entry.getValue().userName());
            assertThat(shown.get("displayName").asText()).isEqualTo(entry.getValue().displayName());
            assertThat(shown.get("active").asBoolean()).isEqualTo(entry.getValue().active());
        }
        for (String id : model.deleted) {
            client.get("/Users/" + id).assertError(404, null);
        }
        JsonNode all = client.get("/Users?count=1000").json();
        assertThat(all.get("totalResults").asInt()).isEqualTo(model.users.size());
        long active = model.users.values().stream().filter(UserActions.ModelUser::active).count();
        assertThat(client.get("/Users?filter=active eq true&count=0").json().get("totalResults").asLong())
                .isEqualTo(active);
        for (String name : List.of("alice", "bob", "carol")) {
            long expected = model.users.values().stream().filter(u -> u.userName().equalsIgnoreCase(name)).count();
            JsonNode found = client.get("/Users?filter=userName eq \"" + name.toUpperCase(Locale.ROOT) + "\"").json();
            assertThat(found.get("totalResults").asLong()).as(name).isEqualTo(expected);
        }
    }
}
