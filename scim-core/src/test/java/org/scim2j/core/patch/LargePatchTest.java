package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.core.patch.PatchFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.PatchPath;

import java.util.ArrayList;
import java.util.List;

/**
 * PATCH requests as large as the limits allow give the same results as small ones (issue 13, finding 4: the
 * engine now uses indexes for these; BENCHMARKS.md has how its time grows). RFC 7644 §3.5.2.1: an added value that
 * is already there changes nothing; RFC 7643 §2.4: one primary.
 */
class LargePatchTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());

    private static ObjectNode user() {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
                + "'emails':[{'type':'work','value':'w@x','primary':true}]}");
    }

    private static PatchOperation op(PatchOp op, String path, JsonNode value) {
        return new PatchOperation(op, PatchPath.parse(path), value);
    }

    @Test
    void rfc7644_3_5_2_1_aLargeAddKeepsOneOfEachEquivalentValueAndTheLastPrimary() {
        ArrayNode values = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            ObjectNode email = values.addObject().put("value", "e" + (i % 10_000) + "@x").put("type", "other");
            if (i == 15_000) {
                email.put("primary", true);
            }
        }
        values.addObject().put("value", "w@x"); // a part of the stored work email: already there
        values.addObject().put("value", "W@X"); // exact values compare case-sensitively here: a new value

        ObjectNode result = engine.apply(Schemas.USER_RESOURCE_TYPE, user(),
                PatchRequest.of(op(PatchOp.ADD, "emails", values))).resource();

        JsonNode emails = result.path("emails");
        assertThat(emails).hasSize(1 + 10_000 + 1 + 1);
        List<JsonNode> primaries = new ArrayList<>();
        emails.forEach(e -> {
            if (e.path("primary").asBoolean(false)) {
                primaries.add(e);
            }
        });
        assertThat(primaries).hasSize(1);
        assertThat(primaries.get(0).path("value").asText()).isEqualTo("e5000@x");
        assertThat(emails.get(0).path("primary").asBoolean()).isFalse();
    }

    @Test
    void rfc7644_3_5_2_manyFilteredUpsertsEachFindTheValueTheirFilterNames() {
        List<PatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            operations.add(op(PatchOp.ADD, "emails[type eq \"t" + (i % 2_500) + "\"].value",
                    NODES.textNode("v" + i + "@x")));
        }
        operations.add(op(PatchOp.REPLACE, "emails[type eq \"T7\"].display", NODES.textNode("seven")));
        operations.add(op(PatchOp.REPLACE, "emails[type eq \"t8\"].primary", NODES.booleanNode(true)));
        operations.add(op(PatchOp.REMOVE, "emails[type eq \"t9\"]", null));
        operations.add(op(PatchOp.ADD, "emails[type eq \"t9\"].value", NODES.textNode("again@x")));

        JsonNode emails = engine.apply(Schemas.USER_RESOURCE_TYPE, user(), new PatchRequest(operations)).resource()
                .path("emails");

        assertThat(emails).hasSize(1 + 2_500);
        for (JsonNode email : emails) {
            String type = email.path("type").asText();
            if (type.equals("t7")) {
                assertThat(email.path("value").asText()).as("the second upsert replaced the first")
                        .isEqualTo("v2507@x");
                assertThat(email.path("display").asText()).as("type compares ignoring case").isEqualTo("seven");
            } else if (type.equals("t9")) {
                assertThat(email.path("value").asText()).isEqualTo("again@x");
            }
            assertThat(email.path("primary").asBoolean(false)).isEqualTo(type.equals("t8"));
        }
    }

    @Test
    void rfc7644_3_5_2_2_removingMembersByValueRemovesEachListedOneInOnePass() {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(Schemas.GROUP);
        group.put("displayName", "big");
        ArrayNode members = group.putArray("members");
        ArrayNode removed = NODES.arrayNode();
        for (int i = 0; i < 30_000; i++) {
            members.addObject().put("value", "m" + i);
            if (i % 3 == 0) {
                removed.addObject().put("value", "m" + i);
            }
        }

        JsonNode left = engine.apply(Schemas.GROUP_RESOURCE_TYPE, group,
                PatchRequest.of(op(PatchOp.REMOVE, "members", removed))).resource().path("members");

        assertThat(left).hasSize(20_000);
        assertThat(left.get(0).path("value").asText()).isEqualTo("m1");
        left.forEach(m -> assertThat(Integer.parseInt(m.path("value").asText().substring(1)) % 3).isNotZero());
    }
}
