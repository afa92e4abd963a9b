package org.scim2j.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.spi.service.ScimService;
import org.scim2j.springboot.app.ProvisionedApplication;
import org.scim2j.springboot.bare.BareApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** When the starter serves SCIM, and how it refuses to start without a token. */
class AutoConfigurationConditionsTest {

    @Test
    void withoutRepositoryBeansNothingIsRegistered() {
        try (ConfigurableApplicationContext context = HttpClientForTests.start(BareApplication.class)) {
            assertThat(context.getBeanNamesForType(ScimService.class)).isEmpty();
            assertThat(context.containsBean("scimServletRegistration")).isFalse();
            assertThat(context.containsBean(ScimAutoConfiguration.SECURITY_FILTER_CHAIN)).isFalse();
        }
    }

    @Test
    void withoutATokenHashNorAnAuthenticatorTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> HttpClientForTests.start(ProvisionedApplication.class, "--scim.token.sha256="))
                .rootCause().hasMessageContaining("scim.token.sha256").hasMessageContaining("Authenticator");
    }

    @Test
    void aMalformedValueFailsTheStartNamingItsKey() {
        assertThatThrownBy(() -> HttpClientForTests.start(ProvisionedApplication.class,
                "--scim.patch.profile=sloppy"))
                .rootCause().hasMessageContaining("scim.patch.profile");
        assertThatThrownBy(() -> HttpClientForTests.start(ProvisionedApplication.class, "--scim.path=scim"))
                .rootCause().hasMessageContaining("scim.path");
    }
}
