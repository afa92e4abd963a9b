package org.scim2j.examples.embedding;

import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.User;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.RequestContext;
import org.scim2j.testkit.GroupRepositoryContract;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

// Every test and assertion is inherited from GroupRepositoryContract; this class only supplies the store.
// tag::kit[]
/** The compliance kit over the teams tables, whose members must be accounts of the same database. */
class TeamGroupRepositoryTest extends GroupRepositoryContract {

    private DataSource database;

    @Override
    protected GroupRepository newRepository() {
        database = FreshDatabase.create();
        return new TeamGroupRepository(database);
    }

    @Override
    protected List<Member> newMembers(int count) {
        // A foreign key accepts only existing accounts: create them in the store under test.
        AccountUserRepository users = new AccountUserRepository(database);
        return IntStream.range(0, count)
                .mapToObj(i -> users.create(User.builder().userName("member-" + UUID.randomUUID()).build(),
                        RequestContext.system()))
                .map(user -> new Member(user.id(), null, null, "User"))
                .toList();
    }
}
// end::kit[]
