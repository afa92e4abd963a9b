package org.scim2j.springboot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scim2j.springboot.app.ProvisionedApplication;
import org.scim2j.testkit.idp.EntraContract;
import org.scim2j.testkit.idp.ScimTarget;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * scim-testkit's Entra suite against the README's Spring Boot application (the starter, two beans, three
 * properties) on its embedded server over HTTP, with the token as Bearer (Entra ID's Secret Token), declaring nothing.
 */
class EntraSuiteTest extends EntraContract {

    private static ConfigurableApplicationContext context;
    private static HttpClientForTests http;

    @BeforeAll
    static void start() {
        context = HttpClientForTests.start(ProvisionedApplication.class);
        http = HttpClientForTests.of(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    protected ScimTarget target() {
        return ScimTarget.bearer(http.root() + "/scim/v2", HttpClientForTests.TOKEN);
    }
}
