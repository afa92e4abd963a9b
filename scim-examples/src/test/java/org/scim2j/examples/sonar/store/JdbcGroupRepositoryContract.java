package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.AfterEach;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.User;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.RequestContext;
import org.scim2j.testkit.GroupRepositoryContract;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The scim-testkit group contract for {@link JdbcGroupRepository}, on the database {@link #newStore()} gives.
 * Members must be SCIM users of the same store, so {@link #newMembers} creates them.
 */
abstract class JdbcGroupRepositoryContract extends GroupRepositoryContract {

    private final List<TestStore> stores = new ArrayList<>();
    private TestStore store;

    abstract TestStore newStore();

    @Override
    protected GroupRepository newRepository() {
        store = newStore();
        stores.add(store);
        return new JdbcGroupRepository(store.database);
    }

    @Override
    protected List<Member> newMembers(int count) {
        JdbcUserRepository users = new JdbcUserRepository(store.database);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = users.create(User.builder().userName("member-" + UUID.randomUUID()).build(),
                    RequestContext.system());
            members.add(new Member(user.id(), null, null, "User"));
        }
        return members;
    }

    @AfterEach
    void closeStores() throws SQLException {
        for (TestStore s : stores) {
            s.close();
        }
        stores.clear();
    }
}
