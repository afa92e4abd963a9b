package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;
import org.scim2j.spi.service.ScimServiceConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a {@link ScimService} without HTTP: requests with body, query and headers; responses parsed as JSON. */
final class ScimClient {

    static final String BASE = "https://example.com/scim/v2";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ScimService service;

    ScimClient(ScimService service) {
        this.service = service;
    }

    /** A service over fresh in-memory repositories with the default configuration. */
    static ScimClient inMemory() {
        return new ScimClient(ScimService.builder().users(new InMemoryUserRepository())
                .groups(new InMemoryGroupRepository()).build());
    }

    /** A service over the given repositories and configuration. */
    static ScimClient of(UserRepository users, GroupRepository groups, ScimServiceConfig config) {
        return new ScimClient(ScimService.builder().users(users).groups(groups).config(config).build());
    }

    static Request request(String method, String path) {
        return new Request(method, path);
    }

    Reply send(Request request) {
        return new Reply(service.handle(request.build()));
    }

    Reply get(String path) {
        return send(request("GET", path));
    }

    Reply post(String path, String body) {
        return send(request("POST", path).body(body));
    }

    Reply put(String path, String body) {
        return send(request("PUT", path).body(body));
    }

    Reply patch(String path, String operationsJson) {
        return send(request("PATCH", path).body(patchBody(operationsJson)));
    }

    Reply delete(String path) {
        return send(request("DELETE", path));
    }

    /** A PatchOp body around a JSON array of operations. */
    static String patchBody(String operationsJson) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operationsJson + "}";
    }

    /** Creates a user and returns its id. */
    String createUser(String userName) {
        Reply reply = post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName
                + "\",\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"},\"active\":true}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** Creates a group with these member ids and returns its id. */
    String createGroup(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String m : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(m).append("\"}");
        }
        Reply reply = post("/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + displayName
                + "\",\"members\":[" + members + "]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** The member ids of a group, read with GET. */
    List<String> memberIds(String groupId) {
        Reply reply = get("/Groups/" + groupId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    /** A request under construction. */
    static final class Request {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request body(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request query(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        ScimRequest build() {
            return new ScimRequest(method, path, query, headers, body, "tester", BASE, "test-request");
        }
    }

    /** A response with its body parsed. */
    record Reply(ScimResponse response) {

        int status() {
            return response.status();
        }

        String header(String name) {
            return response.header(name);
        }

        String text() {
            return response.bodyText();
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response, e);
            }
        }

        /** The id of a resource response. */
        String id() {
            return json().path("id").asText();
        }

        @Override
        public String toString() {
            return response.toString();
        }
    }
}
