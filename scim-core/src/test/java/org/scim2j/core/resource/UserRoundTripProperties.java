package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.core.resource.UserGenerators.text;
import static org.scim2j.core.resource.UserGenerators.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.filter.Pbt;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

/** JSON round trips of typed users ({@link UserGenerators}). */
class UserRoundTripProperties {

    private final ScimJson json = ScimJson.defaults();

    @Test
    void jsonRoundTripOfAUserIsLossless() {
        Pbt.qt(300).forAll(users()).checkAssert(user -> {
            ObjectNode tree = json.toTree(user);
            byte[] bytes = json.write(tree);
            ObjectNode reread = json.readObject(bytes);
            assertThat(reread).isEqualTo(tree);
            assertThat(json.toTyped(reread, User.class)).isEqualTo(user);
        });
    }

    @Test
    void passwordIsReadButNeverWritten() {
        Pbt.qt(100).forAll(users(), text()).checkAssert((user, password) -> {
            User withPassword = user.toBuilder().password(password).build();
            ObjectNode tree = json.toTree(withPassword);
            assertThat(tree).isEqualTo(json.toTree(user));
            tree.put("password", password);
            assertThat(json.toTyped(tree, User.class)).isEqualTo(withPassword);
        });
    }

    @Test
    void normalizingIsIdempotent() {
        ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
        Pbt.qt(100).forAll(users()).checkAssert(user -> {
            ObjectNode once = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, json.toTree(user)).resource();
            assertThat(normalizer.normalize(Schemas.USER_RESOURCE_TYPE, once).resource()).isEqualTo(once);
        });
    }
}
