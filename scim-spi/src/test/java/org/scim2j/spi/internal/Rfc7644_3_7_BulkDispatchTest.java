package org.scim2j.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimServiceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 7644 §3.7: how a bulk request is taken apart into requests of their own, with a recording dispatcher that
 * plays the resource endpoints, so that ordering, bulkId resolution and the BulkResponse are checked independently
 * of them.
 */
class Rfc7644_3_7_BulkDispatchTest {

    private static final String BASE = "https://example.com/scim/v2";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BULK = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";

    private final List<ScimRequest> dispatched = new ArrayList<>();
    private int created;

    private final BulkEndpoint bulk = new BulkEndpoint(new ServiceContext(SchemaRegistry.standard(),
            ScimServiceConfig.defaults(), List.of(), null), this::dispatch);

    /** Creates ids id-1, id-2 ... on POST; 404 for ids starting with 'missing'; echoes PUT/PATCH; 204 on DELETE. */
    private ScimResponse dispatch(ScimRequest request) {
        dispatched.add(request);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ScimResponse.CONTENT_TYPE);
        if (request.path().contains("/missing")) {
            return new ScimResponse(404, headers, ScimException.notFound("User", "missing").toErrorResponse()
                    .toJson().toString().getBytes(StandardCharsets.UTF_8));
        }
        if (request.method().equals("DELETE")) {
            return new ScimResponse(204, Map.of(), null);
        }
        ObjectNode body = (ObjectNode) read(request.body());
        String id = request.method().equals("POST") ? "id-" + (++created)
                : request.path().substring(request.path().lastIndexOf('/') + 1);
        String location = BASE + (request.method().equals("POST") ? request.path() + "/" + id : request.path());
        body.put("id", id);
        body.putObject("meta").put("location", location).put("version", "W/\"" + created + "\"");
        headers.put("ETag", "W/\"" + created + "\"");
        if (request.method().equals("POST")) {
            headers.put("Location", location);
        }
        return new ScimResponse(request.method().equals("POST") ? 201 : 200, headers,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode run(String operations) {
        ScimRequest request = new ScimRequest("POST", "/Bulk", Map.of(), Map.of(),
                ("{" + BULK + "," + operations + "}").getBytes(StandardCharsets.UTF_8), "tester", BASE, "r1");
        ScimResponse response = bulk.handle(request);
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = read(response.body());
        assertThat(json.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        return json.get("Operations");
    }

    @Test
    void rfc7644_3_7_eachOperationIsARequestOfItsOwnAndTheResponseReportsEach() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"qwerty\",\"data\":{\"userName\":\"alice\"}},"
                + "{\"method\":\"put\",\"path\":\"/Users/u-7\",\"version\":\"W/\\\"3\\\"\",\"data\":{\"userName\":\"bob\"}},"
                + "{\"method\":\"DELETE\",\"path\":\"/Groups/g-1\"}]");

        assertThat(dispatched).extracting(ScimRequest::method).containsExactly("POST", "PUT", "DELETE");
        assertThat(dispatched).extracting(ScimRequest::path).containsExactly("/Users", "/Users/u-7", "/Groups/g-1");
        assertThat(dispatched.get(1).header("If-Match")).isEqualTo("W/\"3\"");
        assertThat(dispatched.get(0).header("If-Match")).isNull();
        assertThat(read(dispatched.get(1).body()).get("userName").asText()).isEqualTo("bob");
        assertThat(dispatched.get(2).hasBody()).isFalse();
        assertThat(dispatched).allSatisfy(r -> {
            assertThat(r.baseUrl()).isEqualTo(BASE);
            assertThat(r.principal()).isEqualTo("tester");
        });
        assertThat(results).isEqualTo(read(("["
                + "{\"method\":\"POST\",\"bulkId\":\"qwerty\",\"version\":\"W/\\\"1\\\"\","
                + "\"location\":\"" + BASE + "/Users/id-1\",\"status\":\"201\"},"
                + "{\"method\":\"PUT\",\"version\":\"W/\\\"1\\\"\",\"location\":\"" + BASE + "/Users/u-7\","
                + "\"status\":\"200\"},"
                + "{\"method\":\"DELETE\",\"location\":\"" + BASE + "/Groups/g-1\",\"status\":\"204\"}]")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rfc7644_3_7_2_bulkIdReferencesResolveInDataAndPaths() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"userName\":\"alice\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"displayName\":\"Tour\","
                + "\"members\":[{\"type\":\"User\",\"value\":\"bulkId:u1\"}]}},"
                + "{\"method\":\"PATCH\",\"path\":\"/Groups/bulkId:g1\",\"data\":{\"Operations\":[{\"op\":\"add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"bulkId:u1\"}]}]}}]");

        assertThat(read(dispatched.get(1).body()).at("/members/0/value").asText()).isEqualTo("id-1");
        assertThat(dispatched.get(2).path()).isEqualTo("/Groups/id-2");
        assertThat(read(dispatched.get(2).body()).at("/Operations/0/value/0/value").asText()).isEqualTo("id-1");
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("201", "201", "200");
    }

    @Test
    void rfc7644_3_7_2_aReferenceToALaterOperationRunsThatOperationFirst() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"displayName\":\"Tour\","
                + "\"members\":[{\"value\":\"bulkId:u1\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"userName\":\"alice\"}}]");

        assertThat(dispatched).extracting(ScimRequest::path).containsExactly("/Users", "/Groups");
        assertThat(read(dispatched.get(1).body()).at("/members/0/value").asText()).isEqualTo("id-1");
        // reported in request order
        assertThat(results).extracting(r -> r.get("bulkId").asText()).containsExactly("g1", "u1");
        assertThat(results.get(0).get("location").asText()).isEqualTo(BASE + "/Groups/id-2");
    }

    @Test
    void rfc7644_3_7_1_circularReferencesFailWith409AndAreNotDispatched() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"a\",\"data\":{\"displayName\":\"A\","
                + "\"members\":[{\"value\":\"bulkId:b\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"b\",\"data\":{\"displayName\":\"B\","
                + "\"members\":[{\"value\":\"bulkId:a\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"self\",\"data\":{\"userName\":\"x\","
                + "\"externalId\":\"bulkId:self\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"ok\",\"data\":{\"userName\":\"y\"}}]");

        assertThat(dispatched).extracting(ScimRequest::path).containsExactly("/Users");
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("409", "409", "409", "201");
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).at("/response/schemas/0").asText())
                    .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(results.get(i).at("/response/status").asText()).isEqualTo("409");
            assertThat(results.get(i).at("/response/detail").asText()).contains("circular");
        }
    }

    @Test
    void rfc7644_3_7_2_aReferenceToAFailedOrUndeclaredOperationFails() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"PUT\",\"path\":\"/Users/missing\",\"bulkId\":\"m\",\"data\":{\"userName\":\"a\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\",\"data\":{\"displayName\":\"G\","
                + "\"members\":[{\"value\":\"bulkId:bad\"}]}},"
                + "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:nobody\"}]");

        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("404", "201", "201", "400");
        assertThat(results.get(0).at("/response/detail").asText()).contains("missing");
        assertThat(results.get(3).at("/response/scimType").asText()).isEqualTo("invalidValue");
        assertThat(results.get(3).at("/response/detail").asText()).contains("bulkId:nobody");

        dispatched.clear();
        JsonNode dependent = run("\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users/missing\",\"bulkId\":\"m\",\"data\":{\"userName\":\"a\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\",\"data\":{\"displayName\":\"G\","
                + "\"members\":[{\"value\":\"bulkId:m\"}]}}]");
        assertThat(dependent).extracting(r -> r.get("status").asText()).containsExactly("404", "409");
        assertThat(dependent.get(1).at("/response/detail").asText()).contains("bulkId:m").contains("failed");
        assertThat(dispatched).hasSize(1);
    }

    @Test
    void rfc7644_3_7_3_failOnErrorsStopsAfterThatManyErrors() {
        JsonNode results = run("\"failOnErrors\":2,\"Operations\":["
                + "{\"method\":\"DELETE\",\"path\":\"/Users/missing-1\"},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"a\"}},"
                + "{\"method\":\"DELETE\",\"path\":\"/Users/missing-2\"},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\",\"data\":{\"userName\":\"b\"}}]");

        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("404", "201", "404");
        assertThat(dispatched).hasSize(3);
    }

    @Test
    void rfc7644_3_7_malformedOperationsFailOneByOne() {
        JsonNode results = run("\"Operations\":["
                + "{\"method\":\"GET\",\"path\":\"/Users\"},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\"a\"}},"
                + "{\"method\":\"POST\",\"path\":\"Users\",\"bulkId\":\"x\",\"data\":{}},"
                + "{\"method\":\"PUT\",\"path\":\"/Users/1\"},"
                + "{\"method\":\"POST\",\"path\":\"/Bulk\",\"bulkId\":\"y\",\"data\":{}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"z\",\"data\":{}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"z\",\"data\":{}},"
                + "\"not an object\"]");

        assertThat(results).extracting(r -> r.get("status").asText())
                .containsExactly("400", "400", "400", "400", "400", "201", "400", "400");
        assertThat(results).extracting(r -> r.at("/response/scimType").asText())
                .containsExactly("invalidValue", "invalidValue", "invalidValue", "invalidSyntax", "invalidValue", "",
                        "invalidValue", "invalidSyntax");
        assertThat(dispatched).extracting(ScimRequest::path).containsExactly("/Users");
    }
}
