package org.scim2j.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

class ResourceReaderTest {

    private final ScimJson json = ScimJson.defaults();

    /**
     * A member whose name is one of these in another case reaches the builder's setter in databind, not
     * {@code otherAttribute}: the one-pass binding must know them all to decline such members.
     */
    @Test
    void knowsEveryPropertyJacksonFindsOnTheBuilders() {
        assertThat(builderProperties(User.class))
                .containsExactlyInAnyOrderElementsOf(ResourceReader.USER_PROPERTIES);
        assertThat(builderProperties(Group.class))
                .containsExactlyInAnyOrderElementsOf(ResourceReader.GROUP_PROPERTIES);
    }

    @Test
    void bindsAPlainUser() {
        User user = ResourceReader.read(tree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"bjensen\",\"active\":true,\"emails\":[{\"value\":\"b@example.com\",\"primary\":true}],"
                + "\"urn:example:ext\":{\"a\":[1,2.5]}}"), User.class);
        assertThat(user).isNotNull();
        assertThat(user.userName()).isEqualTo("bjensen");
        assertThat(user.active()).isTrue();
        assertThat(user.emails()).containsExactly(new Email("b@example.com", null, null, true));
        assertThat(user.otherAttribute("urn:example:ext")).isEqualTo(tree("{\"a\":[1,2.5]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"USERNAME\":\"b\"}",
        "{\"userName\":1}",
        "{\"active\":\"True\"}",
        "{\"emails\":{\"value\":\"b@example.com\"}}",
        "{\"emails\":[null]}",
        "{\"emails\":[{\"value\":\"b@example.com\",\"extra\":1}]}",
        "{\"emails\":[{\"Value\":\"b@example.com\"}]}",
        "{\"meta\":{\"created\":\"yesterday\"}}",
        "{\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}",
        "{\"extension\":{}}",
        "{\"other\":{\"x\":1},\"Password\":\"secret\"}"
    })
    void declinesWhatDatabindMustCoerceOrReject(String body) {
        assertThat(ResourceReader.read(tree(body), User.class)).isNull();
    }

    @Test
    void declinesOtherTypesAndNonObjects() {
        assertThat(ResourceReader.read(tree("{\"value\":\"b@example.com\"}"), Email.class)).isNull();
        assertThat(ResourceReader.read(json.mapper().createArrayNode(), User.class)).isNull();
    }

    private ObjectNode tree(String body) {
        return json.readObject(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> builderProperties(Class<?> type) {
        ObjectMapper mapper = ScimJson.defaults().mapper();
        DeserializationConfig config = mapper.getDeserializationConfig();
        BeanDescription value = config.introspect(mapper.constructType(type));
        BeanDescription builder = config.introspectForBuilder(mapper.constructType(value.findPOJOBuilder()), value);
        List<String> names = new ArrayList<>();
        for (BeanPropertyDefinition p : builder.findProperties()) {
            names.add(p.getName());
        }
        return Set.copyOf(names);
    }
}
