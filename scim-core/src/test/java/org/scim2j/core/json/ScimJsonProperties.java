package org.scim2j.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.nio.charset.StandardCharsets;

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
    @Property(tries = 500)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void untrustedBytesYieldAResourceOrAClientError(@ForAll("bodies") byte[] body) {
        String outcome = "accepted";
        try {
            ObjectNode tree = json.readObject(body);
            ObjectNode canonical = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, tree).resource();
            validator.validate(Schemas.USER_RESOURCE_TYPE, canonical, SchemaValidator.Required.SKIP);
            json.toTyped(canonical, User.class);
        } catch (ScimException e) {
            outcome = "rejected";
            assertThat(e.status()).isIn(400, 413);
            assertThat(e.detail()).isNotBlank().doesNotContain("com.fasterxml", "Exception");
        }
        // Both outcomes must occur, or the generator does not exercise the pipeline.
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("accepted").count(n -> n > 0);
            coverage.check("rejected").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> mutatedSeed = Arbitraries.integers().between(0, seed.length - 1).list().ofMinSize(1)
                .ofMaxSize(4).flatMap(positions -> Arbitraries.bytes().array(byte[].class).ofSize(positions.size())
                        .map(values -> {
                            byte[] copy = seed.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                copy[positions.get(i)] = values[i];
                            }
                            return copy;
                        }));
        Arbitrary<byte[]> printableSeed = Arbitraries.integers().between(0, seed.length - 1).list().ofMinSize(1)
                .ofMaxSize(4).flatMap(positions -> Arbitraries.of("{}[]\":,tfn0 .-eE\\".toCharArray())
                        .list().ofSize(positions.size()).map(chars -> {
                            byte[] copy = seed.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                copy[positions.get(i)] = (byte) (char) chars.get(i);
                            }
                            return copy;
                        }));
        return Arbitraries.oneOf(randomBytes, mutatedSeed, printableSeed);
    }
}
