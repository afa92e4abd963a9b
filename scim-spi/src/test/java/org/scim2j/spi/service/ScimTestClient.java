package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.ResourceRepository;

import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds requests as a servlet would decode them, and reads responses, for service-level tests. */
final class ScimTestClient {

    static final String BASE = "https://example.com/scim/v2";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final ScimService service;

    ScimTestClient(ScimService service) {
        this.service = service;
    }

    /** {@code GET /Users?filter=...}: the query is split and percent-decoded ({@code +} is a space). */
    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    Reply post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json, Map.of());
    }

    Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                List<String> values = query.computeIfAbsent(name, k -> new ArrayList<>());
                if (eq >= 0) {
                    values.add(decode(pair.substring(eq + 1)));
                }
            }
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        ScimResponse response = service.handle(new ScimRequest(method, path, query, headers, bytes, "tester",
                BASE, "test"));
        return new Reply(response);
    }

    /** A request whose query parameters are given already decoded (for arbitrary filter text). */
    Reply send(String method, String path, String body, Map<String, String> headers, Map<String, List<String>> query) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new Reply(service.handle(new ScimRequest(method, path, query, headers, bytes, "tester", BASE, "test")));
    }

    private static String decode(String s) {
        // a literal '+' in test input stays a '+' unless it is written %2B; test strings use spaces directly
        return URLDecoder.decode(s.replace("+", "%2B").replace(" ", "+"), StandardCharsets.UTF_8);
    }

    /** A response with its body parsed. */
    record Reply(ScimResponse response) {
        int status() {
            return response.status();
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(response.body());
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The top-level member names, in order. */
        List<String> fields() {
            List<String> names = new ArrayList<>();
            json().fieldNames().forEachRemaining(names::add);
            return names;
        }

        /** The values of one member of each of {@code Resources}. */
        List<String> resources(String member) {
            List<String> out = new ArrayList<>();
            json().path("Resources").forEach(r -> out.add(r.path(member).asText(null)));
            return out;
        }

        /** Asserts a SCIM Error with this status and scimType (null for none) and returns the detail. */
        String assertError(int status, String scimType) {
            assertThat(status()).as(response.toString()).isEqualTo(status);
            JsonNode json = json();
            assertThat(json.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(json.path("status").asText()).isEqualTo(Integer.toString(status));
            if (scimType == null) {
                assertThat(json.has("scimType")).isFalse();
            } else {
                assertThat(json.path("scimType").asText()).isEqualTo(scimType);
            }
            assertThat(json.path("detail").asText()).isNotBlank();
            return json.path("detail").asText();
        }

        @Override
        public String toString() {
            return response.toString();
        }
    }

    static User user(String userName, String givenName, String familyName, String externalId) {
        return User.builder().userName(userName).externalId(externalId).active(true)
                .name(new Name(null, familyName, givenName, null, null, null))
                .emails(List.of(Email.of(userName, "work"))).build();
    }

    static User seed(ResourceRepository<User> users, String userName) {
        return users.create(user(userName, "Given " + userName, "Family " + userName, null), RequestContext.system());
    }

    static Group seedGroup(ResourceRepository<Group> groups, String displayName, String... memberIds) {
        List<Member> members = new ArrayList<>();
        for (String id : memberIds) {
            members.add(Member.of(id));
        }
        return groups.create(Group.builder().displayName(displayName).members(members).build(),
                RequestContext.system());
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode array(JsonNode node) {
        return (ArrayNode) node;
    }
}
