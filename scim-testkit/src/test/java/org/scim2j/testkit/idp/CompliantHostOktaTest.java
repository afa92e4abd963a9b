package org.scim2j.testkit.idp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimService;

/** The Okta suite passes against scim2j's own service over in-memory repositories, with nothing declared. */
class CompliantHostOktaTest extends OktaContract {

    private static InProcessHost host;

    @BeforeAll
    static void start() throws Exception {
        host = new InProcessHost(ScimService.builder().users(new InMemoryUserRepository())
                .groups(new InMemoryGroupRepository()).build(), (request, response) -> response);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Override
    protected ScimTarget target() {
        return host.target();
    }
}
