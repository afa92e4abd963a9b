package org.scim2j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.resource.Meta;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

class ScimJsonTest {

    private final ScimJson json = ScimJson.defaults();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ScimException scimError(Runnable r) {
        try {
            r.run();
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError("expected a ScimException");
    }

    @Test
    void readsAnObjectFromBytesAndFromAStream() {
        String body = "{\"userName\":\"bjensen\",\"active\":true}";
        assertThat(json.readObject(utf8(body)).get("userName").asText()).isEqualTo("bjensen");
        assertThat(json.readObject(new ByteArrayInputStream(utf8(body))).get("active").asBoolean()).isTrue();
    }

    @Test
    void malformedJsonIsInvalidSyntaxWithAPositionAndNoJacksonInternals() {
        ScimException e = scimError(() -> json.readObject(utf8("{\"userName\": \"bjensen\",\n }")));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(e.detail()).startsWith("request body is not valid JSON").contains("line 2");
        assertThat(e.detail()).doesNotContain("com.fasterxml", "Jackson", "Source:");
    }

    @Test
    void truncatedTrailingAndEmptyBodiesAreInvalidSyntax() {
        assertThat(scimError(() -> json.readObject(utf8("{\"a\":"))).detail()).contains("unexpected end of input");
        assertThat(scimError(() -> json.readObject(utf8("{\"a\":1} {}"))).detail()).contains("after the JSON value");
        assertThat(scimError(() -> json.readObject(new byte[0])).detail()).contains("empty");
    }

    /**
     * RFC 8259 §8.2: "\uDEAD" is a valid JSON escape but no Unicode character. PostgreSQL stored such a userName as
     * "pglone?x" (and then refused a second user "pglone?x" as a duplicate), so it is refused before any store.
     */
    @Test
    void rfc8259_8_2_anUnpairedSurrogateInAStringIsInvalidValueNamingWhere() {
        ScimException value = scimError(() -> json.readObject(utf8("{\"userName\":\"pglone\\ud800x\"}")));
        assertThat(value.status()).isEqualTo(400);
        assertThat(value.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(value.detail()).contains("'userName'").contains("U+D800").contains("not valid Unicode");

        ScimException nested = scimError(() -> json.readObject(utf8(
                "{\"emails\":[{\"value\":\"a@b\"},{\"value\":\"x\\udc00\"}]}")));
        assertThat(nested.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(nested.detail()).contains("'emails[1].value'").contains("U+DC00");

        ScimException name = scimError(() -> json.readObject(utf8("{\"a\\udbff\":1}")));
        assertThat(name.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(name.detail()).contains("member name").contains("not valid Unicode");

        // the same half sent as raw bytes (CESU-8 style: ED A0 80) is not UTF-8, so not JSON text (RFC 8259 §8.1)
        byte[] raw = {'{', '"', 'u', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        ScimException bytes = scimError(() -> json.readObject(raw));
        assertThat(bytes.status()).isEqualTo(400);
        assertThat(bytes.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
    }

    @Test
    void rfc8259_8_2_aSurrogatePairAsEscapesOrAsUtf8IsAcceptedAsOneCharacter() {
        ObjectNode escaped = json.readObject(utf8("{\"displayName\":\"smile \\ud83d\\ude00\"}"));
        ObjectNode utf8 = json.readObject(utf8("{\"displayName\":\"smile \uD83D\uDE00\"}"));
        assertThat(escaped.get("displayName").asText()).isEqualTo("smile \uD83D\uDE00");
        assertThat(utf8).isEqualTo(escaped);
    }

    @Test
    void bytesThatAreNotUtf8JsonAreInvalidSyntaxNeverAnIoFailure() {
        byte[][] bodies = {
                {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},   // invalid UTF-8 sequence
                {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},  // bad UTF-32
                {(byte) 0xFE, (byte) 0xFF, 0, '{', (byte) 0xD8, 0},                    // truncated UTF-16
                {(byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83}};
        for (byte[] body : bodies) {
            ScimException e = scimError(() -> json.readObject(body));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
            assertThat(e.detail()).startsWith("request body is not valid JSON").doesNotContain("Exception");
        }
    }

    @Test
    void rfc7644_3_12_aNonObjectDocumentIsInvalidSyntax() {
        ScimException e = scimError(() -> json.readObject(utf8("[{\"userName\":\"x\"}]")));
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(e.detail()).isEqualTo("request body must be a JSON object, not an array");
    }

    @Test
    void duplicateMemberNamesAreRejectedByDefaultAndAllowedWhenConfigured() {
        byte[] body = utf8("{\"active\":true,\"active\":false}");
        ScimException e = scimError(() -> json.readObject(body));
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(e.detail())
                .isEqualTo("request body is not valid SCIM JSON: duplicate member name 'active' (line 1, column 24)");
        ObjectNode lenient = ScimJson.builder().rejectDuplicateKeys(false).build().readObject(body);
        assertThat(lenient.get("active").asBoolean()).isFalse();
    }

    @Test
    void aTwoMebibyteBodyIsPayloadTooLargeFromBytesAndFromAStream() {
        byte[] big = utf8("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        ScimException fromBytes = scimError(() -> json.readObject(big));
        assertThat(fromBytes.status()).isEqualTo(413);
        assertThat(fromBytes.detail()).isEqualTo("request body is larger than the maximum of 1048576 bytes");
        ScimException fromStream = scimError(() -> json.readObject(new ByteArrayInputStream(big)));
        assertThat(fromStream.status()).isEqualTo(413);
    }

    @Test
    void tenThousandNestedArraysAreInvalidSyntaxNamingTheDepthLimit() {
        String deep = "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        ScimException e = scimError(() -> json.readObject(utf8(deep)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(e.detail()).isEqualTo("request body nests arrays or objects deeper than 64 levels");
    }

    @Test
    void aHugeStringIsInvalidSyntaxNamingTheStringLimit() {
        byte[] body = utf8("{\"displayName\":\"" + "b".repeat(100_000) + "\"}");
        ScimException e = scimError(() -> json.readObject(body));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.detail()).isEqualTo("request body holds a string longer than 65536 characters");
        ScimJson roomy = ScimJson.builder().maxStringLength(200_000).build();
        assertThat(roomy.readObject(body).get("displayName").asText()).hasSize(100_000);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> ScimJson.builder().maxNestingDepth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimJson.builder().maxDocumentBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc7643_2_3_5_dateTimesAreWrittenInRfc3339WithOffsetAndMillisecondsWhenPresent() {
        OffsetDateTime created = OffsetDateTime.of(2011, 8, 1, 18, 29, 49, 793_000_000, ZoneOffset.UTC);
        ObjectNode tree = json.toTree(new Meta("User", created, null, null, null));
        assertThat(tree.get("created").asText()).isEqualTo("2011-08-01T18:29:49.793Z");
        assertThat(tree.has("lastModified")).isFalse();
    }

    @Test
    void rfc7643_2_3_5_dateTimesWithAnyOffsetAreRead() {
        ObjectNode tree = json.readObject(utf8("{\"created\":\"2010-01-23T04:56:22+02:00\","
                + "\"lastModified\":\"2011-05-13t04:42:34.5z\"}"));
        Meta meta = json.toTyped(tree, Meta.class);
        assertThat(meta.created()).isEqualTo(OffsetDateTime.of(2010, 1, 23, 4, 56, 22, 0, ZoneOffset.ofHours(2)));
        assertThat(meta.lastModified().toInstant()).isEqualTo("2011-05-13T04:42:34.500Z");
        assertThat(json.toTree(meta).get("created").asText()).isEqualTo("2010-01-23T04:56:22+02:00");
    }

    @Test
    void rfc7643_2_3_5_aDateTimeWithoutOffsetIsValidXsdDateTimeReadAsUtc() {
        JsonNode tree = json.readObject(utf8("{\"created\":\"2010-01-23T04:56:22\"}"));
        assertThat(json.toTyped(tree, Meta.class).created()).isEqualTo(OffsetDateTime.parse("2010-01-23T04:56:22Z"));
    }

    @Test
    void aTextThatIsNoDateTimeIsInvalidValueNamingTheAttribute() {
        JsonNode tree = json.readObject(utf8("{\"created\":\"2010-01-23T24:56:22Z\"}"));
        ScimException e = scimError(() -> json.toTyped(tree, Meta.class));
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(e.detail()).isEqualTo("attribute 'created' has an invalid value: expected a dateTime "
                + "(RFC 7643 §2.3.5), got '2010-01-23T24:56:22Z'");
    }

    @Test
    void writesTreesAsCompactUtf8() {
        ObjectNode tree = json.readObject(utf8("{\"displayName\":\"Ünïcödé\",\"n\":1.50}"));
        assertThat(json.writeString(tree)).isEqualTo("{\"displayName\":\"Ünïcödé\",\"n\":1.50}");
        assertThat(json.readObject(json.write(tree))).isEqualTo(tree);
    }

    @Test
    void mapperIsACopySoHostsCannotReconfigureTheSharedInstance() {
        assertThat(json.mapper()).isNotSameAs(json.mapper());
        assertThat(json.mapper().getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(64);
    }

    @Test
    void writeResourceGivesTheSameBytesAsWritingItsTree() throws Exception {
        for (String example : new String[] {"8.2-full-user.json", "8.3-enterprise-user.json"}) {
            try (var in = getClass().getResourceAsStream("/org/scim2j/core/rfc7643/" + example)) {
                org.scim2j.core.resource.User user = json.toTyped(json.readObject(in),
                        org.scim2j.core.resource.User.class);
                assertThat(new String(json.writeResource(user), StandardCharsets.UTF_8))
                        .isEqualTo(new String(json.write(json.toTree(user)), StandardCharsets.UTF_8));
            }
        }
    }
}
