package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a host sees when its repository breaks a rule the kit can relax: the failure names the hook to override. The
 * kit runs (through the JUnit Platform, as Surefire would run it) against repositories with one planted flaw each.
 */
class KitMessagesTest {

    /** Set only while this test runs the planted contracts, so no other runner (an IDE, -Dtest) fails them. */
    private static final String PLANTED = "scim2j.testkit.planted";

    private static Events run(Class<?> contract) {
        System.setProperty(PLANTED, "true");
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        } finally {
            System.clearProperty(PLANTED);
        }
    }

    private static List<String> failureMessages(Events events) {
        return events.failed().stream().map(KitMessagesTest::thrown).map(Throwable::getMessage).toList();
    }

    private static Throwable thrown(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    @Test
    void aStoreThatDropsAttributesIsToldAboutUnsupportedAttributes() {
        List<String> messages = failureMessages(run(FiveColumnsContract.class));
        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message)
                .contains("unsupportedAttributes()"));
        assertThat(messages).anySatisfy(message -> assertThat(message).contains("Set.of(\"emails\", \"locale\", "
                + "\"name\", \"nickName\", \"phoneNumbers\", \"preferredLanguage\", \"timezone\", \"title\", "
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\", \"userType\")"));
    }

    @Test
    void aStoreWhoseDeleteKeepsTheUserNameTakenIsToldAboutDeleteDeactivates() {
        assertThat(failureMessages(run(DeactivatingDeleteContract.class))).singleElement()
                .asString().contains("override deleteDeactivates() to return true");
    }

    @Test
    void aStoreWithAForeignKeyToItsUsersIsToldAboutNewMembers() {
        List<String> messages = failureMessages(run(ForeignKeyGroupsContract.class));
        assertThat(messages).isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains("override newMembers(int)"));
    }

    @Test
    void aStoreThatClaimsSortingItDoesNotDoIsToldWhichCapability() {
        assertThat(failureMessages(run(ClaimsSortingContract.class))).hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("capabilities().sorting()"));
    }

    @Test
    void aStoreThatDeclaresWhatItDropsPasses() {
        Events events = run(DeclaredFiveColumnsContract.class);
        assertThat(failureMessages(events)).isEmpty();
        assertThat(events.succeeded().count()).isGreaterThan(20);
    }

    @Test
    void aStoreThatDropsOnlySubAttributesIsToldWhichOnes() {
        List<String> messages = failureMessages(run(NoMiddleNameContract.class));
        assertThat(messages).isNotEmpty().anySatisfy(message -> assertThat(message)
                .contains("Set.of(\"emails.type\", \"name.middleName\")"));
    }

    @Test
    void everyParameterisedCaseHasAReadableNameAndEverySkipAReason() {
        Events events = run(DeclaredFiveColumnsContract.class);
        assertThat(events.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("search: userName eq \"BJENSEN\" finds [bjensen]",
                        "search: title pr finds [bjensen, ajones]")
                .noneMatch(name -> name.matches("\\[\\d+].*"));
        // An assumption that does not hold aborts the case; Surefire reports it as skipped, with this message.
        assertThat(events.aborted().stream().map(e -> thrown(e).getMessage()))
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).startsWith("Assumption failed: not run: ")
                        .containsAnyOf("capabilities()", "unsupportedAttributes()", "supportsMembershipChanges()",
                                "supportsAtomicModify()"));
    }

    // --- repositories with one planted flaw each, and the kit run over them ---------------------------------

    /** Keeps only userName, externalId, displayName and active, as a five-column table would. */
    static class FiveColumns implements UserRepository {
        private final InMemoryUserRepository store = new InMemoryUserRepository();

        User kept(User user) {
            return User.builder().userName(user.userName()).externalId(user.externalId())
                    .displayName(user.displayName()).active(user.active()).build();
        }

        @Override
        public User create(User user, RequestContext context) {
            return store.create(kept(user), context);
        }

        @Override
        public Optional<User> get(String id, RequestContext context) {
            return store.get(id, context);
        }

        @Override
        public User replace(String id, User user, String expectedVersion, RequestContext context) {
            return store.replace(id, kept(user), expectedVersion, context);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            store.delete(id, expectedVersion, context);
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            return store.search(request, context);
        }
    }

    /** Its unsupportedAttributes() is missing: the host forgot to declare what it drops. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by KitMessagesTest")
    static class FiveColumnsContract extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new FiveColumns();
        }
    }

    /** The same store, declaring what it drops and that it filters only by userName. */
    static class DeclaredFiveColumnsContract extends FiveColumnsContract {
        @Override
        protected UserRepository newRepository() {
            return new FiveColumns() {
                @Override
                public RepositoryCapabilities capabilities() {
                    return RepositoryCapabilities.defaults().withFiltering(FilterSupport.equalityOn("userName"))
                            .withSorting(false);
                }
            };
        }

        @Override
        protected Set<String> unsupportedAttributes() {
            return Set.of("addresses", "emails", "entitlements", "ims", "locale", "name", "nickName", "phoneNumbers",
                    "photos", "preferredLanguage", "profileUrl", "roles", "timezone", "title",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "userType", "x509Certificates");
        }
    }

    /** Drops name.middleName and the type of emails: the failure names the sub-attributes. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by KitMessagesTest")
    static class NoMiddleNameContract extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new FiveColumns() {
                @Override
                User kept(User user) {
                    Name name = user.name() == null ? null : new Name(user.name().formatted(),
                            user.name().familyName(), user.name().givenName(), null, user.name().honorificPrefix(),
                            user.name().honorificSuffix());
                    return user.toBuilder().name(name).emails(user.emails().stream()
                            .map(e -> new Email(e.value(), e.display(), null, e.primary())).toList()).build();
                }
            };
        }
    }

    /** Delete keeps the account, so its userName stays taken; deleteDeactivates() is not declared. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by KitMessagesTest")
    static class DeactivatingDeleteContract extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            InMemoryUserRepository store = new InMemoryUserRepository();
            Set<String> kept = ConcurrentHashMap.newKeySet();
            return new UserRepository() {
                @Override
                public User create(User user, RequestContext context) {
                    if (kept.contains(user.userName().toLowerCase(Locale.ROOT))) {
                        throw new UniquenessException("userName '" + user.userName() + "' is taken");
                    }
                    return store.create(user, context);
                }

                @Override
                public Optional<User> get(String id, RequestContext context) {
                    return store.get(id, context);
                }

                @Override
                public User replace(String id, User user, String expectedVersion, RequestContext context) {
                    return store.replace(id, user, expectedVersion, context);
                }

                @Override
                public void delete(String id, String expectedVersion, RequestContext context) {
                    store.get(id, context).ifPresent(u -> kept.add(u.userName().toLowerCase(Locale.ROOT)));
                    store.delete(id, expectedVersion, context);
                }

                @Override
                public Page<User> search(SearchRequest request, RequestContext context) {
                    return store.search(request, context);
                }
            };
        }
    }

    /** Members must be users of the store (a foreign key), and newMembers(int) is not overridden. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by KitMessagesTest")
    static class ForeignKeyGroupsContract extends GroupRepositoryContract {
        @Override
        protected GroupRepository newRepository() {
            InMemoryGroupRepository store = new InMemoryGroupRepository();
            return new GroupRepository() {
                private Group checked(Group group) {
                    if (!group.members().isEmpty()) {
                        throw new IllegalStateException("foreign key violation: no user " + group.members().get(0)
                                .value());
                    }
                    return group;
                }

                @Override
                public Group create(Group group, RequestContext context) {
                    return store.create(checked(group), context);
                }

                @Override
                public Optional<Group> get(String id, RequestContext context) {
                    return store.get(id, context);
                }

                @Override
                public Group replace(String id, Group group, String expectedVersion, RequestContext context) {
                    return store.replace(id, checked(group), expectedVersion, context);
                }

                @Override
                public void delete(String id, String expectedVersion, RequestContext context) {
                    store.delete(id, expectedVersion, context);
                }

                @Override
                public Page<Group> search(SearchRequest request, RequestContext context) {
                    return store.search(request, context);
                }
            };
        }
    }

    /** Declares sorting, but search ignores sortBy. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by KitMessagesTest")
    static class ClaimsSortingContract extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            InMemoryUserRepository store = new InMemoryUserRepository();
            return new UserRepository() {
                @Override
                public User create(User user, RequestContext context) {
                    return store.create(user, context);
                }

                @Override
                public Optional<User> get(String id, RequestContext context) {
                    return store.get(id, context);
                }

                @Override
                public User replace(String id, User user, String expectedVersion, RequestContext context) {
                    return store.replace(id, user, expectedVersion, context);
                }

                @Override
                public void delete(String id, String expectedVersion, RequestContext context) {
                    store.delete(id, expectedVersion, context);
                }

                @Override
                public Page<User> search(SearchRequest request, RequestContext context) {
                    return store.search(new SearchRequest(request.filter(), null, request.sortOrder(),
                            request.startIndex(), request.count(), request.cursor(), request.attributes()), context);
                }

                @Override
                public RepositoryCapabilities capabilities() {
                    return RepositoryCapabilities.defaults().withSorting(true);
                }
            };
        }
    }
}
