package org.scim2j.spi.memory;

import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.testkit.GroupRepositoryContract;

/** The in-memory group repository, with native membership changes and members that need not exist. */
class InMemoryGroupRepositoryTest extends GroupRepositoryContract {

    @Override
    protected GroupRepository newRepository() {
        return new InMemoryGroupRepository();
    }
}
