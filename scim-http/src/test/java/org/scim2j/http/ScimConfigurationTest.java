package org.scim2j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.patch.Tolerance;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.Map;

class ScimConfigurationTest {

    @Test
    void documentedKeysConfigureTheServiceAndTheServlet() {
        ScimConfiguration p = ScimConfiguration.of(Map.of("scim.enabled", "false", "scim.maxResults", "200",
                "scim.defaultCount", "50", "scim.filter.unsupported", "reject", "scim.patch.profile", "okta",
                "scim.patch.tolerance.EMPTY_OPERATIONS", "true", "scim.patch.noContent", "Group",
                "scim.bulk.maxOperations", "10", "scim.maxPayloadBytes", "2048", "scim.baseUrl",
                "https://sq.example.com/api/scim/v2/"));
        ScimHttpSettings settings = p.httpSettings();
        assertThat(settings.enabled().getAsBoolean()).isFalse();
        assertThat(settings.maxPayloadBytes()).isEqualTo(2048);
        assertThat(settings.baseUrl()).isEqualTo("https://sq.example.com/api/scim/v2");
        ScimServiceConfig config = p.serviceConfig();
        assertThat(config.maxResults()).isEqualTo(200);
        assertThat(config.defaultCount()).isEqualTo(50);
        assertThat(config.unsupportedFilters()).isEqualTo(ScimServiceConfig.UnsupportedFilters.REJECT);
        assertThat(config.patchOptions().allows(Tolerance.ECHOED_ID)).isTrue();
        assertThat(config.patchOptions().allows(Tolerance.EMPTY_OPERATIONS)).isTrue();
        assertThat(config.patchOptions().allows(Tolerance.UPSERT_FILTERED_SUB_ATTRIBUTE)).isFalse();
        assertThat(config.noContentOnPatch("group")).isTrue();
        assertThat(config.bulkMaxOperations()).isEqualTo(10);
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        ScimConfiguration p = ScimConfiguration.of(Map.of());
        assertThat(p.httpSettings().enabled().getAsBoolean()).isTrue();
        ScimServiceConfig config = p.serviceConfig();
        ScimServiceConfig defaults = ScimServiceConfig.defaults();
        assertThat(config.maxResults()).isEqualTo(defaults.maxResults());
        assertThat(config.defaultCount()).isEqualTo(defaults.defaultCount());
        assertThat(config.unsupportedFilters()).isEqualTo(defaults.unsupportedFilters());
        assertThat(config.patchOptions().tolerances()).isEqualTo(defaults.patchOptions().tolerances());
        assertThat(config.bulkMaxOperations()).isEqualTo(defaults.bulkMaxOperations());
    }

    @Test
    void malformedValuesFailFastNamingTheKey() {
        assertThatThrownBy(() -> ScimConfiguration.of(Map.of("scim.maxResults", "lots")).serviceConfig())
                .hasMessageContaining("scim.maxResults");
        assertThatThrownBy(() -> ScimConfiguration.of(Map.of("scim.enabled", "yes")).httpSettings())
                .hasMessageContaining("scim.enabled");
        assertThatThrownBy(() -> ScimConfiguration.of(Map.of("scim.patch.profile", "azure")).patchOptions())
                .hasMessageContaining("scim.patch.profile");
    }

    /** Issue 13, findings 4 and 5: the PATCH limits and the cursor secret are host settings too. */
    @Test
    void patchLimitsAndTheCursorSecretAreKeys() {
        String secret = "a-shared-secret-of-more-than-32-characters";
        ScimConfiguration p = ScimConfiguration.of(Map.of("scim.patch.maxOperations", "50",
                "scim.patch.maxValuesPerAttribute", "2000", "scim.cursor.secret", secret,
                "scim.patch.profile", "entra"));

        ScimServiceConfig config = p.serviceConfig();

        assertThat(config.patchOptions().maxOperations()).isEqualTo(50);
        assertThat(config.patchOptions().maxValuesPerAttribute()).isEqualTo(2000);
        assertThat(config.patchOptions().allows(Tolerance.BOOLEAN_STRINGS)).as("the profile is kept").isTrue();
        assertThat(config.cursorSecret()).isEqualTo(secret);
        assertThat(config.toString()).doesNotContain(secret);
        assertThat(ScimConfiguration.of(Map.of()).serviceConfig().cursorSecret()).isNull();
        assertThatThrownBy(() -> ScimConfiguration.of(Map.of("scim.cursor.secret", "short")).serviceConfig())
                .hasMessageContaining("scim.cursor.secret").hasMessageContaining("32");
        assertThatThrownBy(() -> ScimConfiguration.of(Map.of("scim.patch.maxOperations", "0")).serviceConfig())
                .hasMessageContaining("scim.patch.maxOperations");
    }

    /**
     * One setting, one limit: the servlet reads at most {@code scim.maxPayloadBytes} and the service parses as
     * much (its JSON reader had its own 1 MiB, so a larger servlet limit still ended in 413).
     */
    @Test
    void maxPayloadBytesIsTheBodyLimitOfTheServletAndOfTheServicesJsonReader() {
        ScimConfiguration p = ScimConfiguration.of(Map.of("scim.maxPayloadBytes", "8388608"));

        assertThat(p.httpSettings().maxPayloadBytes()).isEqualTo(8_388_608);
        assertThat(p.serviceConfig().json().maxDocumentBytes()).isEqualTo(8_388_608);
        assertThat(ScimConfiguration.of(Map.of()).serviceConfig().json().maxDocumentBytes())
                .isEqualTo(ScimHttpSettings.DEFAULT_MAX_PAYLOAD_BYTES);
    }
}
