package org.scim2j.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.filter.Pbt.listsOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.core.Fixtures;
import org.scim2j.filter.Pbt;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Projection laws (RFC 7644 §3.4.2.5) over generated selections of the RFC 7643 §8.3 user. */
class AttributeSelectionProperties {

    private static final String EXT = Schemas.ENTERPRISE_USER;
    private static final List<String> NAMES = List.of("userName", "name", "name.givenName", "emails", "emails.value",
            "emails.primary", "addresses.locality", "groups", "groups.display", "password", "id", "schemas", "meta",
            "meta.created", "nosuch", EXT, EXT + ":employeeNumber", EXT + ":manager", EXT + ":manager.displayName",
            "urn:ietf:params:scim:schemas:core:2.0:User:displayName", "x509Certificates.value");

    /** {@code attributes} or {@code excludedAttributes}: up to five core, extension, sub-attribute or unknown names. */
    static Gen<AttributeSelection> selections() {
        Gen<List<String>> names = listsOf(Generate.pick(NAMES), 0, 5);
        return Pbt.oneOf(names.map(n -> AttributeSelection.of(n, null)),
                names.map(n -> AttributeSelection.of(null, n)));
    }

    /** The full enterprise user of RFC 7643 §8.3 without any subset of its top-level attributes. */
    static Gen<ObjectNode> users() {
        List<String> keys = new ArrayList<>();
        Fixtures.enterpriseUser().fieldNames().forEachRemaining(keys::add);
        return listsOf(Generate.booleans(), keys.size(), keys.size()).map(removed -> {
            ObjectNode user = Fixtures.enterpriseUser();
            for (int i = 0; i < keys.size(); i++) {
                if (removed.get(i)) {
                    user.remove(keys.get(i));
                }
            }
            return user;
        });
    }

    @Test
    void projectionIsIdempotent() {
        Pbt.qt(300).forAll(selections(), users()).checkAssert((selection, user) -> {
            ObjectNode once = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, user);
            ObjectNode twice = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, once);
            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void projectionKeepsAlwaysAttributesDropsNeverOnesAndLeavesTheInputAlone() {
        Pbt.qt(300).forAll(selections(), users()).checkAssert((selection, user) -> {
            ObjectNode before = user.deepCopy();
            ObjectNode projected = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, user);
            assertThat(user).isEqualTo(before);
            assertThat(projected.has("password")).isFalse();
            for (String always : Set.of("id", "schemas")) {
                assertThat(projected.has(always)).isEqualTo(user.has(always));
            }
            projected.fieldNames().forEachRemaining(key -> assertThat(user.has(key)).isTrue());
        });
    }
}
