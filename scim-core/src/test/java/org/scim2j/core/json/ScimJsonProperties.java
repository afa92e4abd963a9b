package org.scim2j.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.scim2j.filter.Pbt;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

class ScimJsonProperties {

    private static final String SEED = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"bjensen\",\"active\":\"True\",\"name\":{\"givenName\":\"Barbara\"},"
            + "\"emails\":[{\"value\":\"b@example.com\",\"primary\":true}],"
            + "\"meta\":{\"created\":\"2010-01-23T04:56:22Z\"},"
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":{\"value\":\"m\"}}}";

    private final ScimJson json = ScimJson.builder().maxDocumentBytes(4096).maxNestingDepth(8).maxStringLength(64)
            .build();
    private final ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
    private final SchemaValidator validator = SchemaValidator.builder(SchemaRegistry.standard()).build();

    /** Reading, normalizing, validating and binding untrusted bytes fails only with a 400 or 413 SCIM error. */
    @Test
    void untrustedBytesYieldAResourceOrAClientError() {
        int[] outcomes = new int[2];
        Pbt.qt(500).forAll(bodies()).checkAssert(body -> {
            try {
                ObjectNode tree = json.readObject(body);
                ObjectNode canonical = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, tree).resource();
                validator.validate(Schemas.USER_RESOURCE_TYPE, canonical, SchemaValidator.Required.SKIP);
                json.toTyped(canonical, User.class);
                outcomes[0]++;
            } catch (ScimException e) {
                outcomes[1]++;
                assertThat(e.status()).isIn(400, 413);
                assertThat(e.detail()).isNotBlank().doesNotContain("com.fasterxml", "Exception");
            }
        });
        // Both outcomes must occur, or the generator does not exercise the pipeline.
        assertThat(outcomes[0]).as("accepted").isPositive();
        assertThat(outcomes[1]).as("rejected").isPositive();
    }

    /** Random bytes, and the seed document with up to four bytes replaced by any byte or by a JSON character. */
    static Gen<byte[]> bodies() {
        byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
        Gen<Byte> anyByte = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
        Gen<byte[]> randomBytes = Generate.byteArrays(Generate.range(0, 64), anyByte);
        Gen<byte[]> mutatedSeed = replacements(seed, anyByte);
        Gen<byte[]> printableSeed = replacements(seed, Pbt.strings("{}[]\":,tfn0 .-eE\\", 1, 1)
                .map(c -> (byte) c.charAt(0)));
        return Pbt.oneOf(randomBytes, mutatedSeed, printableSeed)
                .describedAs(bytes -> new String(bytes, StandardCharsets.UTF_8) + " " + Arrays.toString(bytes));
    }

    private static Gen<byte[]> replacements(byte[] seed, Gen<Byte> replacement) {
        Gen<List<Integer>> positions = Pbt.listsOf(Generate.range(0, seed.length - 1), 1, 4);
        return in -> {
            byte[] copy = seed.clone();
            for (int position : positions.generate(in)) {
                copy[position] = replacement.generate(in);
            }
            return copy;
        };
    }
}
