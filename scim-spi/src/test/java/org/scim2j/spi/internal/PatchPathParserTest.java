package org.scim2j.spi.internal;

import org.junit.jupiter.api.Test;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimServiceConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7644 §3.5.2: a PATCH {@code path} is read by the parser the service reads filters with, so that its strict
 * or lenient choice ({@code scim.filter.lenient}) holds for value filters in paths too.
 */
class PatchPathParserTest {

    private static final String UNQUOTED = "[{\"op\":\"replace\",\"path\":\"emails[type eq work].value\","
            + "\"value\":\"new@example.com\"}]";

    private static ScimClient service(boolean lenient) {
        return ScimClient.of(new InMemoryUserRepository(), new InMemoryGroupRepository(),
                ScimServiceConfig.builder().lenientFilters(lenient).build());
    }

    private static String user(ScimClient scim) {
        return scim.post("/Users", "{\"schemas\":[\"" + ScimClient.USER + "\"],\"userName\":\"paths@example.com\","
                + "\"emails\":[{\"value\":\"old@example.com\",\"type\":\"work\"}]}").id();
    }

    @Test
    void theLenientServiceReadsAnUnquotedValueInAPathFilter() {
        ScimClient scim = service(true);
        ScimClient.Reply patched = scim.patch("/Users/" + user(scim), UNQUOTED);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("emails").get(0).path("value").asText()).isEqualTo("new@example.com");
    }

    @Test
    void theStrictServiceRefusesItAsInvalidPathWithAPosition() {
        ScimClient scim = service(false);
        ScimClient.Reply patched = scim.patch("/Users/" + user(scim), UNQUOTED);
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("scimType").asText()).isEqualTo("invalidPath");
        assertThat(patched.json().path("detail").asText()).contains("must be quoted");
    }
}
