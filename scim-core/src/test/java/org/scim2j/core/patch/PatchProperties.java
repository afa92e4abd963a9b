package org.scim2j.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scim2j.core.patch.PatchFixtures.json;
import static org.scim2j.core.patch.PatchGenerators.absentPaths;
import static org.scim2j.core.patch.PatchGenerators.bodiesWithoutAnOperationsList;
import static org.scim2j.core.patch.PatchGenerators.memberLists;
import static org.scim2j.core.patch.PatchGenerators.memberOperations;
import static org.scim2j.core.patch.PatchGenerators.replaces;
import static org.scim2j.core.patch.PatchGenerators.texts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.filter.Pbt;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;

import java.util.ArrayList;
import java.util.List;

/** Laws of the PATCH engine (RFC 7644 §3.5.2) over {@link PatchGenerators}' operations. */
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

    @Test
    void addingToAnAbsentAttributeThenRemovingItRestoresTheOriginal() {
        Pbt.qt(200).forAll(absentPaths(), texts()).checkAssert((path, value) -> {
            ObjectNode original = user();
            ObjectNode added = apply(original, PatchOperation.of(PatchOp.ADD, path, NODES.textNode(value))).resource();
            ObjectNode removed = apply(added, PatchOperation.of(PatchOp.REMOVE, path, null)).resource();
            assertThat(removed).isEqualTo(original);
        });
    }

    @Test
    void applyingTheSameReplaceTwiceEqualsApplyingItOnce() {
        Pbt.qt(200).forAll(replaces()).checkAssert(operation -> {
            ObjectNode once = apply(user(), operation).resource();
            PatchResult twice = apply(once, operation);
            assertThat(twice.resource()).isEqualTo(once);
            assertThat(twice.changed()).isFalse();
        });
    }

    @Test
    void aRequestWithAFailingOperationLeavesTheResourceUnchanged() {
        Pbt.qt(200).forAll(replaces()).checkAssert(good -> {
            ObjectNode original = user();
            PatchOperation failing = PatchOperation.of(PatchOp.REPLACE, "id", NODES.textNode("changed"));
            assertThatThrownBy(() -> apply(original, good, failing)).isInstanceOf(ScimException.class);
            assertThat(original).isEqualTo(user());
        });
    }

    /**
     * Whatever else the body holds, an {@code Operations} member that is absent, null or not an array, under any
     * letter case of its name, is 400 {@code invalidSyntax} about {@code Operations}.
     */
    @Test
    void aMissingOperationsListIsInvalidSyntax() {
        Pbt.qt(200).forAll(bodiesWithoutAnOperationsList()).checkAssert(body ->
                assertThatThrownBy(() -> PatchRequest.fromJson(body, PatchOptions.lenient()))
                        .isInstanceOfSatisfying(ScimException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.scimType().wireName()).isEqualTo("invalidSyntax");
                            assertThat(e.detail()).contains("\"Operations\"");
                        }));
    }

    @Test
    void membershipDeltaAppliedToTheMemberListEqualsThePatchAppliedToTheGroup() {
        Pbt.qt(300).forAll(memberLists(), memberOperations()).checkAssert((initial, operations) -> {
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
            List<String> viaDelta = ids(delta.applyTo(current, SchemaRegistry.standard()
                    .find(Schemas.GROUP_RESOURCE_TYPE, AttributePath.parse("members.value")).orElseThrow().target()));

            ObjectNode patched = engine.apply(Schemas.GROUP_RESOURCE_TYPE, group, request).resource();
            List<String> viaEngine = new ArrayList<>();
            patched.path("members").forEach(m -> viaEngine.add(m.get("value").asText()));
            assertThat(viaDelta).containsExactlyInAnyOrderElementsOf(viaEngine);
        });
    }

    private static List<String> ids(List<ObjectNode> members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }
}
