package org.scim2j.testkit;

import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;

// Every test and assertion is inherited from GroupRepositoryContract; this class only supplies the setup.
/** The in-memory group repository, with native membership changes and members that need not exist. */
class InMemoryGroupRepositoryTest extends GroupRepositoryContract {

    @Override
    protected GroupRepository newRepository() {
        return new InMemoryGroupRepository();
    }
}
