package org.scim2j.testkit;

import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

// Every test and assertion is inherited from UserRepositoryContract; this class only supplies the setup.
/** The in-memory user repository keeps every attribute, evaluates every filter and sorts. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return new InMemoryUserRepository();
    }
}
