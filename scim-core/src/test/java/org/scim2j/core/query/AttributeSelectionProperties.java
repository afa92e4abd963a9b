package org.scim2j.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.core.Fixtures;
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

    @Provide
    Arbitrary<AttributeSelection> selections() {
        Arbitrary<List<String>> names = Arbitraries.of(NAMES).list().ofMaxSize(5);
        return Arbitraries.oneOf(names.map(n -> AttributeSelection.of(n, null)),
                names.map(n -> AttributeSelection.of(null, n)));
    }

    @Provide
    Arbitrary<ObjectNode> users() {
        ObjectNode full = Fixtures.enterpriseUser();
        List<String> keys = new ArrayList<>();
        full.fieldNames().forEachRemaining(keys::add);
        return Arbitraries.of(keys).set().map(removed -> {
            ObjectNode user = Fixtures.enterpriseUser();
            user.remove(removed);
            return user;
        });
    }

    @Property(tries = 300)
    void projectionIsIdempotent(@ForAll("selections") AttributeSelection selection, @ForAll("users") ObjectNode user) {
        ObjectNode once = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, user);
        ObjectNode twice = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, once);
        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 300)
    void projectionKeepsAlwaysAttributesDropsNeverOnesAndLeavesTheInputAlone(
            @ForAll("selections") AttributeSelection selection, @ForAll("users") ObjectNode user) {
        ObjectNode before = user.deepCopy();
        ObjectNode projected = selection.apply(Fixtures.REGISTRY, Schemas.USER_RESOURCE_TYPE, user);
        assertThat(user).isEqualTo(before);
        assertThat(projected.has("password")).isFalse();
        for (String always : Set.of("id", "schemas")) {
            assertThat(projected.has(always)).isEqualTo(user.has(always));
        }
        projected.fieldNames().forEachRemaining(key -> assertThat(user.has(key)).isTrue());
    }
}
