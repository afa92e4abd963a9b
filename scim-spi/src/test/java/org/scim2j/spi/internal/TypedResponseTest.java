package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.request;

/**
 * A User or Group shown with its default attributes is written from the typed model, without a JSON tree (by id and
 * in list responses); what a client reads must be the same as the presented tree, which a projection such as
 * {@code excludedAttributes=password} (never returned anyway) still uses (RFC 7644 §3.4.1, §3.4.2, §3.9: the same
 * resource the same way), meta included.
 */
class TypedResponseTest {

    private static final String FULL_USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"bjensen@example.com","externalId":"00u1","displayName":"Babs",
             "name":{"formatted":"Ms. Barbara J Jensen","familyName":"Jensen","givenName":"Barbara"},
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                       {"value":"babs@jensen.org","type":"home"}],
             "phoneNumbers":[{"value":"555-555-8377","type":"work"}],
             "active":true,"password":"t1meMa$heen","locale":"en-US","timezone":"America/Los_Angeles",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                {"employeeNumber":"701984","manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}
            """;

    private final ScimClient scim = ScimClient.inMemory();

    @Test
    void aUserReadByIdIsTheUserAListShows() {
        ScimClient.Reply created = scim.post("/Users", FULL_USER);
        String id = created.id();

        ScimClient.Reply byId = scim.get("/Users/" + id);
        JsonNode tree = scim.send(request("GET", "/Users/" + id).query("excludedAttributes", "password")).json();
        JsonNode listed = scim.send(request("GET", "/Users").query("filter", "id eq \"" + id + "\""))
                .json().path("Resources").get(0);

        assertThat(byId.json()).isEqualTo(tree).isEqualTo(listed);
        assertThat(byId.json().path("meta").path("location").asText()).isEqualTo(ScimClient.BASE + "/Users/" + id);
        assertThat(byId.json().path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(byId.json().path("meta").path("version").asText()).isEqualTo(byId.header("ETag"));
        assertThat(byId.json().has("password")).isFalse();
        assertThat(created.json()).isEqualTo(scim.get("/Users/" + id).json());
    }

    @Test
    void aGroupReadByIdIsTheGroupAListShows() {
        String alice = scim.createUser("alice");
        String bob = scim.createUser("bob");
        String id = scim.createGroup("devs", alice, bob);

        ScimClient.Reply byId = scim.get("/Groups/" + id);
        JsonNode tree = scim.send(request("GET", "/Groups/" + id).query("attributes",
                "displayName,members,externalId,meta")).json();
        JsonNode listed = scim.send(request("GET", "/Groups").query("filter", "displayName eq \"devs\""))
                .json().path("Resources").get(0);

        assertThat(byId.json()).isEqualTo(tree).isEqualTo(listed);
        assertThat(byId.json().path("members")).hasSize(2);
        assertThat(byId.header("ETag")).isEqualTo(byId.json().path("meta").path("version").asText());
    }

    @Test
    void aProjectedResponseIsStillATreeWithTheSameEtag() {
        String id = scim.post("/Users", FULL_USER).id();

        ScimClient.Reply full = scim.get("/Users/" + id);
        ScimClient.Reply projected = scim.send(request("GET", "/Users/" + id).query("attributes", "userName"));

        assertThat(projected.json().has("emails")).isFalse();
        assertThat(projected.json().path("userName").asText()).isEqualTo("bjensen@example.com");
        assertThat(projected.header("ETag")).isEqualTo(full.header("ETag"));
    }
}
