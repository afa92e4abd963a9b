package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.patch.PatchFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;

/** Laws of the PATCH engine (RFC 7644 §3.5.2). */
class PatchProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final PatchEngine engine = new PatchEngine(SchemaRegistry.standard(), PatchOptions.lenient());

    private static ObjectNode user() {
        return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
                + "'emails':[{'type':'work','value':'w@x','primary':true}]}");
    }

    private PatchResult apply(ObjectNode resource, PatchOperation... operations) {
        return engine.apply(Schemas.USER_RESOURCE_TYPE, resource, PatchRequest.of(operations));
    }

    @Property(tries = 200)
    void addingToAnAbsentAttributeThenRemovingItRestoresTheOriginal(
            @ForAll("absentPaths") String path, @ForAll("texts") String value) {
        ObjectNode original = user();
        ObjectNode added = apply(original, PatchOperation.of(PatchOp.ADD, path, NODES.textNode(value))).resource();
        ObjectNode removed = apply(added, PatchOperation.of(PatchOp.REMOVE, path, null)).resource();
        assertThat(removed).isEqualTo(original);
    }

    @Property(tries = 200)
    void applyingTheSameReplaceTwiceEqualsApplyingItOnce(@ForAll("replaces") PatchOperation operation) {
        ObjectNode once = apply(user(), operation).resource();
        PatchResult twice = apply(once, operation);
        assertThat(twice.resource()).isEqualTo(once);
        assertThat(twice.changed()).isFalse();
    }

    @Property(tries = 200)
    void aRequestWithAFailingOperationLeavesTheResourceUnchanged(@ForAll("replaces") PatchOperation good) {
        ObjectNode original = user();
        PatchOperation failing = PatchOperation.of(PatchOp.REPLACE, "id", NODES.textNode("changed"));
        assertThatThrownBy(() -> apply(original, good, failing)).isInstanceOf(ScimException.class);
        assertThat(original).isEqualTo(user());
    }

    @Property(tries = 200)
    void aMissingOperationsListIsInvalidSyntax(@ForAll("texts") String junkKey) {
        ObjectNode body = json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}");
        body.put("x" + junkKey, "y");
        assertThatThrownBy(() -> PatchRequest.fromJson(body, PatchOptions.lenient()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().wireName()).isEqualTo("invalidSyntax");
                });
    }

    @Property(tries = 300)
    void membershipDeltaAppliedToTheMemberListEqualsThePatchAppliedToTheGroup(
            @ForAll("memberLists") List<String> initial, @ForAll("memberOperations") List<PatchOperation> operations) {
        ObjectNode group = json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g',"
                + "'displayName':'G'}");
        if (!initial.isEmpty()) {
            var members = group.putArray("members");
            initial.forEach(id -> members.addObject().put("value", id));
        }
        PatchRequest request = new PatchRequest(operations);
        MembershipPatch delta = engine.splitMembership(Schemas.GROUP_RESOURCE_TYPE, request).orElseThrow();
        List<ObjectNode> current = new ArrayList<>();
        group.path("members").forEach(m -> current.add((ObjectNode) m));
        List<String> viaDelta = ids(delta.applyTo(current));

        ObjectNode patched = engine.apply(Schemas.GROUP_RESOURCE_TYPE, group, request).resource();
        List<String> viaEngine = new ArrayList<>();
        patched.path("members").forEach(m -> viaEngine.add(m.get("value").asText()));
        assertThat(viaDelta).containsExactlyInAnyOrderElementsOf(viaEngine);
    }

    private static List<String> ids(List<ObjectNode> members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    @Provide
    Arbitrary<String> absentPaths() {
        return Arbitraries.of("nickName", "title", "name.givenName", "displayName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12).withCharRange('a', 'z').withChars(' ', '"', 'é');
    }

    @Provide
    Arbitrary<PatchOperation> replaces() {
        Arbitrary<String> paths = Arbitraries.of("nickName", "title", "name.givenName", "active",
                "emails[type eq \"work\"].value", "emails", "name", "phoneNumbers[type eq \"home\"].value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
        return Combinators.combine(paths, texts(), Arbitraries.of(true, false)).as((path, text, flag) -> {
            JsonNode value = switch (path) {
                case "active" -> NODES.booleanNode(flag);
                case "emails" -> NODES.arrayNode().add(NODES.objectNode().put("value", text).put("type", "home"));
                case "name" -> NODES.objectNode().put("familyName", text);
                default -> NODES.textNode(text);
            };
            return PatchOperation.of(PatchOp.REPLACE, path, value);
        });
    }

    @Provide
    Arbitrary<List<String>> memberLists() {
        return Arbitraries.of("a", "b", "c", "d", "e").set().ofMaxSize(4).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<PatchOperation>> memberOperations() {
        Arbitrary<String> ids = Arbitraries.of("a", "b", "c", "d", "e", "f");
        Arbitrary<PatchOperation> add = ids.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            var array = NODES.arrayNode();
            list.forEach(id -> array.addObject().put("value", id));
            return PatchOperation.of(PatchOp.ADD, "members", array);
        });
        Arbitrary<PatchOperation> removeOne = ids.map(id ->
                PatchOperation.of(PatchOp.REMOVE, "members[value eq \"" + id + "\"]", null));
        Arbitrary<PatchOperation> removeByValue = ids.map(id -> PatchOperation.of(PatchOp.REMOVE, "members",
                NODES.arrayNode().add(NODES.objectNode().put("value", id))));
        Arbitrary<PatchOperation> replace = ids.list().ofMaxSize(3).map(list -> {
            var array = NODES.arrayNode();
            list.forEach(id -> array.addObject().put("value", id));
            return PatchOperation.of(PatchOp.REPLACE, "members", array);
        });
        Arbitrary<PatchOperation> removeAll = Arbitraries.just(PatchOperation.of(PatchOp.REMOVE, "members", null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, add), net.jqwik.api.Tuple.of(3, removeOne),
                net.jqwik.api.Tuple.of(2, removeByValue), net.jqwik.api.Tuple.of(1, replace),
                net.jqwik.api.Tuple.of(1, removeAll)).list().ofMinSize(1).ofMaxSize(5);
    }
}
