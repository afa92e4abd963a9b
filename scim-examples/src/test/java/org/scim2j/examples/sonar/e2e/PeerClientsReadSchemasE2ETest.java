package org.scim2j.examples.sonar.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import de.captaingoldfish.scim.sdk.common.schemas.Schema;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7644 §4: {@code /Schemas} is readable by mainstream client libraries, here the model classes of the
 * Captain-P-Goldfish SCIM-SDK and of UnboundID's SCIM 2 SDK (test scope only). The Goldfish SDK refuses a schema
 * that declares a binary attribute case-insensitive, as RFC 7643 §8.7.1's listing does for
 * {@code x509Certificates.value}.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerClientsReadSchemasE2ETest {

    private RunningServer scim;
    private JsonNode schemas;

    @BeforeAll
    void start() throws Exception {
        scim = new RunningServer();
        RunningServer.Answer answer = scim.get("/Schemas");
        assertThat(answer.status()).isEqualTo(200);
        schemas = answer.body().path("Resources");
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(3);
    }

    @AfterAll
    void stop() {
        scim.close();
    }

    @Test
    void theGoldfishSdkReadsEverySchemaAndSeesTheBinaryCertificateAsCaseExact() {
        List<String> ids = new ArrayList<>();
        for (JsonNode json : schemas) {
            Schema schema = new Schema(json);
            ids.add(schema.getNonNullId());
        }
        assertThat(ids).contains("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        Schema user = new Schema(userSchema());
        SchemaAttribute certificate = user.getSchemaAttribute("x509Certificates.value");
        assertThat(certificate.isCaseExact()).isTrue();
    }

    @Test
    void theUnboundIdSdkReadsEverySchemaWithItsAttributes() throws Exception {
        for (JsonNode json : schemas) {
            SchemaResource schema = JsonUtils.getObjectReader().forType(SchemaResource.class)
                    .readValue(json.toString());
            assertThat(schema.getId()).isEqualTo(json.path("id").asText());
            assertThat(schema.getAttributes()).hasSize(json.path("attributes").size());
        }
        SchemaResource user = JsonUtils.getObjectReader().forType(SchemaResource.class)
                .readValue(userSchema().toString());
        AttributeDefinition certificates = user.getAttributes().stream()
                .filter(a -> a.getName().equals("x509Certificates")).findFirst().orElseThrow();
        assertThat(certificates.getSubAttributes()).anySatisfy(sub -> {
            assertThat(sub.getName()).isEqualTo("value");
            assertThat(sub.isCaseExact()).isTrue();
        });
    }

    private JsonNode userSchema() {
        for (JsonNode json : schemas) {
            if (json.path("id").asText().equals("urn:ietf:params:scim:schemas:core:2.0:User")) {
                return json;
            }
        }
        throw new AssertionError("no User schema in " + schemas);
    }
}
