package org.scim2j.spi.internal;

import org.junit.jupiter.api.Test;
import org.scim2j.core.patch.PatchOptions;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scim2j.spi.internal.ScimClient.PATCH_OP;
import static org.scim2j.spi.internal.ScimClient.USER;

/**
 * Booleans sent as strings ({@code "active":"True"}, Microsoft Entra ID: IDP-TRAFFIC ENTRA-PATCH) follow one switch,
 * the {@code BOOLEAN_STRINGS} tolerance, in POST, PUT and PATCH alike.
 */
class BooleanStringsTest {

    private static ScimClient service(PatchOptions options) {
        return ScimClient.of(new InMemoryUserRepository(), new InMemoryGroupRepository(),
                ScimServiceConfig.builder().patchOptions(options).build());
    }

    private static String user(String active) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"bools@example.com\",\"active\":\"" + active + "\"}";
    }

    @Test
    void theEntraProfileAcceptsBooleanStringsInEveryWrite() {
        ScimClient scim = service(PatchOptions.entra());
        ScimClient.Reply created = scim.post("/Users", user("True"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("active").isBoolean()).isTrue();
        String path = "/Users/" + created.id();
        assertThat(scim.put(path, user("False")).json().path("active").booleanValue()).isFalse();
        ScimClient.Reply patched = scim.patch(path, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]");
        assertThat(patched.json().path("active").booleanValue()).isTrue();
    }

    @Test
    void withoutTheToleranceEveryWriteRefusesThemNamingTheSwitch() {
        ScimClient scim = service(PatchOptions.strict());
        ScimClient.Reply created = scim.post("/Users", user("True"));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(created.json().path("detail").asText()).contains("BOOLEAN_STRINGS");

        String id = scim.post("/Users", user("x").replace("\"x\"", "true")).id();
        assertThat(scim.put("/Users/" + id, user("False")).status()).isEqualTo(400);
        ScimClient.Reply patched = scim.patch("/Users/" + id,
                "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}]");
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("detail").asText()).contains("BOOLEAN_STRINGS");
        assertThat(scim.get("/Users/" + id).json().path("active").booleanValue()).isTrue();
    }
}
