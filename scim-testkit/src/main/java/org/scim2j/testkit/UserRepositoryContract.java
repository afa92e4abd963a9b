package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.X509Certificate;
import org.scim2j.core.resource.Role;
import org.scim2j.core.resource.Photo;
import org.scim2j.core.resource.Im;
import org.scim2j.core.resource.Entitlement;
import org.scim2j.core.resource.Address;
import org.scim2j.core.resource.EnterpriseUser;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.PhoneNumber;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.spi.Page;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The contract of {@link UserRepository} as JUnit 5 tests: extend it, return a repository over a fresh, empty
 * store from {@link #newRepository()}, and run it with the host's other tests.
 *
 * <pre>{@code
 *   class JdbcUserRepositoryTest extends UserRepositoryContract {
 *       @Override
 *       protected UserRepository newRepository() {
 *           return new JdbcUserRepository(freshDatabase());
 *       }
 *
 *       // A SonarQube-like store keeps only userName, name, the primary email, active and externalId.
 *       @Override
 *       protected Set<String> unsupportedAttributes() {
 *           return Set.of("displayName", "nickName", "title", "userType", "preferredLanguage", "locale",
 *                   "timezone", "phoneNumbers", "emails.type", "name.middleName",
 *                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
 *       }
 *
 *       // Its delete deactivates the account and unlinks the SCIM id.
 *       @Override
 *       protected boolean deleteDeactivates() {
 *           return true;
 *       }
 *   }
 * }</pre>
 *
 * <p>Besides the rules every repository shares ({@link ResourceRepositoryContract}), it checks that
 * {@code userName} is unique ignoring case on create and replace, also when several threads create the same
 * {@code userName} at once; every filter the repository's {@code capabilities().filtering()} claims to support
 * (the others are skipped); and sorting by {@code userName} when {@code capabilities().sorting()}.
 *
 * <p>Why it is long (over 500 lines): one test per clause of the contract, each small and named for it; a host
 * reads the clauses in one place, which splitting would lose.
 */
public abstract class UserRepositoryContract extends ResourceRepositoryContract<User, UserRepository> {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** For subclasses. */
    protected UserRepositoryContract() {
    }

    /**
     * Whether {@code delete} deactivates the user instead of removing it (RFC 7644 §3.6 leaves this to the
     * service provider). Either way the id must then be gone: empty from {@code get}, 404 from {@code replace}
     * and {@code delete}, absent from searches. When true, creating a user with the deleted {@code userName} may
     * be refused with a {@link UniquenessException}, which RFC 7644 §3.6 discourages ("SHOULD NOT fail with a
     * 409"); when false (the default) it must succeed.
     */
    protected boolean deleteDeactivates() {
        return false;
    }

    /**
     * Called after a user was deleted when {@link #deleteDeactivates()}: check in the host's own store that the
     * account is deactivated, not removed. Default: nothing more to check.
     *
     * @param deleted the user as it was before the delete
     */
    protected void assertDeactivated(User deleted) {
        // Only the host can see its deactivated accounts.
    }

    @Override
    User sample(int index) {
        String userName = String.format(Locale.ROOT, "user%02d", index);
        return User.builder()
                .userName(userName)
                .externalId("ext-" + userName)
                .name(new Name(null, "Jensen", "Barbara", "Jane", null, null))
                .displayName("Barbara Jensen " + index)
                .nickName("Babs")
                .title("Tour Guide")
                .userType("Employee")
                .preferredLanguage("en-US")
                .locale("en-US")
                .timezone("America/Los_Angeles")
                .active(true)
                .emails(List.of(new Email(userName + "@example.com", null, "work", true)))
                .phoneNumbers(List.of(new PhoneNumber("+1 555 0100", null, "work", true),
                        new PhoneNumber("+1 555 0101", null, "mobile", null)))
                .enterpriseUser(new EnterpriseUser("E" + index, null, null, null, "Tours", null))
                .build();
    }

    @Override
    User changed(User stored) {
        String userName = stored.userName().endsWith("-renamed")
                ? stored.userName().substring(0, stored.userName().length() - "-renamed".length())
                : stored.userName() + "-renamed";
        boolean active = !Boolean.TRUE.equals(stored.active());
        return stored.toBuilder()
                .userName(userName)
                .externalId("ext-" + userName)
                .name(new Name(null, "Jensen-" + userName, active ? "Barbara" : "Babs", null, null, null))
                .title(active ? "Tour Guide" : "Manager")
                .active(active)
                .emails(List.of(new Email(userName + "@example.org", null, "work", true)))
                .phoneNumbers(List.of())
                .build();
    }

    @Override
    String idOf(User resource) {
        return resource.id();
    }

    @Override
    Meta metaOf(User resource) {
        return resource.meta();
    }

    @Override
    ResourceType resourceType() {
        return Schemas.USER_RESOURCE_TYPE;
    }

    @Override
    Set<String> derivedAttributes() {
        // groups is read-only and derived from group membership (RFC 7643 §4.1.2); password is write-only.
        return Set.of("groups", "password");
    }

    private static final String UNIQUE = "UniquenessException (409 uniqueness): userName is unique ignoring case "
            + "(RFC 7643 §4.1.1)";

    private static void assertUniqueness(Throwable thrown) {
        assertThat(thrown).as(UNIQUE).isInstanceOf(UniquenessException.class);
        UniquenessException e = (UniquenessException) thrown;
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.scimType()).isEqualTo(ScimType.UNIQUENESS);
    }

    @Test
    void userNameIsUniqueIgnoringCaseOnCreate() {
        create(sample(1).toBuilder().userName("bjensen").build());
        assertUniqueness(thrown(UNIQUE, () -> create(sample(2).toBuilder().userName("bjensen").build())));
        assertUniqueness(thrown(UNIQUE, () -> create(sample(3).toBuilder().userName("BJensen").build())));
        assertThat(search(page(1, 10)).totalResults()).isEqualTo(1);
    }

    @Test
    void userNameIsUniqueIgnoringCaseOnReplace() {
        create(sample(1).toBuilder().userName("bjensen").build());
        User other = create(sample(2).toBuilder().userName("jsmith").build());
        assertUniqueness(thrown(UNIQUE, () -> repository().replace(other.id(),
                other.toBuilder().userName("BJENSEN").build(), null, context())));
        User read = get(other.id());
        assertThat(read.userName()).isEqualTo("jsmith");
        assertThat(read.meta().version()).isEqualTo(other.meta().version());
    }

    @Test
    void aRenamedUsersFormerUserNameIsFree() {
        User renamed = create(sample(1).toBuilder().userName("bjensen").build());
        repository().replace(renamed.id(), renamed.toBuilder().userName("barbara").build(), null, context());
        User created = create(sample(2).toBuilder().userName("BJENSEN").build());
        assertThat(created.id()).isNotEqualTo(renamed.id());
        assertUniqueness(thrown(UNIQUE, () -> create(sample(3).toBuilder().userName("Barbara").build())));
    }

    @Test
    void aUserMayChangeTheCaseOfItsOwnUserName() {
        User created = create(sample(1).toBuilder().userName("bjensen").build());
        User replaced = repository().replace(created.id(), created.toBuilder().userName("BJensen").build(),
                created.meta().version(), context());
        assertThat(replaced.userName()).isEqualTo("BJensen");
        assertThat(get(created.id()).userName()).isEqualTo("BJensen");
    }

    @Test
    void concurrentCreatesOfOneUserNameLetExactlyOneSucceed() throws InterruptedException {
        UserRepository repository = repository();
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            String userName = i % 2 == 0 ? "racer" : "RACER";
            User user = sample(i).toBuilder().userName(userName).build();
            tasks.add(() -> repository.create(user, context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent creates of userName racer / RACER: exactly one succeeds and "
                + "the others get UniquenessException. A check-then-insert store needs a unique index (e.g. on "
                + "LOWER(user_name)) or a lock, and turns the index violation into UniquenessException";
        assertThat(outcomes).as(race).filteredOn(o -> o instanceof User).hasSize(1);
        assertThat(outcomes).as(race).filteredOn(o -> !(o instanceof User)).hasSize(StartGate.THREADS - 1)
                .allSatisfy(o -> assertUniqueness((Throwable) o));
        assertThat(search(page(1, 100)).resources()).extracting(User::userName)
                .singleElement().matches(n -> n.equalsIgnoreCase("racer"));
    }

    @Test
    void afterDeleteTheIdStaysGoneAndTheUserNameIsFree() {
        User deleted = create(sample(1).toBuilder().userName("bjensen").build());
        repository().delete(deleted.id(), null, context());
        assertThat(repository().get(deleted.id(), context())).isEmpty();
        if (deleteDeactivates()) {
            assertDeactivated(deleted);
        }
        User recreated;
        try {
            recreated = create(sample(2).toBuilder().userName("BJensen").build());
        } catch (UniquenessException e) {
            assertThat(deleteDeactivates()).as("RFC 7644 §3.6: a deleted user SHOULD NOT cause a 409 (%s). If the "
                    + "repository's delete deactivates the account and keeps its userName taken, override "
                    + "deleteDeactivates() to return true (and assertDeactivated(User) to check the account)",
                    e.detail()).isTrue();
            assertUniqueness(e);
            return;
        }
        assertThat(recreated.id()).as("ids are never reassigned (RFC 7643 §3.1)").isNotEqualTo(deleted.id());
        assertThat(repository().get(deleted.id(), context())).as("the deleted id after the re-creation").isEmpty();
    }

    // --- lossless storage -----------------------------------------------------------------------------------

    /**
     * RFC 7643 §8.2's full User with every attribute of the schema and the Enterprise extension (§8.3); readOnly
     * {@code manager.displayName} and write-only {@code password} left out, as the service hands them to a
     * repository.
     */
    static User fullUser(String userName) {
        return User.builder()
                .userName(userName)
                .externalId("701984-" + userName)
                .name(new Name("Ms. Barbara J Jensen, III", "Jensen", "Barbara", "Jane", "Ms.", "III"))
                .displayName("Babs Jensen")
                .nickName("Babs")
                .profileUrl("https://login.example.com/" + userName)
                .title("Tour Guide")
                .userType("Employee")
                .preferredLanguage("en-US")
                .locale("en-US")
                .timezone("America/Los_Angeles")
                .active(true)
                .emails(List.of(new Email(userName + "@example.com", "Work mail", "work", true),
                        new Email(userName + "@jensen.org", null, "home", null)))
                .phoneNumbers(List.of(new PhoneNumber("555-555-5555", null, "work", null),
                        new PhoneNumber("555-555-4444", null, "mobile", null)))
                .ims(List.of(new Im("someaimhandle", null, "aim", null)))
                .photos(List.of(new Photo("https://photos.example.com/profilephoto/72930000000Ccne/F", null,
                        "photo", null)))
                .addresses(List.of(new Address("100 Universal City Plaza\nHollywood, CA 91608 USA",
                        "100 Universal City Plaza", "Hollywood", "CA", "91608", "USA", "work", true),
                        new Address(null, "456 Hollywood Blvd", "Hollywood", "CA", "91608", "USA", "home", null)))
                .entitlements(List.of(new Entitlement("Park Access", null, "access", true)))
                .roles(List.of(new Role("Guide", "Tour Guide", "job", null)))
                .x509Certificates(List.of(new X509Certificate("MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw",
                        null, null, null)))
                .enterpriseUser(new EnterpriseUser("701984", "4130", "Universal Studios", "Theme Park",
                        "Tour Operations", new EnterpriseUser.Manager("26118915-6090-4610-87e4-49d8ca9f808d",
                        "../Users/26118915-6090-4610-87e4-49d8ca9f808d", null)))
                .build();
    }

    /**
     * Lossless storage: every attribute of RFC 7643 §8.2's full User with the Enterprise extension reads back as
     * written, after create and after replace; the parts of a complex attribute beside one the store maps
     * ({@code name.givenName} next to a name column), every value of a multi-valued attribute (not only the
     * primary email) and every extension attribute included. What the store legitimately does not keep is declared
     * in {@link #unsupportedAttributes()}.
     */
    @Test
    void keepsEveryAttributeOfAFullUserThroughCreateAndReplace() {
        User written = fullUser("bjensen");
        User created = create(written);
        assertLossless(created, written, "create's result");
        assertLossless(get(created.id()), written, "get after create");

        User replacement = fullUser("bjensen").toBuilder()
                .name(new Name("Barbara Smith", "Smith", "Barbara", null, null, null))
                .title("Senior Tour Guide")
                .emails(List.of(new Email("bjensen@example.org", null, "work", true)))
                .phoneNumbers(List.of(new PhoneNumber("555-555-3333", "Home", "home", true)))
                .enterpriseUser(new EnterpriseUser("701984", null, null, null, "Sales", null))
                .build();
        User replaced = repository().replace(created.id(), replacement, null, context());
        assertLossless(replaced, replacement, "replace's result");
        assertLossless(get(created.id()), replacement, "get after replace");
    }

    /** Asserts that a stored user holds what was written, naming every attribute that differs and the hook. */
    private void assertLossless(User actual, User written, String what) {
        Comparisons.assertSameAttributes(actual, written, ignoredInComparison(), what);
    }

    // --- atomic modify --------------------------------------------------------------------------------------

    /**
     * RFC 7644 §3.14 without a precondition: concurrent changes of one user through {@code modify} (each adds an
     * email, as Entra ID and Okta send overlapping updates) all apply, one after the other; none is lost, none fails.
     */
    @Test
    void concurrentModifiesOfOneUserAllApplyOneAfterTheOther() throws InterruptedException {
        assumeTrue(repository().supportsAtomicModify(), NO_ATOMIC_MODIFY);
        assumeTrue(stores("emails"), "not run: the store does not keep emails (unsupportedAttributes()), to which "
                + "the concurrent changes add one value each");
        UserRepository repository = repository();
        User created = create(sample(1));
        List<Callable<User>> tasks = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            String email = "concurrent" + i + "@example.org";
            added.add(email);
            tasks.add(() -> repository.modify(created.id(), current -> {
                List<Email> emails = new ArrayList<>(current.emails());
                emails.add(new Email(email, null, "other", null));
                return current.toBuilder().emails(emails).build();
            }, context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent modify calls of one user: every one applies, one after the "
                + "other (hold the user's lock for the whole read-change-write, e.g. SELECT ... FOR UPDATE)";
        assertThat(outcomes).as(race).noneMatch(o -> o instanceof Throwable);
        assertThat(get(created.id()).emails()).extracting(Email::value).as(race).containsAll(added);
    }

    /**
     * With {@code If-Match} (the change checks the version it gets), concurrent modifies of one user let exactly
     * one win; the others throw what the change threw (412) and write nothing.
     */
    @Test
    void concurrentModifiesThatCheckTheVersionTheyReadLetExactlyOneWin() throws InterruptedException {
        assumeTrue(repository().supportsAtomicModify(), NO_ATOMIC_MODIFY);
        UserRepository repository = repository();
        User created = create(sample(1));
        String read = created.meta().version();
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            String externalId = "writer-" + i;
            tasks.add(() -> repository.modify(created.id(), current -> {
                if (!current.meta().version().equals(read)) {
                    throw ScimException.preconditionFailed("If-Match " + read + " does not hold");
                }
                return current.toBuilder().externalId(externalId).build();
            }, context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent modify calls under one If-Match: exactly one wins";
        assertThat(outcomes).as(race).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        assertThat(outcomes).as(race).filteredOn(o -> o instanceof Throwable).hasSize(StartGate.THREADS - 1)
                .allSatisfy(o -> assertStatus((Throwable) o, 412));
        User winner = (User) outcomes.stream().filter(o -> !(o instanceof Throwable)).findFirst().orElseThrow();
        assertThat(get(created.id()).externalId()).isEqualTo(winner.externalId());
    }

    @Test
    void aModifyThatChangesNothingKeepsTheVersionAndAnUnknownIdIsNotFound() {
        assumeTrue(repository().supportsAtomicModify(), NO_ATOMIC_MODIFY);
        User created = create(sample(1));
        User result = repository().modify(created.id(), current -> current, context());
        assertThat(result.meta().version()).isEqualTo(created.meta().version());
        assertThat(get(created.id()).meta().version()).isEqualTo(created.meta().version());
        assertStatus(thrown("404 for modify of an unknown id",
                () -> repository().modify("no-such-id", current -> current, context())), 404);
    }

    // --- search -------------------------------------------------------------------------------------------

    /** Three users for the filter tests: bjensen, jsmith and ajones. */
    private void createFilterFixtures() {
        create(User.builder().userName("bjensen").externalId("ext-bjensen").displayName("Barbara Jensen")
                .name(new Name(null, "Jensen", "Barbara", null, null, null)).title("Tour Guide").active(true)
                .enterpriseUser(new EnterpriseUser("701984", null, null, null, "Tours", null))
                .emails(List.of(new Email("bjensen@example.com", null, "work", true))).build());
        create(User.builder().userName("jsmith").externalId("ext-jsmith").displayName("John Smith")
                .name(new Name(null, "Smith", "John", null, null, null)).active(true)
                .emails(List.of(new Email("jsmith@home.example", null, "home", true))).build());
        create(User.builder().userName("ajones").displayName("Alice Jones")
                .name(new Name(null, "Jones", "Alice", null, null, null)).title("Manager").active(false)
                .emails(List.of(new Email("ajones@example.com", null, "work", true))).build());
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                filter(Filter.eq("userName", "bjensen"), "userName", "bjensen"),
                filter(Filter.eq("userName", "BJENSEN"), "userName", "bjensen"),
                filter(Filter.eq("userName", "nobody"), "userName"),
                filter(Filter.eq("externalId", "ext-jsmith"), "externalId", "jsmith"),
                filter(Filter.eq("externalId", "EXT-JSMITH"), "externalId"),
                filter(Filter.eq("displayName", "john smith"), "displayName", "jsmith"),
                filter(Filter.eq("name.familyName", "JENSEN"), "name.familyName", "bjensen"),
                filter(Filter.eq("active", FilterValue.of(false)), "active", "ajones"),
                filter(Filter.and(Filter.eq("userName", "bjensen"), Filter.eq("externalId", "ext-bjensen")),
                        "userName,externalId", "bjensen"),
                filter(Filter.and(Filter.eq("userName", "bjensen"), Filter.eq("externalId", "ext-jsmith")),
                        "userName,externalId"),
                // FilterSupport.equalityOn("userName") claims an 'and' of userName comparisons too.
                filter(Filter.and(Filter.eq("userName", "bjensen"), Filter.eq("userName", "BJENSEN")), "userName",
                        "bjensen"),
                filter(Filter.and(Filter.eq("userName", "bjensen"), Filter.eq("userName", "jsmith")), "userName"),
                filter(Filter.or(Filter.eq("userName", "bjensen"), Filter.eq("userName", "jsmith")),
                        "userName", "bjensen", "jsmith"),
                filter(Filter.or(Filter.eq("userName", "ajones"),
                                Filter.and(Filter.eq("userName", "jsmith"), Filter.pr("title"))),
                        "userName,title", "ajones"),
                filter(Filter.not(Filter.eq("userName", "bjensen")), "userName", "jsmith", "ajones"),
                filter(Filter.co("userName", "SMI"), "userName", "jsmith"),
                filter(Filter.sw("userName", "aj"), "userName", "ajones"),
                filter(Filter.ew("userName", "sen"), "userName", "bjensen"),
                filter(Filter.pr("title"), "title", "bjensen", "ajones"),
                filter(Filter.pr("externalId"), "externalId", "bjensen", "jsmith"),
                filter(Filter.valuePath("emails", Filter.eq("type", "work")), "emails.type", "bjensen", "ajones"),
                filter(Filter.co("emails.value", "@example.com"), "emails.value", "bjensen", "ajones"),
                filter(Filter.eq("emails.value", "BJensen@Example.com"), "emails.value", "bjensen"),
                filter(Filter.ne("userName", "bjensen"), "userName", "jsmith", "ajones"),
                filter(Filter.gt("userName", FilterValue.of("i")), "userName", "jsmith"),
                filter(Filter.eq(ENTERPRISE + ":employeeNumber", "701984"), ENTERPRISE + ":employeeNumber",
                        "bjensen"),
                filter(Filter.eq(ENTERPRISE + ":department", "tours"), ENTERPRISE + ":department", "bjensen"));
    }

    /** A case named by its filter and what it finds, e.g. {@code userName eq "BJENSEN" finds [bjensen]}. */
    private static Arguments filter(Filter filter, String attributes, String... userNames) {
        return Arguments.of(Named.of(filter + " finds " + List.of(userNames), filter),
                List.of(attributes.split(",")), List.of(userNames));
    }

    @ParameterizedTest(name = "search: {0}")
    @MethodSource("org.scim2j.testkit.UserRepositoryContract#filters")
    void searchHonoursEverySupportedFilter(Filter filter, List<String> attributes, List<String> expected) {
        assumeTrue(repository().capabilities().filtering().supports(filter), () -> "not run: capabilities()"
                + ".filtering() does not claim " + filter + " (the service evaluates or rejects it instead)");
        List<String> unkept = attributes.stream().filter(a -> !stores(a)).toList();
        assumeTrue(unkept.isEmpty(), () -> "not run: " + filter + " reads " + unkept
                + ", which unsupportedAttributes() says the store does not keep");
        createFilterFixtures();
        Page<User> page = search(page(1, 10).withFilter(filter));
        String claimed = "search with " + filter + ", which capabilities().filtering() claims: declare only the "
                + "filters search evaluates exactly, and list attributes the store does not keep in "
                + "unsupportedAttributes()";
        assertThat(page.resources()).as(claimed).extracting(User::userName)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.totalResults()).as("totalResults of " + claimed).isEqualTo(expected.size());
    }

    private SearchRequest sortedBy(String attribute, SortOrder order, int startIndex, int count) {
        return new SearchRequest(null, AttributePath.parse(attribute), order, startIndex, count, null,
                AttributeSelection.all());
    }

    private static final String NO_SORTING = "not run: capabilities().sorting() does not sort by userName (the "
            + "service sorts in memory or rejects sortBy instead)";
    private static final String SORTING = "sortBy userName, which capabilities().sorting() claims (a repository "
            + "that does not sort by it leaves it out of its SortSupport)";

    @Test
    void sortByUserNameIgnoresCaseAscendingAndDescending() {
        assumeTrue(repository().capabilities().sorting().supports(AttributePath.of("userName")), NO_SORTING);
        for (String userName : List.of("carol", "alice", "Bob", "dave")) {
            create(sample(0).toBuilder().userName(userName).externalId("ext-" + userName).build());
        }
        assertThat(search(sortedBy("userName", SortOrder.ASCENDING, 1, 10)).resources()).as(SORTING)
                .extracting(User::userName).containsExactly("alice", "Bob", "carol", "dave");
        assertThat(search(sortedBy("userName", SortOrder.DESCENDING, 1, 10)).resources()).as(SORTING)
                .extracting(User::userName).containsExactly("dave", "carol", "Bob", "alice");
    }

    @Test
    void sortedPagesJoinUpToTheSortedList() {
        assumeTrue(repository().capabilities().sorting().supports(AttributePath.of("userName")), NO_SORTING);
        List<String> userNames = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            User user = create(sample((i * 7) % 25));
            userNames.add(user.userName());
        }
        userNames.sort(Comparator.<String, String>comparing(n -> n.toLowerCase(Locale.ROOT)).reversed());
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 25; start += 10) {
            Page<User> page = search(sortedBy("userName", SortOrder.DESCENDING, start, 10));
            assertThat(page.totalResults()).isEqualTo(25);
            page.resources().forEach(u -> seen.add(u.userName()));
        }
        assertThat(seen).as(SORTING).containsExactlyElementsOf(userNames);
    }

}
