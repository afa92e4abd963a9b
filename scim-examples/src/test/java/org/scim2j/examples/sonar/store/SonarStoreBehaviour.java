package org.scim2j.examples.sonar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.VersionConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What makes the store SonarQube-like, beyond the testkit's contract: deactivation, DELETE as unlink,
 * re-provisioning and adoption of existing host users, case-insensitive logins, membership deltas and paging order.
 */
abstract class SonarStoreBehaviour {

    private static final RequestContext CTX = RequestContext.system();

    private TestStore store;
    private JdbcUserRepository users;
    private JdbcGroupRepository groups;

    abstract TestStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        users = new JdbcUserRepository(store.database);
        groups = new JdbcGroupRepository(store.database);
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
    }

    private static User oktaUser(String userName) {
        return User.builder().userName(userName).externalId("00u" + userName.hashCode())
                .name(new Name(null, "User", "Test", null, null, null)).displayName("Test User")
                .emails(List.of(new Email(userName + "@example.com", null, "work", true))).active(true)
                .password("placeholder").build();
    }

    private record HostUser(String uuid, String login, boolean active, String name, String email, long version) {
    }

    private List<HostUser> hostUsers() {
        return store.database.inTransaction(c -> {
            List<HostUser> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT uuid, login, active, name, email, version FROM users ORDER BY login");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HostUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6)));
                }
            }
            return rows;
        });
    }

    private int count(String sql) {
        return store.database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A user that a SAML login created before SCIM was enabled: a host row without a scim_users link. */
    private String samlUser(String login) {
        String uuid = "saml-" + login;
        store.database.inTransaction(c -> Rows.update(c, "INSERT INTO users (uuid, login, name, email, active,"
                + " external_id, external_login, external_identity_provider, version, created_at, updated_at)"
                + " VALUES (?, ?, 'From Saml', 'saml@example.com', TRUE, 'saml-id', ?, 'saml', 7, 1000, 1000)",
                uuid, login, login));
        return uuid;
    }

    private static SearchRequest all() {
        return SearchRequest.all(1000);
    }

    // --- mapping --------------------------------------------------------------------------------------------

    @Test
    void mapsAnOktaCreateToTheHostColumnsAndReadsItBackAsWritten() {
        User written = oktaUser("Test.User@okta.local");
        User created = users.create(written, CTX);
        assertThat(hostUsers()).singleElement().satisfies(u -> {
            assertThat(u.login()).as("login keeps the client's case").isEqualTo("Test.User@okta.local");
            assertThat(u.name()).isEqualTo("Test User");
            assertThat(u.email()).isEqualTo("Test.User@okta.local@example.com");
            assertThat(u.active()).isTrue();
        });
        // OKTA-SPEC: what the create wrote reads back, name parts included, but for server-set id and meta
        assertThat(created.toBuilder().id(null).meta(null).build())
                .isEqualTo(written.toBuilder().password(null).build());
        assertThat(users.get(created.id(), CTX)).get().isEqualTo(created);
    }

    @Test
    void theNameColumnIsFormattedElseGivenAndFamilyElseDisplayName() {
        users.create(User.builder().userName("a")
                .name(new Name("Ms. Barbara J Jensen", "Jensen", "Barbara", null, null, null)).build(), CTX);
        User parts = users.create(User.builder().userName("b")
                .name(new Name(null, "Jensen", "Barbara", null, null, null)).displayName("Babs").build(), CTX);
        users.create(User.builder().userName("c").displayName("Babs").build(), CTX);
        User none = users.create(User.builder().userName("d").build(), CTX);
        assertThat(hostUsers()).extracting(HostUser::name)
                .containsExactly("Ms. Barbara J Jensen", "Barbara Jensen", "Babs", null);
        assertThat(parts.name()).as("read back as written").isEqualTo(new Name(null, "Jensen", "Barbara", null,
                null, null));
        assertThat(parts.displayName()).isEqualTo("Babs");
        assertThat(none.name()).isNull();
        assertThat(none.emails()).isEmpty();
    }

    @Test
    void aPatchOfNamePartsReadsBackAsWrittenAndRenamesTheHostUser() {
        // What the service hands to replace after Entra's P9 / P15 PATCH (ENTRA-COMPAT).
        User created = users.create(User.builder().userName("a")
                .name(new Name("givenName familyName", "familyName", "givenName", null, null, null)).build(), CTX);
        Name p9Name = new Name("givenName familyName", "Pkqf", "Gtfd", null, null, null);
        User p9 = users.replace(created.id(), created.toBuilder().name(p9Name).build(), null, CTX);
        assertThat(p9.name()).isEqualTo(p9Name);
        assertThat(hostUsers().get(0).name()).as("the host's display name follows the new parts")
                .isEqualTo("Gtfd Pkqf");
        Name p15Name = new Name("givenName familyName", "updatedFamilyName", "Gtfd", null, null, null);
        User p15 = users.replace(created.id(), p9.toBuilder().name(p15Name).build(), null, CTX);
        assertThat(p15.name()).isEqualTo(p15Name);
        assertThat(hostUsers().get(0).name()).isEqualTo("Gtfd updatedFamilyName");
        User formatted = users.replace(created.id(), p15.toBuilder()
                .name(new Name("Dr. New Name", null, null, null, null, null)).build(), null, CTX);
        assertThat(formatted.name()).isEqualTo(new Name("Dr. New Name", null, null, null, null, null));
        assertThat(hostUsers().get(0).name()).isEqualTo("Dr. New Name");
    }

    @Test
    void theEmailColumnIsThePrimaryEmailElseTheFirstAndEveryEmailReadsBack() {
        List<Email> withPrimary = List.of(new Email("home@example.com", null, "home", null),
                new Email("work@example.com", "Work", "work", true));
        User primary = users.create(User.builder().userName("a").emails(withPrimary).build(), CTX);
        List<Email> withoutPrimary = List.of(new Email("one@example.com", null, "home", null),
                new Email("two@example.com", null, "work", null));
        User first = users.create(User.builder().userName("b").emails(withoutPrimary).build(), CTX);
        assertThat(hostUsers()).extracting(HostUser::email).containsExactly("work@example.com", "one@example.com");
        assertThat(primary.emails()).isEqualTo(withPrimary);
        assertThat(first.emails()).isEqualTo(withoutPrimary);
    }

    @Test
    void aNameOrEmailChangedByTheHostShowsInPlaceOfWhatItWasDerivedFrom() {
        User created = users.create(oktaUser("bjensen"), CTX);
        // SonarQube's SAML login rewrites users.name and users.email
        store.database.inTransaction(c -> Rows.update(c, "UPDATE users SET name = 'Barbara Smith',"
                + " email = 'bsmith@example.com'"));
        User read = users.get(created.id(), CTX).orElseThrow();
        assertThat(read.name().formatted()).isEqualTo("Barbara Smith");
        assertThat(read.name().givenName()).isEqualTo("Test");
        assertThat(read.emails()).extracting(Email::value).containsExactly("bsmith@example.com");
        assertThat(read.displayName()).isEqualTo("Test User");
    }

    @Test
    void droppingUnmappedAttributesReadsBackOnlyWhatTheColumnsHold() {
        JdbcUserRepository dropping = new JdbcUserRepository(store.database, java.time.Clock.systemUTC(),
                UnmappedAttributes.DROP);
        User created = dropping.create(User.builder().userName("a").title("Guide").displayName("Babs")
                .name(new Name(null, "Jensen", "Barbara", null, null, null))
                .emails(List.of(new Email("home@example.com", null, "home", null),
                        new Email("work@example.com", null, "work", true))).build(), CTX);
        assertThat(created.name()).isEqualTo(new Name("Barbara Jensen", null, null, null, null, null));
        assertThat(created.emails()).containsExactly(new Email("work@example.com", null, "work", true));
        assertThat(created.title()).isNull();
        assertThat(created.displayName()).isNull();
        assertThat(count("SELECT COUNT(*) FROM scim_users WHERE attributes IS NOT NULL")).isZero();
        // a user written while keeping reads as its columns show when the host drops
        User kept = users.create(oktaUser("kept").toBuilder().title("Guide").build(), CTX);
        assertThat(dropping.get(kept.id(), CTX)).get().extracting(User::title).isNull();
    }

    @Test
    void aValueLongerThanItsColumnIsInvalidValueNotAStoreFailure() {
        assertThatThrownBy(() -> users.create(User.builder().userName("x".repeat(256)).build(), CTX))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(400));
        assertThat(hostUsers()).isEmpty();
    }

    // --- lifecycle ------------------------------------------------------------------------------------------

    @Test
    void activeFalseDeactivatesAndTheUserStaysReadable() {
        User created = users.create(oktaUser("bjensen"), CTX);
        User deactivated = users.replace(created.id(), created.toBuilder().active(false).build(),
                created.meta().version(), CTX);
        assertThat(deactivated.active()).isFalse();
        assertThat(users.get(created.id(), CTX)).get().extracting(User::active).isEqualTo(false);
        assertThat(users.search(all(), CTX).resources()).extracting(User::id).containsExactly(created.id());
        assertThat(hostUsers()).singleElement().extracting(HostUser::active).isEqualTo(false);

        User reactivated = users.replace(created.id(), deactivated.toBuilder().active(true).build(), null, CTX);
        assertThat(reactivated.active()).isTrue();
    }

    @Test
    void aReplaceWithoutActiveKeepsTheStoredValue() {
        User created = users.create(oktaUser("bjensen").toBuilder().active(false).build(), CTX);
        User replaced = users.replace(created.id(), created.toBuilder().active(null).title("x").build(), null, CTX);
        assertThat(replaced.active()).isFalse();
        User other = users.create(oktaUser("jsmith").toBuilder().active(null).build(), CTX);
        assertThat(other.active()).as("a create without active is active").isTrue();
    }

    /**
     * Okta's AIW apps PUT the whole user on every sync (IDP-TRAFFIC §1.6): a replace that changes no column and no
     * kept attribute writes nothing, so the version and lastModified stay (issue 13, finding 2). Dropping what has no
     * column, attributes the store does not keep are no change either.
     */
    @Test
    void aReplaceThatChangesNothingKeptKeepsTheVersion() {
        User created = users.create(oktaUser("bjensen"), CTX);

        User replaced = users.replace(created.id(), oktaUser("bjensen"), created.meta().version(), CTX);

        assertThat(replaced.meta()).isEqualTo(created.meta());
        assertThat(hostUsers()).extracting(HostUser::version).containsExactly(1L);
        assertThatThrownBy(() -> users.replace(created.id(), oktaUser("bjensen"), "7", CTX))
                .as("a stale version is still a conflict").isInstanceOf(VersionConflictException.class);
        User nickNamed = users.replace(created.id(), oktaUser("bjensen").toBuilder().nickName("Babs").build(), null,
                CTX);
        assertThat(nickNamed.meta().version()).as("a kept attribute changed").isEqualTo("2");

        JdbcUserRepository dropping = new JdbcUserRepository(store.database, java.time.Clock.systemUTC(),
                UnmappedAttributes.DROP);
        User other = dropping.create(oktaUser("jsmith"), CTX);
        User again = dropping.replace(other.id(), oktaUser("jsmith").toBuilder().locale("en-US").nickName("J")
                .build(), null, CTX);
        assertThat(again.meta()).as("dropped attributes are no change").isEqualTo(other.meta());
        User renamed = dropping.replace(other.id(), oktaUser("JSmith"), null, CTX);
        assertThat(renamed.meta().version()).as("a new case is a change").isEqualTo("2");
    }

    @Test
    void deleteUnlinksTheScimIdDeactivatesAndKeepsTheHostUser() {
        User created = users.create(oktaUser("bjensen"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(created.id())))
                .build(), CTX);
        users.delete(created.id(), null, CTX);

        assertThat(users.get(created.id(), CTX)).isEmpty();
        assertThat(users.search(all(), CTX).totalResults()).isZero();
        assertThat(hostUsers()).singleElement().satisfies(u -> {
            assertThat(u.login()).isEqualTo("bjensen");
            assertThat(u.active()).isFalse();
        });
        assertThat(count("SELECT COUNT(*) FROM scim_users")).isZero();
        Group after = groups.get(group.id(), CTX).orElseThrow();
        assertThat(after.members()).as("no group lists an id that is gone").isEmpty();
        assertThat(after.meta().version()).isNotEqualTo(group.meta().version());
        assertThatThrownBy(() -> users.delete(created.id(), null, CTX)).isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> users.replace(created.id(), created, null, CTX))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(404));
    }

    @Test
    void provisioningADeletedUserNameAgainRelinksAndReactivatesTheSameHostUser() {
        User first = users.create(oktaUser("bjensen"), CTX);
        String hostUuid = hostUsers().get(0).uuid();
        users.delete(first.id(), null, CTX);

        User again = users.create(oktaUser("BJensen").toBuilder()
                .name(new Name("Barbara Jensen", null, null, null, null, null)).build(), CTX);
        assertThat(again.id()).as("a new SCIM id; ids are never reused").isNotEqualTo(first.id());
        assertThat(again.active()).isTrue();
        assertThat(again.userName()).isEqualTo("BJensen");
        assertThat(hostUsers()).singleElement().satisfies(u -> {
            assertThat(u.uuid()).isEqualTo(hostUuid);
            assertThat(u.active()).isTrue();
            assertThat(u.name()).isEqualTo("Barbara Jensen");
        });
        assertThat(users.get(first.id(), CTX)).isEmpty();
    }

    @Test
    void aCreateAdoptsAHostUserThatASamlLoginCreated() {
        String hostUuid = samlUser("saml.user@example.com");
        User adopted = users.create(oktaUser("SAML.User@example.com"), CTX);
        assertThat(hostUsers()).singleElement().satisfies(u -> {
            assertThat(u.uuid()).isEqualTo(hostUuid);
            assertThat(u.login()).isEqualTo("SAML.User@example.com");
            assertThat(u.name()).isEqualTo("Test User");
            assertThat(u.version()).isGreaterThan(7);
        });
        assertThat(adopted.meta().created().toInstant().toEpochMilli()).as("the account's own creation")
                .isEqualTo(1000);
        assertThat(users.search(all(), CTX).resources()).extracting(User::id).containsExactly(adopted.id());
    }

    /** A host user SCIM does not manage: created by a login through {@code provider}, or local to the host. */
    private String hostUser(String login, String provider, boolean local) {
        String uuid = "host-" + login;
        store.database.inTransaction(c -> Rows.update(c, "INSERT INTO users (uuid, login, name, email, active,"
                + " external_id, external_login, external_identity_provider, user_local, version, created_at,"
                + " updated_at) VALUES (?, ?, 'Host User', 'host@example.com', TRUE, ?, ?, ?, ?, 3, 1000, 1000)",
                uuid, login, login, login, provider, local));
        return uuid;
    }

    /**
     * Issue 13, finding 3: POST /Users adopted any unlinked host user with the same login in any case, a local
     * administrator included, and renamed, relinked and (with active false) deactivated it. Only users of the
     * providers the host declares adoptable are adopted (SAML by default), never local accounts; anything else is
     * 409 uniqueness and stays as it was.
     */
    @Test
    void aCreateNeverAdoptsALocalAccountAndAnswersUniqueness() {
        hostUser("admin", "sonarqube", true);
        hostUser("localsaml", "saml", true);
        List<HostUser> before = hostUsers();

        for (String userName : List.of("ADMIN", "admin", "LocalSaml")) {
            assertThatThrownBy(() -> users.create(oktaUser(userName).toBuilder().active(false).build(), CTX))
                    .as(userName).isInstanceOf(UniquenessException.class).hasMessageContaining(userName);
        }

        assertThat(hostUsers()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM scim_users")).isZero();
    }

    @Test
    void aCreateAdoptsOnlyUsersOfTheProvidersTheHostDeclaresAdoptable() {
        hostUser("gh.user", "github", false);
        samlUser("saml.user");
        assertThatThrownBy(() -> users.create(oktaUser("gh.user"), CTX)).isInstanceOf(UniquenessException.class);

        JdbcUserRepository withGithub = new JdbcUserRepository(store.database, java.time.Clock.systemUTC(),
                UnmappedAttributes.KEEP, Adoption.of(Set.of("saml", "GitHub")));
        assertThat(withGithub.create(oktaUser("GH.User"), CTX).userName()).isEqualTo("GH.User");

        JdbcUserRepository never = new JdbcUserRepository(store.database, java.time.Clock.systemUTC(),
                UnmappedAttributes.KEEP, Adoption.none());
        assertThatThrownBy(() -> never.create(oktaUser("saml.user"), CTX)).isInstanceOf(UniquenessException.class);
        assertThat(count("SELECT COUNT(*) FROM scim_users")).isEqualTo(1);
    }

    @Test
    void aUserNameLinkedToAnotherScimIdIsTakenIgnoringCase() {
        users.create(oktaUser("bjensen"), CTX);
        assertThatThrownBy(() -> users.create(oktaUser("BJENSEN"), CTX)).isInstanceOf(UniquenessException.class)
                .hasMessageContaining("BJENSEN");
        assertThat(hostUsers()).hasSize(1);
    }

    @Test
    void concurrentCreatesAdoptingOneSamlUserLetExactlyOneWin() throws Exception {
        samlUser("racer");
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String userName = i % 2 == 0 ? "racer" : "RACER";
            tasks.add(() -> users.create(oktaUser(userName), CTX));
        }
        List<Object> outcomes = race(tasks);
        assertThat(outcomes).filteredOn(o -> o instanceof User).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof User)).hasSize(7)
                .allMatch(o -> o instanceof UniquenessException);
        assertThat(count("SELECT COUNT(*) FROM scim_users")).isEqualTo(1);
        assertThat(hostUsers()).hasSize(1);
    }

    @Test
    void concurrentCreatesOfANewUserNameLetExactlyOneWin() throws Exception {
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String userName = i % 2 == 0 ? "newbie" : "NewBie";
            tasks.add(() -> users.create(oktaUser(userName), CTX));
        }
        List<Object> outcomes = race(tasks);
        assertThat(outcomes).filteredOn(o -> o instanceof User).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof User)).hasSize(7)
                .allMatch(o -> o instanceof UniquenessException);
        assertThat(hostUsers()).hasSize(1);
    }

    // --- search ---------------------------------------------------------------------------------------------

    @Test
    void userNameFilterIgnoresCaseAndExternalIdIsExact() {
        User bjensen = users.create(oktaUser("bjensen").toBuilder().externalId("Ext-1").build(), CTX);
        users.create(oktaUser("jsmith").toBuilder().externalId("ext-2").build(), CTX);
        assertThat(users.search(all().withFilter(Filter.eq("userName", "BJENSEN")), CTX).resources())
                .extracting(User::id).containsExactly(bjensen.id());
        assertThat(users.search(all().withFilter(Filter.eq("externalId", "Ext-1")), CTX).resources())
                .extracting(User::id).containsExactly(bjensen.id());
        assertThat(users.search(all().withFilter(Filter.eq("externalId", "ext-1")), CTX).totalResults()).isZero();
        Page<User> none = users.search(all().withFilter(Filter.eq("userName", "nobody")), CTX);
        assertThat(none.totalResults()).isZero();
        assertThat(none.resources()).isEmpty();
        assertThat(users.capabilities().filtering().supports(Filter.co("userName", "x"))).isTrue();
        assertThat(users.capabilities().filtering().supports(Filter.pr("nickName")))
                .as("document attributes run in SQL on PostgreSQL only")
                .isEqualTo(store.database.vendor() == Database.Vendor.POSTGRESQL);
        assertThat(users.capabilities().filtering().supports(Filter.and(Filter.eq("userName", "x"),
                Filter.eq("externalId", "y")))).isTrue();
    }

    /** Creates users with these userNames and returns their SCIM ids in id order (the default order). */
    private List<String> createInIdOrder(List<String> userNames) {
        List<String> ids = new ArrayList<>();
        for (String userName : userNames) {
            ids.add(users.create(User.builder().userName(userName).build(), CTX).id());
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + String.format(Locale.ROOT, "%03d", i));
        }
        return names;
    }

    @Test
    void oktaImportPagesAreStableAndOrderedById() {
        List<String> ids = createInIdOrder(names("user", 250));
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 250; start += 100) {
            Page<User> page = users.search(new SearchRequest(null, null, SortOrder.ASCENDING, start, 100, null,
                    AttributeSelection.all()), CTX);
            assertThat(page.totalResults()).isEqualTo(250);
            page.resources().forEach(u -> seen.add(u.id()));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(users.search(SearchRequest.all(2), CTX).resources()).extracting(User::id)
                .containsExactlyElementsOf(ids.subList(0, 2));
    }

    @Test
    void pagesReadOutOfSequenceAreThePagesOfTheWholeOrder() {
        List<String> ids = createInIdOrder(names("user", 60));
        assertThat(indexPage(41, 10)).as("deep page first, no page before it").isEqualTo(ids.subList(40, 50));
        assertThat(indexPage(7, 5)).isEqualTo(ids.subList(6, 11));
        assertThat(indexPage(58, 10)).as("the last page is short").isEqualTo(ids.subList(57, 60));
        assertThat(indexPage(61, 10)).isEmpty();
        // A filtered page is read by the join, in the same order.
        assertThat(users.search(new SearchRequest(Filter.parse("userName sw \"user0\""), null, SortOrder.ASCENDING,
                21, 100, null, AttributeSelection.all()), CTX).resources()).extracting(User::id)
                .isEqualTo(ids.subList(20, 60));
    }

    @Test
    void sequentialIndexPagesAreThePagesOffsetReadsAlsoAfterAWrite() {
        List<String> ids = createInIdOrder(names("u", 30));
        assertThat(indexPage(1, 10)).isEqualTo(ids.subList(0, 10));
        // continued after the 10th id
        assertThat(indexPage(11, 10)).isEqualTo(ids.subList(10, 20));
        assertThat(indexPage(14, 2)).as("not right after a page: OFFSET").isEqualTo(ids.subList(13, 15));
        String first = hostLinkedUser("a-first", "00000000-0000-0000-0000-000000000000");
        users.create(User.builder().userName("b-second").build(), CTX); // a write through this repository
        List<String> all = new ArrayList<>(ids);
        all.add(first);
        all.add(users.search(new SearchRequest(Filter.parse("userName eq \"b-second\""), null, SortOrder.ASCENDING,
                1, 1, null, AttributeSelection.all()), CTX).resources().get(0).id());
        all.sort(Comparator.naturalOrder());
        // after a write the positions moved, and pages are read as OFFSET says
        assertThat(indexPage(21, 10)).isEqualTo(all.subList(20, 30));
        assertThat(users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 31, 10, null,
                AttributeSelection.all()), CTX).totalResults()).isEqualTo(32);
        assertThat(indexPage(31, 10)).as("continued after the write").isEqualTo(all.subList(30, 32));
    }

    @Test
    void theNextIndexPageContinuesFromThePageBeforeUnlessThisRepositoryWrote() {
        List<String> ids = createInIdOrder(names("u", 20));
        assertThat(indexPage(1, 10)).isEqualTo(ids.subList(0, 10));
        // Another writer (the host, or a second server on the same database) links a user whose id sorts first.
        // The next page continues after the 10th id as if that link came after it, where OFFSET 10 would now
        // start at the 10th id again and show it twice.
        String first = hostLinkedUser("a-first", "00000000-0000-0000-0000-000000000000");
        assertThat(indexPage(11, 10)).isEqualTo(ids.subList(10, 20));
        assertThat(indexPage(12, 10)).as("not right after a page: OFFSET").isEqualTo(ids.subList(10, 20));
        assertThat(indexPage(1, 1)).containsExactly(first);
    }

    /** A host user linked to SCIM id {@code scimId} by SQL, as another writer would. */
    private String hostLinkedUser(String login, String scimId) {
        store.database.inTransaction(c -> {
            Rows.update(c, "INSERT INTO users (uuid, login, active, version, created_at, updated_at)"
                    + " VALUES (?, ?, TRUE, 1, 1000, 1000)", "host-" + login, login);
            return Rows.update(c, "INSERT INTO scim_users (scim_uuid, user_uuid) VALUES (?, ?)", scimId,
                    "host-" + login);
        });
        return scimId;
    }

    private List<String> indexPage(int startIndex, int count) {
        return users.search(new SearchRequest(null, null, SortOrder.ASCENDING, startIndex, count, null,
                AttributeSelection.all()), CTX).resources().stream().map(User::id).toList();
    }

    @Test
    void cursorPagesFollowTheIdOrderWithAFilterAndTheFirstPagesTotal() {
        List<String> activeIds = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            User created = users.create(User.builder().userName(String.format(Locale.ROOT, "user%03d", i))
                    .active(i % 3 != 0).build(), CTX);
            if (i % 3 != 0) {
                activeIds.add(created.id());
            }
        }
        activeIds.sort(Comparator.naturalOrder());
        List<String> seen = new ArrayList<>();
        String cursor = "";
        String lastOfFirstPage = null;
        String late = null;
        for (int pages = 0; cursor != null; pages++) {
            assertThat(pages).as("pages of 10 for 30 or 31 users").isLessThan(4);
            Page<User> page = users.search(new SearchRequest(Filter.parse("active eq true"), null,
                    SortOrder.ASCENDING, 1, 10, cursor, AttributeSelection.all()), CTX);
            assertThat(page.totalResults()).as("the first page's total").isEqualTo(30);
            page.resources().forEach(u -> seen.add(u.id()));
            if (pages == 0) {
                lastOfFirstPage = seen.get(seen.size() - 1);
                late = users.create(User.builder().userName("zz-late").build(), CTX).id();
            }
            cursor = page.nextCursor();
        }
        // created after the first page: seen if its id sorts after that page's last id, never twice
        if (late.compareTo(lastOfFirstPage) > 0) {
            activeIds.add(late);
            activeIds.sort(Comparator.naturalOrder());
        }
        assertThat(seen).containsExactlyElementsOf(activeIds);
    }

    /**
     * The service seals cursors (a client cannot hand one in), but the store refuses a malformed one itself too:
     * a NUL in the cursor's id made PostgreSQL fail the query (500) where H2 found nothing (issue 13, finding 5).
     */
    @Test
    void aCursorWithANulOrGarbageIsInvalidCursorOnEveryDatabase() {
        users.create(oktaUser("bjensen"), CTX);
        for (String text : List.of("k2:1:\u0000", "k2:1:a\u0000b", "k2:-1:x", "k2:x:y", "k1:1:x", "\u0000")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 1, 10,
                    cursor, AttributeSelection.all()), CTX))
                    .as(text.replace("\u0000", "\\0"))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_CURSOR));
        }
    }

    @Test
    void aForeignCursorOrACursorWithSortByIsRefused() {
        assertThatThrownBy(() -> users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 1, 10,
                "not-ours", AttributeSelection.all()), CTX))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_CURSOR));
        assertThatThrownBy(() -> users.search(new SearchRequest(null,
                AttributePath.parse("userName"), SortOrder.ASCENDING, 1, 10, "",
                AttributeSelection.all()), CTX))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getMessage()).contains("sortBy"));
    }

    @Test
    void usersShowTheirScimGroups() {
        User user = users.create(oktaUser("bjensen"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(user.id())))
                .build(), CTX);
        assertThat(users.get(user.id(), CTX).orElseThrow().groups())
                .containsExactly(new GroupMembership(group.id(), null, "devs", "direct"));
        SearchRequest withoutGroups = new SearchRequest(null, null, SortOrder.ASCENDING, 1, 10, null,
                AttributeSelection.of(List.of(), List.of("groups")));
        assertThat(users.search(withoutGroups, CTX).resources().get(0).groups()).isEmpty();
    }

    // --- groups ---------------------------------------------------------------------------------------------

    private List<String> memberIds(String groupId) {
        return groups.get(groupId, CTX).orElseThrow().members().stream().map(Member::value).sorted().toList();
    }

    @Test
    void membershipDeltasInsertAndDeleteRowsWithoutLoadingTheGroup() {
        User a = users.create(oktaUser("a"), CTX);
        User b = users.create(oktaUser("b"), CTX);
        User c = users.create(oktaUser("c"), CTX);
        Group group = groups.create(Group.builder().displayName("Test SCIMv2").build(), CTX);
        assertThat(groups.supportsMembershipChanges()).isTrue();

        Group added = groups.update(group.id(), null, new MembershipChange(false, Set.of(),
                List.of(Member.of(a.id()), Member.of(b.id()), Member.of(a.id()))), null, CTX);
        assertThat(added.members()).as("update returns the group without members").isEmpty();
        assertThat(memberIds(group.id())).containsExactlyElementsOf(sorted(a.id(), b.id()));
        assertThat(count("SELECT COUNT(*) FROM groups_users")).isEqualTo(2);

        groups.update(group.id(), null, new MembershipChange(false, Set.of(a.id()), List.of(Member.of(b.id()),
                Member.of(c.id()))), null, CTX);
        assertThat(memberIds(group.id())).containsExactlyElementsOf(sorted(b.id(), c.id()));

        groups.update(group.id(), null, new MembershipChange(true, Set.of(), List.of(Member.of(a.id()))), null,
                CTX);
        assertThat(memberIds(group.id())).containsExactly(a.id());

        Group renamed = groups.update(group.id(), Group.builder().displayName("Renamed").build(),
                MembershipChange.none(), null, CTX);
        assertThat(renamed.displayName()).isEqualTo("Renamed");
        assertThat(memberIds(group.id())).as("a rename keeps the members").containsExactly(a.id());

        assertThat(groups.getWithoutMembers(group.id(), CTX).orElseThrow().members()).isEmpty();
        Member shown = groups.get(group.id(), CTX).orElseThrow().members().get(0);
        assertThat(shown).isEqualTo(new Member(a.id(), null, "a", "User"));
    }

    @Test
    void aMembershipDeltaThatChangesNothingKeepsTheVersion() {
        User a = users.create(oktaUser("a"), CTX);
        User b = users.create(oktaUser("b"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(a.id()))).build(),
                CTX);
        String version = group.meta().version();

        // Okta re-sends memberships it pushed before; Entra removes members already gone
        Group again = groups.update(group.id(), null, new MembershipChange(false, Set.of(b.id()),
                List.of(Member.of(a.id()))), version, CTX);
        assertThat(again.meta().version()).isEqualTo(version);
        assertThat(again.meta().lastModified()).isEqualTo(group.meta().lastModified());

        Group changed = groups.update(group.id(), null, new MembershipChange(false, Set.of(),
                List.of(Member.of(b.id()))), version, CTX);
        assertThat(changed.meta().version()).isNotEqualTo(version);
        assertThat(memberIds(group.id())).containsExactlyElementsOf(sorted(a.id(), b.id()));
        assertThatThrownBy(() -> groups.update(group.id(), null, MembershipChange.none(), version, CTX))
                .as("a stale version is still a conflict, even for a delta that changes nothing")
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void aMembershipDeltaWithAStaleVersionIsAConflictAndChangesNothing() {
        User a = users.create(oktaUser("a"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").build(), CTX);
        groups.update(group.id(), Group.builder().displayName("developers").build(), MembershipChange.none(), null,
                CTX);
        assertThatThrownBy(() -> groups.update(group.id(), null, new MembershipChange(false, Set.of(),
                List.of(Member.of(a.id()))), group.meta().version(), CTX))
                .isInstanceOf(VersionConflictException.class);
        assertThat(memberIds(group.id())).isEmpty();
        assertThatThrownBy(() -> groups.update("nope", null, MembershipChange.none(), null, CTX))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(404));
    }

    @Test
    void anUnknownMemberIsInvalidValueAndNestedGroupsAreRefused() {
        User a = users.create(oktaUser("a"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").build(), CTX);
        assertThatThrownBy(() -> groups.update(group.id(), null, new MembershipChange(false, Set.of(),
                List.of(Member.of(a.id()), Member.of("no-such-user"))), null, CTX))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(400));
        assertThat(memberIds(group.id())).as("all or nothing").isEmpty();
        assertThatThrownBy(() -> groups.create(Group.builder().displayName("outer")
                .members(List.of(new Member(group.id(), null, null, "Group"))).build(), CTX))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(400));
        assertThat(groups.search(all(), CTX).totalResults()).isEqualTo(1);
    }

    @Test
    void concurrentMembershipDeltasOnOneGroupAreAllApplied() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(users.create(oktaUser("member" + i), CTX).id());
        }
        Group group = groups.create(Group.builder().displayName("big").members(List.of(Member.of(ids.get(0))))
                .build(), CTX);
        List<Callable<Group>> tasks = new ArrayList<>();
        for (String id : ids.subList(1, 9)) {
            // Each adds its own member and, as a concurrent retry would, the first one again.
            tasks.add(() -> groups.update(group.id(), null, new MembershipChange(false, Set.of(),
                    List.of(Member.of(id), Member.of(ids.get(0)))), null, CTX));
        }
        assertThat(race(tasks)).allMatch(o -> o instanceof Group);
        assertThat(memberIds(group.id())).containsExactlyInAnyOrderElementsOf(ids);
        // each of the 8 deltas inserted one row, so each moved the version on once
        assertThat(Long.parseLong(groups.get(group.id(), CTX).orElseThrow().meta().version()))
                .isEqualTo(Long.parseLong(group.meta().version()) + 8);
    }

    @Test
    void deleteOfAGroupWithAStaleVersionIsAConflict() {
        Group group = groups.create(Group.builder().displayName("devs").build(), CTX);
        Group renamed = groups.replace(group.id(), group.toBuilder().displayName("devs2").build(), null, CTX);
        assertThatThrownBy(() -> groups.delete(group.id(), group.meta().version(), CTX))
                .isInstanceOf(VersionConflictException.class);
        groups.delete(group.id(), renamed.meta().version(), CTX);
        assertThat(groups.get(group.id(), CTX)).isEmpty();
        assertThatThrownBy(() -> groups.delete(group.id(), null, CTX)).isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(404));
    }

    @Test
    void replaceMakesTheMembersExactlyThoseGiven() {
        User a = users.create(oktaUser("a"), CTX);
        User b = users.create(oktaUser("b"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(a.id())))
                .build(), CTX);
        Group replaced = groups.replace(group.id(), group.toBuilder().displayName("devs2")
                .members(List.of(Member.of(b.id()))).build(), group.meta().version(), CTX);
        assertThat(replaced.members()).extracting(Member::value).containsExactly(b.id());
        assertThat(replaced.displayName()).isEqualTo("devs2");
        assertThatThrownBy(() -> groups.replace(group.id(), group, group.meta().version(), CTX))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void membershipsOfHostUsersThatScimDoesNotManageAreLeftAlone() {
        String saml = samlUser("local.admin");
        User a = users.create(oktaUser("a"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(a.id())))
                .build(), CTX);
        store.database.inTransaction(c -> Rows.update(c, "INSERT INTO groups_users (group_uuid, user_uuid)"
                + " SELECT group_uuid, ? FROM scim_groups WHERE scim_uuid = ?", saml, group.id()));
        assertThat(memberIds(group.id())).containsExactly(a.id());
        groups.update(group.id(), null, new MembershipChange(true, Set.of(), List.of()), null, CTX);
        assertThat(memberIds(group.id())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM groups_users")).isEqualTo(1);
    }

    @Test
    void displayNameIsUniqueIgnoringCaseAndFilteredIgnoringCase() {
        Group devs = groups.create(Group.builder().displayName("Devs").build(), CTX);
        assertThatThrownBy(() -> groups.create(Group.builder().displayName("DEVS").build(), CTX))
                .isInstanceOf(UniquenessException.class);
        Group ops = groups.create(Group.builder().displayName("Ops").build(), CTX);
        assertThatThrownBy(() -> groups.replace(ops.id(), ops.toBuilder().displayName("devs").build(), null, CTX))
                .isInstanceOf(UniquenessException.class);
        assertThat(groups.search(all().withFilter(Filter.eq("displayName", "devs")), CTX).resources())
                .extracting(Group::id).containsExactly(devs.id());
    }

    @Test
    void deletingAGroupRemovesItAndItsMemberships() {
        User a = users.create(oktaUser("a"), CTX);
        Group group = groups.create(Group.builder().displayName("devs").members(List.of(Member.of(a.id())))
                .build(), CTX);
        groups.delete(group.id(), null, CTX);
        assertThat(groups.get(group.id(), CTX)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM groups")).isZero();
        assertThat(count("SELECT COUNT(*) FROM groups_users")).isZero();
        assertThat(users.get(a.id(), CTX).orElseThrow().groups()).isEmpty();
        assertThat(groups.create(Group.builder().displayName("devs").build(), CTX).id()).isNotEqualTo(group.id());
    }

    @Test
    void groupPagesAreStable() {
        for (int i = 0; i < 12; i++) {
            groups.create(Group.builder().displayName(String.format(Locale.ROOT, "g%02d", (i * 5) % 12)).build(),
                    CTX);
        }
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 12; start += 5) {
            groups.search(SearchRequest.all(5).withPage(start, 5), CTX).resources()
                    .forEach(g -> seen.add(g.displayName()));
        }
        assertThat(seen).isSorted().hasSize(12).doesNotHaveDuplicates();
    }

    // --- admin token ----------------------------------------------------------------------------------------

    @Test
    void aGeneratedAdminTokenIsShownOnceAndOnlyItsHashIsStored() {
        AdminTokens.Resolved first = AdminTokens.resolve(store.database, null);
        assertThat(first.generated()).isPresent();
        AdminTokens.Resolved second = AdminTokens.resolve(store.database, null);
        assertThat(second.generated()).isEmpty();
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(count("SELECT COUNT(*) FROM internal_properties WHERE text_value LIKE '%"
                + first.generated().get() + "%'")).isZero();
        AdminTokens.Resolved given = AdminTokens.resolve(store.database, "my-token");
        assertThat(given.generated()).isEmpty();
        assertThat(given.sha256()).isNotEqualTo(first.sha256());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static <V> List<Object> race(List<Callable<V>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<V>> futures = new ArrayList<>();
            for (Callable<V> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<V> future : futures) {
                try {
                    outcomes.add(future.get(1, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a concurrent create did not return within a minute", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
