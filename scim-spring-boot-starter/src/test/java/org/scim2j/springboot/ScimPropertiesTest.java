package org.scim2j.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.patch.Tolerance;
import org.scim2j.http.ScimConfiguration;
import org.scim2j.spi.service.ScimServiceConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

/** Spring's binding of the scim.* properties gives ScimConfiguration the keys it documents. */
class ScimPropertiesTest {

    private static ScimConfiguration bind(Map<String, String> properties) {
        ScimProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("scim", ScimProperties.class);
        return ScimAutoConfiguration.configuration(bound);
    }

    @Test
    void unsetPropertiesKeepScimConfigurationsDefaults() {
        ScimServiceConfig bound = bind(Map.of()).serviceConfig();
        ScimServiceConfig defaults = ScimConfiguration.of(Map.of()).serviceConfig();

        assertThat(bind(Map.of()).keys()).isEmpty();
        assertThat(bound.toBuilder().json(defaults.json()).build()).isEqualTo(defaults);
        assertThat(bind(Map.of()).httpSettings().maxPayloadBytes())
                .isEqualTo(ScimConfiguration.of(Map.of()).httpSettings().maxPayloadBytes());
    }

    @Test
    void kebabAndCamelCaseNamesBindToTheDocumentedKeys() {
        ScimConfiguration config = bind(Map.of(
                "scim.base-url", "https://sonar.example.com/api/scim/v2/",
                "scim.maxResults", "500",
                "scim.filter.unsupported", "reject",
                "scim.patch.profile", "okta",
                "scim.patch.no-content", "Group,User",
                "scim.patch.tolerance.empty-operations", "false",
                "scim.patch.tolerance[CASE_INSENSITIVE_OPS]", "false"));

        assertThat(config.httpSettings().baseUrl()).isEqualTo("https://sonar.example.com/api/scim/v2");
        assertThat(config.serviceConfig().maxResults()).isEqualTo(500);
        assertThat(config.serviceConfig().unsupportedFilters()).isEqualTo(ScimServiceConfig.UnsupportedFilters.REJECT);
        assertThat(config.serviceConfig().noContentOnPatch("Group")).isTrue();
        assertThat(config.serviceConfig().noContentOnPatch("User")).isTrue();
        assertThat(config.patchOptions().allows(Tolerance.EMPTY_OPERATIONS)).isFalse();
        assertThat(config.patchOptions().allows(Tolerance.CASE_INSENSITIVE_OPS)).isFalse();
    }

    @Test
    void anUnknownToleranceIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("scim.patch.tolerance.be-nice", "true")))
                .hasMessageContaining("scim.patch.tolerance.be").hasMessageContaining("EMPTY_OPERATIONS");
    }
}
