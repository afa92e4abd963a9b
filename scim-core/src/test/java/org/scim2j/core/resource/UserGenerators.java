package org.scim2j.core.resource;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.scim2j.filter.Pbt.listsOf;
import static org.scim2j.filter.Pbt.nullable;
import static org.scim2j.filter.Pbt.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.core.Generators;
import org.scim2j.filter.Pbt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

/** Generators of typed {@link User}s with every attribute of RFC 7643 §4.1 and §4.3, set or not. */
final class UserGenerators {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private UserGenerators() {
    }

    /** Up to 12 BMP characters outside the surrogate range, including controls, quotes and backslashes. */
    static Gen<String> text() {
        return Generators.texts(12);
    }

    /**
     * Users whose every attribute may be unset; texts hold any character; lists hold up to three values; one in three
     * users has an attribute of an unknown extension.
     */
    static Gen<User> users() {
        return users(text());
    }

    /** {@link #users()} with texts drawn from {@code texts}. */
    static Gen<User> users(Gen<String> texts) {
        Gen<String> t = nullable(texts, 30);
        Gen<Boolean> b = nullable(Generate.booleans(), 40);
        Gen<OffsetDateTime> dt = nullable(dateTimes(), 30);
        Gen<Meta> meta = in -> new Meta(t.generate(in), dt.generate(in), dt.generate(in), t.generate(in),
                t.generate(in));
        Gen<Name> name = in -> new Name(t.generate(in), t.generate(in), t.generate(in), t.generate(in),
                t.generate(in), t.generate(in));
        Gen<Email> email = in -> new Email(t.generate(in), t.generate(in), t.generate(in), b.generate(in));
        Gen<PhoneNumber> phone = in -> new PhoneNumber(t.generate(in), t.generate(in), t.generate(in),
                b.generate(in));
        Gen<Address> address = in -> new Address(t.generate(in), t.generate(in), t.generate(in), t.generate(in),
                t.generate(in), t.generate(in), t.generate(in), b.generate(in));
        Gen<GroupMembership> group = in -> new GroupMembership(t.generate(in), t.generate(in), t.generate(in),
                t.generate(in));
        Gen<X509Certificate> certificate = Generate.byteArrays(Generate.range(0, 40),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .map(bytes -> new X509Certificate(Base64.getEncoder().encodeToString(bytes), null, null, null));
        Gen<EnterpriseUser.Manager> manager = nullable(in -> new EnterpriseUser.Manager(t.generate(in),
                t.generate(in), t.generate(in)), 30);
        Gen<EnterpriseUser> enterprise = in -> new EnterpriseUser(t.generate(in), t.generate(in), t.generate(in),
                t.generate(in), t.generate(in), manager.generate(in));
        Gen<String> unknownName = Pbt.strings(LETTERS, 1, 8).map(s -> "urn:example:ext:" + s);
        Gen<JsonNode> unknownValue = unknownValues();
        Gen<Boolean> half = percent(50);
        Gen<Boolean> third = percent(30);
        return in -> {
            User.Builder user = User.builder()
                    .id(t.generate(in))
                    .externalId(t.generate(in));
            if (half.generate(in)) {
                user.meta(meta.generate(in));
            }
            user.userName(texts.generate(in));
            if (half.generate(in)) {
                user.name(name.generate(in));
            }
            user.displayName(t.generate(in))
                    .nickName(t.generate(in))
                    .profileUrl(t.generate(in))
                    .title(t.generate(in))
                    .userType(t.generate(in))
                    .preferredLanguage(t.generate(in))
                    .locale(t.generate(in))
                    .timezone(t.generate(in))
                    .active(b.generate(in))
                    .emails(lists(email).generate(in))
                    .phoneNumbers(lists(phone).generate(in))
                    .ims(lists(pair(t, Im::of)).generate(in))
                    .photos(lists(pair(t, Photo::of)).generate(in))
                    .addresses(lists(address).generate(in))
                    .groups(lists(group).generate(in))
                    .entitlements(lists(pair(t, Entitlement::of)).generate(in))
                    .roles(lists(pair(t, Role::of)).generate(in))
                    .x509Certificates(lists(certificate).generate(in));
            if (half.generate(in)) {
                user.enterpriseUser(enterprise.generate(in));
            }
            if (third.generate(in)) {
                user.otherAttribute(unknownName.generate(in), unknownValue.generate(in));
            }
            return user.build();
        };
    }

    /** Date-times from 1900 to 2200 with whole, millisecond or any nanoseconds and offsets of quarter hours. */
    static Gen<OffsetDateTime> dateTimes() {
        Gen<Long> seconds = longs().between(-2_208_988_800L, 7_258_118_400L); // 1900..2200
        Gen<Integer> nanos = oneOf(Generate.constant(0), integers().between(0, 999).map(ms -> ms * 1_000_000),
                integers().between(0, 999_999_999));
        Gen<ZoneOffset> offsets = integers().between(-18 * 4, 18 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        return seconds.zip(nanos, offsets, (s, n, o) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), o));
    }

    /** Values of an attribute no schema declares: JSON scalars, or an object of a scalar and a list of them. */
    static Gen<JsonNode> unknownValues() {
        Gen<JsonNode> scalars = oneOf(text().map(NODES::textNode), integers().all().map(NODES::numberNode),
                longs().all().map(NODES::numberNode), Generate.booleans().map(NODES::booleanNode));
        Gen<JsonNode> objects = Pbt.strings(LETTERS, 1, 6).zip(scalars, lists(scalars), (k, v, l) -> {
            ObjectNode o = NODES.objectNode();
            o.set(k, v);
            o.putArray("list").addAll(l);
            return o;
        });
        return oneOf(scalars, objects);
    }

    private static <T> Gen<List<T>> lists(Gen<T> element) {
        return listsOf(element, 0, 3);
    }

    private static <T> Gen<T> pair(Gen<String> text, BiFunction<String, String, T> factory) {
        return text.zip(text, factory);
    }

    private static Gen<Boolean> percent(int percentTrue) {
        return Generate.range(0, 99).map(p -> p >= 100 - percentTrue);
    }
}
