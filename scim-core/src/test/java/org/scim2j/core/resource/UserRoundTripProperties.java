package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

class UserRoundTripProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ScimJson json = ScimJson.defaults();

    @Property(tries = 300)
    void jsonRoundTripOfAUserIsLossless(@ForAll("users") User user) {
        ObjectNode tree = json.toTree(user);
        byte[] bytes = json.write(tree);
        ObjectNode reread = json.readObject(bytes);
        assertThat(reread).isEqualTo(tree);
        assertThat(json.toTyped(reread, User.class)).isEqualTo(user);
    }

    @Property(tries = 100)
    void passwordIsReadButNeverWritten(@ForAll("users") User user, @ForAll("text") String password) {
        User withPassword = user.toBuilder().password(password).build();
        ObjectNode tree = json.toTree(withPassword);
        assertThat(tree).isEqualTo(json.toTree(user));
        tree.put("password", password);
        assertThat(json.toTyped(tree, User.class)).isEqualTo(withPassword);
    }

    @Property(tries = 100)
    void normalizingIsIdempotent(@ForAll("users") User user) {
        ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
        ObjectNode once = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, json.toTree(user)).resource();
        assertThat(normalizer.normalize(Schemas.USER_RESOURCE_TYPE, once).resource()).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> text() {
        // Any BMP character outside the surrogate range, including controls, quotes and backslashes.
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(12);
    }

    private Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    private Arbitrary<Boolean> optionalBoolean() {
        return Arbitraries.of(true, false).injectNull(0.4);
    }

    private Arbitrary<OffsetDateTime> dateTimes() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-2_208_988_800L, 7_258_118_400L); // 1900..2200
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 4, 18 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        return Combinators.combine(seconds, nanos, offsets).as((s, n, o) ->
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(s, n), o));
    }

    private <T> Arbitrary<List<T>> lists(Arbitrary<T> element) {
        return element.list().ofMaxSize(3);
    }

    private Arbitrary<JsonNode> unknownValues() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                text().map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode));
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                scalars, lists(scalars)).as((k, v, l) -> {
                    ObjectNode o = NODES.objectNode();
                    o.set(k, v);
                    o.putArray("list").addAll(l);
                    return o;
                });
        return Arbitraries.oneOf(scalars, objects);
    }

    @Provide
    Arbitrary<User> users() {
        Arbitrary<Meta> meta = Combinators.combine(optionalText(), dateTimes().injectNull(0.3),
                dateTimes().injectNull(0.3), optionalText(), optionalText()).as(Meta::new);
        Arbitrary<Name> name = Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(),
                optionalText(), optionalText()).as(Name::new);
        Arbitrary<Email> email = Combinators.combine(optionalText(), optionalText(), optionalText(), optionalBoolean())
                .as(Email::new);
        Arbitrary<PhoneNumber> phone = Combinators.combine(optionalText(), optionalText(), optionalText(),
                optionalBoolean()).as(PhoneNumber::new);
        Arbitrary<Address> address = Combinators.combine(optionalText(), optionalText(), optionalText(),
                optionalText(), optionalText(), optionalText(), optionalText(), optionalBoolean()).as(Address::new);
        Arbitrary<GroupMembership> group = Combinators.combine(optionalText(), optionalText(), optionalText(),
                optionalText()).as(GroupMembership::new);
        Arbitrary<X509Certificate> certificate = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                .map(b -> new X509Certificate(Base64.getEncoder().encodeToString(b), null, null, null));
        Arbitrary<EnterpriseUser> enterprise = Combinators.combine(optionalText(), optionalText(), optionalText(),
                optionalText(), optionalText(), Combinators.combine(optionalText(), optionalText(), optionalText())
                        .as(EnterpriseUser.Manager::new).injectNull(0.3)).as(EnterpriseUser::new);
        Arbitrary<String> unknownName = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                .map(s -> "urn:example:ext:" + s);

        return Builders.withBuilder(User::builder)
                .use(optionalText()).in(User.Builder::id)
                .use(optionalText()).in(User.Builder::externalId)
                .use(meta).withProbability(0.5).in(User.Builder::meta)
                .use(text()).in(User.Builder::userName)
                .use(name).withProbability(0.5).in(User.Builder::name)
                .use(optionalText()).in(User.Builder::displayName)
                .use(optionalText()).in(User.Builder::nickName)
                .use(optionalText()).in(User.Builder::profileUrl)
                .use(optionalText()).in(User.Builder::title)
                .use(optionalText()).in(User.Builder::userType)
                .use(optionalText()).in(User.Builder::preferredLanguage)
                .use(optionalText()).in(User.Builder::locale)
                .use(optionalText()).in(User.Builder::timezone)
                .use(optionalBoolean()).in(User.Builder::active)
                .use(lists(email)).in(User.Builder::emails)
                .use(lists(phone)).in(User.Builder::phoneNumbers)
                .use(lists(Combinators.combine(optionalText(), optionalText()).as(Im::of))).in(User.Builder::ims)
                .use(lists(Combinators.combine(optionalText(), optionalText()).as(Photo::of))).in(User.Builder::photos)
                .use(lists(address)).in(User.Builder::addresses)
                .use(lists(group)).in(User.Builder::groups)
                .use(lists(Combinators.combine(optionalText(), optionalText()).as(Entitlement::of)))
                .in(User.Builder::entitlements)
                .use(lists(Combinators.combine(optionalText(), optionalText()).as(Role::of))).in(User.Builder::roles)
                .use(lists(certificate)).in(User.Builder::x509Certificates)
                .use(enterprise).withProbability(0.5).in(User.Builder::enterpriseUser)
                .use(Combinators.combine(unknownName, unknownValues()).as(List::<Object>of)).withProbability(0.3)
                .in((b, kv) -> b.otherAttribute((String) kv.get(0), (JsonNode) kv.get(1)))
                .build(User.Builder::build);
    }
}
