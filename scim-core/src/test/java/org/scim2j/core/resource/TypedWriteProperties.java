package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.filter.Pbt.listsOf;
import static org.scim2j.filter.Pbt.nullable;
import static org.scim2j.filter.Pbt.oneOf;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.core.Generators;
import org.scim2j.filter.Pbt;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.Schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ScimJson#writeResource(Object)} writes every typed resource with the same bytes as Jackson's bean
 * serialisation of the class's annotations ({@code mapper.writeValueAsBytes}), whichever path it takes, and never
 * writes a write-only attribute.
 */
class TypedWriteProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final ScimJson json = ScimJson.defaults();
    /** A copy with the same configuration: the databind path every typed write must match byte for byte. */
    private final ObjectMapper databind = json.mapper();

    @Test
    void typedUserIsWrittenWithDatabindsBytes() {
        Pbt.qt(600).forAll(richUsers()).checkAssert(this::assertSameBytesAsDatabind);
    }

    @Test
    void typedGroupIsWrittenWithDatabindsBytes() {
        Pbt.qt(400).forAll(groups()).checkAssert(this::assertSameBytesAsDatabind);
    }

    @Test
    void passwordIsNeverWritten() {
        Pbt.qt(200).forAll(richUsers(), texts()).checkAssert((user, password) -> {
            User withPassword = user.toBuilder().password(password).build();
            byte[] written = json.writeResource(withPassword);
            assertThat(written).isEqualTo(json.writeResource(user.toBuilder().password(null).build()));
            // A quote inside a value is escaped, so this finds the member and nothing else.
            assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("\"password\":");
        });
    }

    @Test
    void rfc7643ExamplesAreWrittenWithDatabindsBytes() {
        assertSameBytesAsDatabind(json.toTyped(Rfc7643Examples.load(Rfc7643Examples.MINIMAL_USER), User.class));
        assertSameBytesAsDatabind(json.toTyped(Rfc7643Examples.load(Rfc7643Examples.FULL_USER), User.class));
        assertSameBytesAsDatabind(json.toTyped(Rfc7643Examples.load(Rfc7643Examples.ENTERPRISE_USER), User.class));
        assertSameBytesAsDatabind(json.toTyped(Rfc7643Examples.load(Rfc7643Examples.GROUP), Group.class));
    }

    @Test
    void emptyResourcesAreWrittenWithDatabindsBytes() {
        assertSameBytesAsDatabind(User.builder().build());
        assertSameBytesAsDatabind(Group.builder().build());
        assertThat(new String(json.writeResource(User.builder().build()), StandardCharsets.UTF_8))
                .isEqualTo("{\"schemas\":[\"" + Schemas.USER + "\"]}");
    }

    /** Past the generator's 8000-byte buffer the output arrives in several writes. */
    @Test
    void largeResourcesAreWrittenWithDatabindsBytes() {
        List<Email> emails = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            emails.add(Email.of("user" + i + "@example.com", i % 2 == 0 ? "work" : "home"));
            members.add(new Member("id-" + i, "https://example.com/v2/Users/id-" + i, "Ünïcödé 😀 " + i, "User"));
        }
        assertSameBytesAsDatabind(User.builder().userName("bjensen").emails(emails).build());
        assertSameBytesAsDatabind(Group.builder().displayName("everyone").members(members).build());
    }

    @Test
    void otherClassesAreWrittenByDatabind() {
        assertSameBytesAsDatabind(new Email("bjensen@example.com", null, "work", true));
        assertSameBytesAsDatabind(new EnterpriseUser("701984", null, null, null, "Tour Operations",
                new EnterpriseUser.Manager("26118915", null, "John Smith")));
        assertSameBytesAsDatabind(Map.of("displayName", "Ünïcödé"));
    }

    /**
     * Lone surrogates cannot be encoded as UTF-8: Jackson escapes them as {@code \}{@code uXXXX} on both paths, or
     * fails on both, and a failure is a 500.
     */
    @Test
    void loneSurrogatesAreWrittenAsDatabindWritesThem() {
        User user = User.builder().userName("a\uD800b").displayName("\uDC00").build();
        assertSameBytesAsDatabind(user);
    }

    /**
     * The property names Jackson finds on each typed class: a class that gains one fails here until the one-pass
     * writer ({@code org.scim2j.core.json.internal.ResourceWriter}) writes it and {@link UserGenerators} or
     * {@link #groups()} draws it.
     */
    @Test
    void theWriterKnowsEveryPropertyOfTheTypedClasses() {
        Map<Class<?>, List<String>> expected = new LinkedHashMap<>();
        expected.put(User.class, List.of("schemas", "id", "externalId", "meta", "userName", "name", "displayName",
                "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone", "active",
                "emails", "phoneNumbers", "ims", "photos", "addresses", "groups", "entitlements", "roles",
                "x509Certificates", Schemas.ENTERPRISE_USER));
        expected.put(Group.class, List.of("schemas", "id", "externalId", "meta", "displayName", "members"));
        expected.put(Meta.class, List.of("resourceType", "created", "lastModified", "location", "version"));
        expected.put(Name.class, List.of("formatted", "familyName", "givenName", "middleName", "honorificPrefix",
                "honorificSuffix"));
        expected.put(Address.class, List.of("formatted", "streetAddress", "locality", "region", "postalCode",
                "country", "type", "primary"));
        for (Class<?> plain : List.of(Email.class, PhoneNumber.class, Im.class, Photo.class, Entitlement.class,
                Role.class, X509Certificate.class)) {
            expected.put(plain, List.of("value", "display", "type", "primary"));
        }
        expected.put(GroupMembership.class, List.of("value", "$ref", "display", "type"));
        expected.put(Member.class, List.of("value", "$ref", "display", "type"));
        expected.put(EnterpriseUser.class, List.of("employeeNumber", "costCenter", "organization", "division",
                "department", "manager"));
        expected.put(EnterpriseUser.Manager.class, List.of("value", "$ref", "displayName"));
        expected.forEach((type, names) -> {
            BeanDescription bean = databind.getSerializationConfig().introspect(databind.constructType(type));
            List<String> found = new ArrayList<>();
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (p.couldSerialize()) {
                    found.add(p.getName());
                }
            }
            assertThat(found).as(type.getName()).containsExactlyInAnyOrderElementsOf(names);
        });
    }

    private void assertSameBytesAsDatabind(Object resource) {
        Supplier<byte[]> expected = () -> {
            try {
                return databind.writeValueAsBytes(resource);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        byte[] reference;
        try {
            reference = expected.get();
        } catch (IllegalStateException e) {
            assertThatThrownBy(() -> json.writeResource(resource)).isInstanceOf(ScimException.class)
                    .satisfies(thrown -> assertThat(((ScimException) thrown).status()).isEqualTo(500));
            return;
        }
        byte[] written = json.writeResource(resource);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(reference, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(reference);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            json.writeResource(resource, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(out.toByteArray()).isEqualTo(reference);
    }

    /** Texts with any UTF-16 unit (lone surrogates too), characters outside the BMP, and every JSON escape. */
    static Gen<String> texts() {
        return oneOf(Generators.texts(12), Pbt.strings('\u0000', '\uFFFF', 0, 12),
                Pbt.pick("😀 Ünïcödé 𝄞", "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029", "日本語テキスト", ""));
    }

    /**
     * {@link UserGenerators#users(Gen)} over {@link #texts()}, with stored schema URNs (duplicates, other case, the
     * Enterprise URN without the extension, a non-URN id) and up to three attributes the class does not model.
     */
    static Gen<User> richUsers() {
        Gen<List<String>> schemas = schemaLists(Schemas.USER, Schemas.ENTERPRISE_USER);
        Gen<Map<String, JsonNode>> others = otherAttributes();
        Gen<User> users = UserGenerators.users(texts());
        return in -> {
            User.Builder user = users.generate(in).toBuilder().schemas(schemas.generate(in));
            others.generate(in).forEach(user::otherAttribute);
            return user.build();
        };
    }

    /** Groups whose every attribute may be unset, with stored schema URNs and attributes the class does not model. */
    static Gen<Group> groups() {
        Gen<String> t = nullable(texts(), 30);
        Gen<Meta> meta = nullable(in -> new Meta(t.generate(in), nullable(UserGenerators.dateTimes(), 30)
                .generate(in), nullable(UserGenerators.dateTimes(), 30).generate(in), t.generate(in),
                t.generate(in)), 40);
        Gen<Member> member = in -> new Member(t.generate(in), t.generate(in), t.generate(in), t.generate(in));
        Gen<List<Member>> members = listsOf(nullable(member, 5), 0, 4);
        Gen<List<String>> schemas = schemaLists(Schemas.GROUP, null);
        Gen<Map<String, JsonNode>> others = otherAttributes();
        return in -> {
            Group.Builder group = Group.builder().id(t.generate(in)).externalId(t.generate(in))
                    .meta(meta.generate(in)).displayName(t.generate(in)).members(members.generate(in))
                    .schemas(schemas.generate(in));
            others.generate(in).forEach(group::otherAttribute);
            return group.build();
        };
    }

    private static Gen<List<String>> schemaLists(String core, String extension) {
        List<String> urns = new ArrayList<>(List.of(core, core.toUpperCase(java.util.Locale.ROOT),
                "urn:example:params:scim:schemas:extension:sonar:2.0:User", "urn:example:other",
                "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"));
        if (extension != null) {
            urns.add(extension);
        }
        return listsOf(Generate.pick(urns), 0, 3);
    }

    /** Names outside the modelled ones (some needing escapes) with JSON values of every node type. */
    private static Gen<Map<String, JsonNode>> otherAttributes() {
        Gen<String> names = oneOf(Pbt.strings(LETTERS, 1, 8).map(s -> "urn:example:ext:" + s),
                Pbt.strings(LETTERS, 1, 6).map(s -> "x" + s), Generate.constant("na\"me \u00e9\u0001😀"));
        Gen<JsonNode> values = oneOf(UserGenerators.unknownValues(), texts().map(NODES::textNode), richValues());
        Gen<List<String>> nameLists = listsOf(names, 0, 3);
        return in -> {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (String name : nameLists.generate(in)) {
                out.put(name, values.generate(in));
            }
            return out;
        };
    }

    /** Decimals (trailing zeros, exponents), big integers, nested nulls, empty containers, doubles. */
    private static Gen<JsonNode> richValues() {
        Gen<JsonNode> scalars = oneOf(
                Generate.pick(List.of("1.50", "1E+3", "-0.0", "12345678901234567890.123", "0.000001"))
                        .map(s -> NODES.numberNode(new BigDecimal(s))),
                longs().all().map(l -> NODES.numberNode(BigInteger.valueOf(l).multiply(BigInteger.TEN.pow(5)))),
                integers().between(-1000, 1000).map(i -> NODES.numberNode(i / 8.0)),
                Generate.constant(NODES.nullNode()),
                Generate.constant(NODES.arrayNode()),
                Generate.constant(NODES.objectNode()));
        return in -> {
            ObjectNode o = NODES.objectNode();
            o.set("a", scalars.generate(in));
            o.putNull("nothing");
            o.putArray("list").add(scalars.generate(in)).addNull().add(scalars.generate(in));
            o.putObject("nested").set("deep", scalars.generate(in));
            return o;
        };
    }
}
