package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.VersionConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The contract of {@link GroupRepository} as JUnit 5 tests: extend it and return a repository over a fresh, empty
 * store from {@link #newRepository()}. If the store only accepts members that exist (a foreign key to its users),
 * override {@link #newMembers(int)} to create them.
 *
 * <pre>{@code
 *   class JdbcGroupRepositoryTest extends GroupRepositoryContract {
 *       private Database db;
 *
 *       @Override
 *       protected GroupRepository newRepository() {
 *           db = freshDatabase();
 *           return new JdbcGroupRepository(db);
 *       }
 *
 *       @Override
 *       protected List<Member> newMembers(int count) {
 *           JdbcUserRepository users = new JdbcUserRepository(db);
 *           return IntStream.range(0, count)
 *                   .mapToObj(i -> users.create(User.builder().userName("member" + UUID.randomUUID()).build(),
 *                           RequestContext.system()))
 *                   .map(u -> new Member(u.id(), null, null, "User"))
 *                   .toList();
 *       }
 *   }
 * }</pre>
 *
 * <p>Besides the rules every repository shares ({@link ResourceRepositoryContract}), it checks that members are
 * stored, replaced and returned (compared by {@code value}: a store may fill {@code display} and {@code $ref});
 * {@link GroupRepository#getWithoutMembers}; the supported filters; sorting by {@code displayName}; and, when
 * {@link GroupRepository#supportsMembershipChanges()}, the native {@link GroupRepository#update} with a
 * {@link MembershipChange}.
 *
 * <p>Why it is long (over 400 lines): one test per clause of the contract, each small and named for it.
 */
public abstract class GroupRepositoryContract extends ResourceRepositoryContract<Group, GroupRepository> {

    /** Whether the members of this test came from the default {@link #newMembers(int)}: random ids. */
    private boolean randomMembers;

    /** For subclasses. */
    protected GroupRepositoryContract() {
    }

    /**
     * {@code count} members that may be added to groups of the repository under test, each with a distinct
     * {@code value}. Called after {@link #newRepository()}, in the same test. Default: {@code User} members with
     * random ids, for stores that do not check that a member exists.
     */
    protected List<Member> newMembers(int count) {
        randomMembers = true;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Member(UUID.randomUUID().toString(), null, null, "User"));
        }
        return members;
    }

    @Override
    Group sample(int index) {
        return Group.builder()
                .displayName(String.format(Locale.ROOT, "Group %02d", index))
                .externalId(String.format(Locale.ROOT, "ext-group-%02d", index))
                .build();
    }

    @Override
    Group changed(Group stored) {
        String name = stored.displayName().endsWith(" renamed")
                ? stored.displayName().substring(0, stored.displayName().length() - " renamed".length())
                : stored.displayName() + " renamed";
        return stored.toBuilder().displayName(name).externalId("ext-" + name).build();
    }

    @Override
    String idOf(Group resource) {
        return resource.id();
    }

    @Override
    Meta metaOf(Group resource) {
        return resource.meta();
    }

    @Override
    ResourceType resourceType() {
        return Schemas.GROUP_RESOURCE_TYPE;
    }

    @Override
    Set<String> derivedAttributes() {
        // Compared by value on their own: a store may fill display and $ref.
        return Set.of("members");
    }

    /** {@link #newMembers(int)}, once the repository under test exists. */
    private List<Member> members(int count) {
        repository();
        List<Member> members = newMembers(count);
        assertThat(members).extracting(Member::value).doesNotHaveDuplicates().hasSize(count);
        return members;
    }

    private static List<String> values(List<Member> members) {
        return members.stream().map(Member::value).toList();
    }

    private static List<String> values(Group group) {
        return values(group.members());
    }

    private Group createWith(String displayName, List<Member> members) {
        return createWithMembers(Group.builder().displayName(displayName).externalId("ext-" + displayName)
                .members(members).build());
    }

    /**
     * Creates a group; if that fails while the members are the default random ids, says which hook to override
     * (a store with a foreign key from memberships to its users refuses them).
     */
    private Group createWithMembers(Group group) {
        try {
            return create(group);
        } catch (RuntimeException e) {
            if (randomMembers && !group.members().isEmpty()) {
                throw new AssertionError("creating a group with members failed: " + e + ". The members came from "
                        + "the default newMembers(int), which makes up random user ids; if the store only accepts "
                        + "members that exist (a foreign key to its users), override newMembers(int) to create "
                        + "them in the store under test", e);
            }
            throw e;
        }
    }

    @Test
    void membersAreStoredAndReturned() {
        List<Member> members = members(3);
        Group created = createWith("Tour Guides", members);
        assertThat(values(created)).containsExactlyInAnyOrderElementsOf(values(members));
        Group read = get(created.id());
        assertThat(values(read)).containsExactlyInAnyOrderElementsOf(values(members));
        assertThat(read.displayName()).isEqualTo("Tour Guides");
    }

    @Test
    void replaceReplacesTheMemberList() {
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        Group replaced = repository().replace(created.id(), created.toBuilder().members(m.subList(1, 3)).build(),
                created.meta().version(), context());
        assertThat(replaced.meta().version()).isNotEqualTo(created.meta().version());
        assertThat(values(get(created.id()))).containsExactlyInAnyOrder(m.get(1).value(), m.get(2).value());
        repository().replace(created.id(), created.toBuilder().members(List.of()).build(), null, context());
        assertThat(get(created.id()).members()).isEmpty();
    }

    @Test
    void getWithoutMembersReturnsTheGroupWithNoMembers() {
        Group created = createWith("Tour Guides", members(2));
        Group light = repository().getWithoutMembers(created.id(), context()).orElseThrow();
        assertThat(light.id()).isEqualTo(created.id());
        assertThat(light.displayName()).isEqualTo("Tour Guides");
        assertThat(light.members()).isEmpty();
        Comparisons.assertSameMeta(light.meta(), created.meta());
        assertThat(repository().getWithoutMembers("no-such-id-" + created.id(), context())).isEmpty();
    }

    // --- native membership changes -----------------------------------------------------------------------

    private static final String NO_NATIVE_UPDATE = "not run: supportsMembershipChanges() is false (the service "
            + "applies group PATCH with get and replace instead of update)";

    private Group update(Group group, Group attributes, MembershipChange change) {
        Group updated = repository().update(group.id(), attributes, change, group.meta().version(), context());
        Comparisons.assertStoredMeta(updated.meta());
        assertThat(updated.meta().version()).as("version after update").isNotEqualTo(group.meta().version());
        assertThat(get(group.id()).meta().version()).isEqualTo(updated.meta().version());
        return updated;
    }

    @Test
    void updateRemovesThenAddsMembersAndKeepsTheOtherAttributes() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        update(created, null, new MembershipChange(false, Set.of(m.get(0).value()), List.of(m.get(2))));
        Group read = get(created.id());
        assertThat(values(read)).containsExactlyInAnyOrder(m.get(1).value(), m.get(2).value());
        assertThat(read.displayName()).isEqualTo("Tour Guides");
        assertThat(read.externalId()).isEqualTo("ext-Tour Guides");
    }

    @Test
    void updateWithRemoveAllEmptiesTheListBeforeAdding() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        Group updated = update(created, null, new MembershipChange(true, Set.of(m.get(2).value()), List.of(m.get(2))));
        assertThat(values(get(created.id()))).as("removed, then added again").containsExactly(m.get(2).value());
        update(updated, null, new MembershipChange(true, Set.of(), List.of()));
        assertThat(get(created.id()).members()).isEmpty();
    }

    @Test
    void addingAMemberTwiceOrRemovingAnAbsentOneChangesNoMembership() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        repository().update(created.id(), null, new MembershipChange(false, Set.of(m.get(2).value()),
                List.of(m.get(0), m.get(0))), null, context());
        assertThat(values(get(created.id()))).containsExactlyInAnyOrder(m.get(0).value(), m.get(1).value());
    }

    /**
     * Identity providers re-send memberships; a delta that changes no membership is no change, so the version and
     * {@code lastModified} stay and the group's ETag still matches (issue 13, finding 2).
     */
    @Test
    void aDeltaThatChangesNoMembershipKeepsTheVersion() {
        assumeTrue(repository().supportsMembershipChanges(), "no native membership changes");
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        Group after = repository().update(created.id(), null, new MembershipChange(false,
                Set.of(m.get(2).value()), List.of(m.get(0))), null, context());
        assertThat(after.meta().version()).isEqualTo(created.meta().version());
        Group read = get(created.id());
        assertThat(read.meta().version()).isEqualTo(created.meta().version());
        Comparisons.assertSameMeta(read.meta(), created.meta());
        Group changed = repository().update(created.id(), null, new MembershipChange(false, Set.of(),
                List.of(m.get(2))), null, context());
        assertThat(changed.meta().version()).as("a real change").isNotEqualTo(created.meta().version());
    }

    @Test
    void updateWithAttributesReplacesThemAndIgnoresTheirMembers() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        List<Member> m = members(3);
        Group created = createWith("Tour Guides", m.subList(0, 2));
        Group attributes = Group.builder().displayName("Guides").externalId("ext-guides")
                .members(List.of(m.get(2))).build();
        update(created, attributes, MembershipChange.none());
        Group read = get(created.id());
        assertThat(read.displayName()).isEqualTo("Guides");
        assertThat(read.externalId()).isEqualTo("ext-guides");
        assertThat(values(read)).containsExactlyInAnyOrder(m.get(0).value(), m.get(1).value());
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        List<Member> m = members(2);
        Group created = createWith("Tour Guides", m.subList(0, 1));
        Group updated = update(created, null, new MembershipChange(false, Set.of(), List.of(m.get(1))));
        assertThatThrownBy(() -> repository().update(created.id(), null, new MembershipChange(true, Set.of(),
                List.of()), created.meta().version(), context())).isInstanceOf(VersionConflictException.class);
        Group read = get(created.id());
        assertThat(values(read)).containsExactlyInAnyOrder(m.get(0).value(), m.get(1).value());
        assertThat(read.meta().version()).isEqualTo(updated.meta().version());
    }

    @Test
    void updateOfAnUnknownIdIsNotFound() {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        assertStatus(thrown("404 for update of an unknown id",
                () -> repository().update("no-such-id", null, MembershipChange.none(), null, context())), 404);
    }

    @Test
    void withoutNativeMembershipChangesUpdateIsNotImplemented() {
        assumeFalse(repository().supportsMembershipChanges(),
                "not run: supportsMembershipChanges() is true, so update(...) is tested by the update* cases");
        Group created = createWith("Tour Guides", List.of());
        assertStatus(thrown("501 from update(...) while supportsMembershipChanges() is false (the default "
                + "method throws ScimException.notImplemented)",
                () -> repository().update(created.id(), null, MembershipChange.none(), null, context())), 501);
    }

    // --- atomic modify --------------------------------------------------------------------------------------

    /**
     * RFC 7644 §3.14 without a precondition: concurrent changes of one group through {@code modify} (each adds a
     * member to the whole list, as Okta's App Integration Wizard PUTs groups) all apply, one after the other.
     */
    @Test
    void concurrentModifiesOfOneGroupAllApplyOneAfterTheOther() throws InterruptedException {
        assumeTrue(repository().supportsAtomicModify(), NO_ATOMIC_MODIFY);
        List<Member> m = members(StartGate.THREADS);
        Group created = createWith("Racing", List.of());
        GroupRepository repository = repository();
        List<Callable<Group>> tasks = new ArrayList<>();
        for (Member member : m) {
            tasks.add(() -> repository.modify(created.id(), current -> {
                List<Member> members = new ArrayList<>(current.members());
                members.add(member);
                return current.toBuilder().members(members).build();
            }, context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent modify calls of one group: every one applies, one after the "
                + "other (hold the group's lock for the whole read-change-write, e.g. SELECT ... FOR UPDATE)";
        assertThat(outcomes).as(race).noneMatch(o -> o instanceof Throwable);
        assertThat(values(get(created.id()))).as(race).containsExactlyInAnyOrderElementsOf(values(m));
    }

    /**
     * Okta pushes a group's name with every membership change: concurrent renames, each with a membership delta,
     * through the atomic {@code modify} with a delta, all apply; no member is lost.
     */
    @Test
    void concurrentRenamesWithMemberDeltasAllApply() throws InterruptedException {
        assumeTrue(repository().supportsMembershipChanges(), NO_NATIVE_UPDATE);
        assumeTrue(repository().supportsAtomicModify(), NO_ATOMIC_MODIFY);
        List<Member> m = members(StartGate.THREADS);
        Group created = createWith("Renamed", List.of());
        GroupRepository repository = repository();
        List<Callable<Group>> tasks = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            String name = "Renamed " + i;
            Member member = m.get(i);
            tasks.add(() -> repository.modify(created.id(),
                    current -> current.toBuilder().displayName(name).build(),
                    new MembershipChange(false, Set.of(), List.of(member)), context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent renames with a member add each";
        assertThat(outcomes).as(race).noneMatch(o -> o instanceof Throwable);
        Group stored = get(created.id());
        assertThat(values(stored)).as(race).containsExactlyInAnyOrderElementsOf(values(m));
        assertThat(stored.displayName()).as(race).startsWith("Renamed ");
        Group unchanged = repository.modify(created.id(), current -> current, MembershipChange.none(), context());
        assertThat(unchanged.meta().version()).as("a modify that changes nothing keeps the version")
                .isEqualTo(stored.meta().version());
    }

    // --- search -------------------------------------------------------------------------------------------

    static Stream<Arguments> filters() {
        return Stream.of(
                filter(Filter.eq("displayName", "Tour Guides"), "displayName", "Tour Guides"),
                filter(Filter.eq("displayName", "tour guides"), "displayName", "Tour Guides"),
                filter(Filter.eq("externalId", "ext-ops"), "externalId", "Tour Operators"),
                filter(Filter.eq("externalId", "EXT-OPS"), "externalId"),
                filter(Filter.sw("displayName", "tour"), "displayName", "Tour Guides", "Tour Operators"),
                filter(Filter.co("displayName", "OP"), "displayName", "Tour Operators"),
                filter(Filter.not(Filter.sw("displayName", "Tour")), "displayName", "Admins"),
                filter(Filter.pr("externalId"), "externalId", "Tour Guides", "Tour Operators"),
                filter(Filter.or(Filter.eq("displayName", "Admins"), Filter.eq("externalId", "ext-ops")),
                        "displayName,externalId", "Admins", "Tour Operators"),
                filter(Filter.and(Filter.sw("displayName", "Tour"), Filter.eq("externalId", "ext-ops")),
                        "displayName,externalId", "Tour Operators"),
                // FilterSupport.equalityOn("displayName") claims an 'and' of displayName comparisons too.
                filter(Filter.and(Filter.eq("displayName", "Admins"), Filter.eq("displayName", "admins")),
                        "displayName", "Admins"),
                filter(Filter.and(Filter.eq("displayName", "Admins"), Filter.eq("displayName", "Tour Guides")),
                        "displayName"));
    }

    /** A case named by its filter and what it finds, e.g. {@code displayName sw "tour" finds [Tour Guides, ...]}. */
    private static Arguments filter(Filter filter, String attributes, String... displayNames) {
        return Arguments.of(Named.of(filter + " finds " + List.of(displayNames), filter),
                List.of(attributes.split(",")), List.of(displayNames));
    }

    private List<Member> createFilterFixtures() {
        List<Member> m = members(2);
        createWithMembers(Group.builder().displayName("Tour Guides").externalId("ext-tour").members(m.subList(0, 1))
                .build());
        create(Group.builder().displayName("Tour Operators").externalId("ext-ops").build());
        createWithMembers(Group.builder().displayName("Admins").members(m).build());
        return m;
    }

    private void assertFound(Filter filter, List<String> displayNames) {
        Page<Group> page = search(page(1, 10).withFilter(filter));
        String claimed = "search with " + filter + ", which capabilities().filtering() claims: declare only the "
                + "filters search evaluates exactly, and list attributes the store does not keep in "
                + "unsupportedAttributes()";
        assertThat(page.resources()).as(claimed).extracting(Group::displayName)
                .containsExactlyInAnyOrderElementsOf(displayNames);
        assertThat(page.totalResults()).as("totalResults of " + claimed).isEqualTo(displayNames.size());
    }

    @ParameterizedTest(name = "search: {0}")
    @MethodSource("org.scim2j.testkit.GroupRepositoryContract#filters")
    void searchHonoursEverySupportedFilter(Filter filter, List<String> attributes, List<String> expected) {
        assumeTrue(repository().capabilities().filtering().supports(filter), () -> "not run: capabilities()"
                + ".filtering() does not claim " + filter + " (the service evaluates or rejects it instead)");
        List<String> unkept = attributes.stream().filter(a -> !stores(a)).toList();
        assumeTrue(unkept.isEmpty(), () -> "not run: " + filter + " reads " + unkept
                + ", which unsupportedAttributes() says the store does not keep");
        createFilterFixtures();
        assertFound(filter, expected);
    }

    @Test
    void searchByMemberValue() {
        Filter probe = Filter.valuePath("members", Filter.eq("value", "x"));
        assumeTrue(repository().capabilities().filtering().supports(probe),
                "not run: capabilities().filtering() does not claim members[value eq \"...\"]");
        List<Member> m = createFilterFixtures();
        assertFound(Filter.valuePath("members", Filter.eq("value", m.get(0).value())),
                List.of("Tour Guides", "Admins"));
        assertFound(Filter.valuePath("members", Filter.eq("value", m.get(1).value())), List.of("Admins"));
    }

    @Test
    void sortByDisplayNameIgnoresCaseAscendingAndDescending() {
        assumeTrue(repository().capabilities().sorting().supports(AttributePath.of("displayName")),
                "not run: capabilities().sorting() does not sort by displayName (the service sorts in memory or "
                        + "rejects sortBy instead)");
        for (String name : List.of("gamma", "alpha", "Beta", "delta")) {
            createWith(name, List.of());
        }
        String sorting = "sortBy displayName, which capabilities().sorting() claims";
        assertThat(search(sortedBy(SortOrder.ASCENDING)).resources()).as(sorting).extracting(Group::displayName)
                .containsExactly("alpha", "Beta", "delta", "gamma");
        assertThat(search(sortedBy(SortOrder.DESCENDING)).resources()).as(sorting).extracting(Group::displayName)
                .containsExactly("gamma", "delta", "Beta", "alpha");
    }

    private static SearchRequest sortedBy(SortOrder order) {
        return new SearchRequest(null, AttributePath.of("displayName"), order, 1, 10, null,
                AttributeSelection.all());
    }
}
