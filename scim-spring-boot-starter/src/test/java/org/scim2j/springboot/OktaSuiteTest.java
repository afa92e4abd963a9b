package org.scim2j.springboot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scim2j.springboot.app.ProvisionedApplication;
import org.scim2j.testkit.idp.OktaContract;
import org.scim2j.testkit.idp.ScimTarget;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * scim-testkit's Okta suite against the README's Spring Boot application (the starter, two beans, three
 * properties) on its embedded server over HTTP, with the token as Basic user name and an empty password (Okta's
 * Basic Auth, as SonarQube's set-up uses it), declaring nothing.
 */
class OktaSuiteTest extends OktaContract {

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
        return ScimTarget.basic(http.root() + "/scim/v2", HttpClientForTests.TOKEN, "");
    }
}
