package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;
import java.util.List;

class GroupTest {

    private final ScimJson json = ScimJson.defaults();

    @Test
    void rfc7643_8_4_groupRoundTrips() {
        ObjectNode example = Rfc7643Examples.load(Rfc7643Examples.GROUP);
        Group group = json.toTyped(example, Group.class);
        assertThat(group.displayName()).isEqualTo("Tour Guides");
        assertThat(group.members()).extracting(Member::display).containsExactly("Babs Jensen", "Mandy Pepperidge");
        assertThat(group.members().get(0).ref())
                .isEqualTo("https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646");
        assertThat(group.meta().resourceType()).isEqualTo("Group");
        assertThat(json.toTree(group)).isEqualTo(example);
    }

    @Test
    void entraGroupWithANonUrnSchemaIdAndNoMembersKeepsTheSchemaId() {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"externalId\":\"8aa1a0c0\",\"displayName\":\"displayName\",\"meta\":{\"resourceType\":\"Group\"}}";
        ObjectNode tree = json.readObject(body.getBytes(StandardCharsets.UTF_8));
        Group group = json.toTyped(tree, Group.class);
        assertThat(group.members()).isEmpty();
        assertThat(group.schemas()).containsExactly(Schemas.GROUP,
                "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group");
        assertThat(json.toTree(group)).isEqualTo(tree);
    }

    @Test
    void entraMembersWithANullRefBindToAMemberWithoutRef() {
        ObjectNode tree = json.readObject("{\"displayName\":\"g\",\"members\":[{\"$ref\":null,\"value\":\"f648f8d5\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(json.toTyped(tree, Group.class).members()).containsExactly(Member.of("f648f8d5"));
    }

    @Test
    void membersListIsImmutable() {
        List<Member> members = new java.util.ArrayList<>(List.of(Member.of("a")));
        Group group = Group.builder().displayName("g").members(members).build();
        members.add(Member.of("b"));
        assertThat(group.members()).containsExactly(Member.of("a"));
        assertThat(group.members()).isUnmodifiable();
    }
}
