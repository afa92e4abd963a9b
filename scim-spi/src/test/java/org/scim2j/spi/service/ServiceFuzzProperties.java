package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.service.RequestGenerators.mutated;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scim2j.filter.Pbt;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Map;

/**
 * Hostile input through the transport-free service: random and mutated JSON bodies (create, PUT, bulk), PATCH
 * requests and filters never produce a 5xx, never let an exception escape, always answer errors as SCIM Error
 * bodies, and never leave a partial write behind. Each template below is mutated by {@link RequestGenerators#mutated}.
 */
class ServiceFuzzProperties {

    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"fuzz\",\"name\":{\"givenName\":\"F\",\"familyName\":\"Z\"},\"active\":true,"
            + "\"emails\":[{\"value\":\"f@z.org\",\"type\":\"work\",\"primary\":true}],"
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"7\"}}";

    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x@y.z\"},"
            + "{\"op\":\"add\",\"value\":{\"nickName\":\"N\",\"name.givenName\":\"G\"}},"
            + "{\"op\":\"remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\"}]}";

    private static final String FILTER = "userName eq \"fuzz\" and (emails[type eq \"work\" and value co \"@\"] "
            + "or meta.lastModified gt \"2011-05-13T04:42:34Z\") and not (active eq false)";

    private static final String PUT = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"fuzz-put\",\"name\":{\"formatted\":\"P U\"},\"active\":false,\"externalId\":\"e\","
            + "\"emails\":[{\"value\":\"p@u.org\",\"primary\":true}],\"phoneNumbers\":[{\"value\":\"+1\"}]}";

    /** Creates a user and a group with it as member, patches the group, deletes the user; ids by bulkId. */
    private static final String BULK = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
            + "\"failOnErrors\":2,\"Operations\":["
            + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"BULKNAME\"}},"
            + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"BULKNAME\","
            + "\"members\":[{\"value\":\"bulkId:u1\"}]}},"
            + "{\"method\":\"PATCH\",\"path\":\"/Groups/bulkId:g1\",\"data\":{\"schemas\":"
            + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
            + "\"path\":\"members[value eq \\\"bulkId:u1\\\"]\"}]}},"
            + "{\"method\":\"PUT\",\"path\":\"/Users/bulkId:u1\",\"data\":"
            + "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"BULKNAME\","
            + "\"active\":false}},"
            + "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:u1\"}]}";

    private final ScimTestClient client = new ScimTestClient(ScimService.builder().users(new InMemoryUserRepository())
            .groups(new InMemoryGroupRepository()).build());

    @Test
    void mutatedCreateBodiesNeverFailOnTheServerSide() {
        Pbt.qt(400).forAll(mutated(USER)).checkAssert(body -> {
            ScimTestClient.Reply reply = client.post("/Users", body);
            assertClientOrSuccess(reply);
            if (reply.status() == 201) {
                client.send("DELETE", "/Users/" + reply.json().get("id").asText(), null, Map.of());
            }
        });
    }

    @Test
    void mutatedPatchesEitherApplyWhollyOrChangeNothing() {
        Pbt.qt(400).forAll(mutated(PATCH)).checkAssert(patch -> {
            ScimTestClient.Reply created = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-"
                    + System.nanoTime() + "\""));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            JsonNode before = client.get("/Users/" + id).json();
            ScimTestClient.Reply reply = client.send("PATCH", "/Users/" + id, patch, Map.of());
            assertClientOrSuccess(reply);
            if (reply.status() >= 400) {
                assertThat(client.get("/Users/" + id).json()).isEqualTo(before);
            }
            client.send("DELETE", "/Users/" + id, null, Map.of());
        });
    }

    @Test
    void mutatedFiltersAreAnsweredOr400() {
        Pbt.qt(400).forAll(mutated(FILTER)).checkAssert(filter -> {
            ScimTestClient.Reply reply = client.send("GET", "/Users", null, Map.of(),
                    Map.of("filter", List.of(filter)));
            assertClientOrSuccess(reply);
            if (reply.status() >= 400) {
                assertThat(reply.status()).isEqualTo(400);
            }
        });
    }

    /** The templates the PUT and bulk mutations start from are valid, so that mutations reach deep paths. */
    @Test
    void unmutatedPutAndBulkTemplatesSucceed() {
        String id = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-template\"")).json().get("id").asText();
        assertThat(client.send("PUT", "/Users/" + id, PUT, Map.of()).status()).isEqualTo(200);
        ScimTestClient.Reply bulk = client.post("/Bulk", BULK.replace("BULKNAME", "bulk-template"));
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        assertThat(bulk.json().path("Operations").size()).as("%s", bulk).isEqualTo(5);
        for (JsonNode operation : bulk.json().path("Operations")) {
            assertThat(operation.path("status").asText()).as("%s", bulk).startsWith("2");
        }
    }

    @Test
    void mutatedPutBodiesEitherReplaceWhollyOrChangeNothing() {
        Pbt.qt(300).forAll(mutated(PUT)).checkAssert(put -> {
            ScimTestClient.Reply created = client.post("/Users", USER.replace("\"fuzz\"", "\"fuzz-"
                    + System.nanoTime() + "\""));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            JsonNode before = client.get("/Users/" + id).json();
            ScimTestClient.Reply reply = client.send("PUT", "/Users/" + id, put.replace("\"fuzz-put\"",
                    "\"fuzz-put-" + System.nanoTime() + "\""), Map.of());
            assertClientOrSuccess(reply);
            if (reply.status() >= 400) {
                assertThat(client.get("/Users/" + id).json()).isEqualTo(before);
            } else {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(client.get("/Users/" + id).json()).isEqualTo(reply.json());
            }
            client.send("DELETE", "/Users/" + id, null, Map.of());
        });
    }

    @Test
    void mutatedBulkBodiesNeverFailOnTheServerSide() {
        Pbt.qt(300).forAll(mutated(BULK)).checkAssert(bulk -> {
            ScimTestClient.Reply reply = client.post("/Bulk", bulk.replace("BULKNAME", "bulk-" + System.nanoTime()));
            assertClientOrSuccess(reply);
            // Each operation's outcome, in a BulkResponse, is a status below 500 too (RFC 7644 §3.7.3).
            for (JsonNode operation : reply.json().path("Operations")) {
                JsonNode status = operation.path("status");
                assertThat(status.isMissingNode() ? 0 : Integer.parseInt(status.asText().trim().split(" ")[0]))
                        .as("%s in %s", operation, reply).isLessThan(500);
                JsonNode response = operation.path("response");
                if (!response.isMissingNode() && response.has("status")) {
                    assertThat(response.path("schemas").toString())
                            .contains("urn:ietf:params:scim:api:messages:2.0:Error");
                }
            }
        });
    }

    private static void assertClientOrSuccess(ScimTestClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
        if (reply.status() >= 400) {
            JsonNode error = reply.json();
            assertThat(error.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.path("detail").asText()).isNotBlank();
        }
    }
}
