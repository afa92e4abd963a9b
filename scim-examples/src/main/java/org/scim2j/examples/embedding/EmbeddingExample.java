package org.scim2j.examples.embedding;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.User;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.FilterValue;
import org.scim2j.servlet.ScimServlet;
import org.scim2j.servlet.ScimServletSettings;
import org.scim2j.servlet.TokenAuthenticator;
import org.scim2j.servlet.TokenVerifier;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UniquenessException;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.VersionConflictException;
import org.scim2j.spi.service.ScimService;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Using scim2j in your own host: one Maven dependency, one repository over the accounts you already have, one
 * servlet registration. This class compiles with the build; copy what you need.
 *
 * <pre>{@code
 *   <dependency>
 *     <groupId>org.scim2j</groupId>
 *     <artifactId>scim-servlet</artifactId>   <!-- brings scim-spi, scim-core, scim-filter -->
 *     <version>0.1.0-SNAPSHOT</version>
 *   </dependency>
 * }</pre>
 *
 * <p>Register it as a listener (web.xml, {@code @WebListener}, or your framework's servlet-context hook) with your
 * account service; SCIM then answers at {@code /api/scim/v2}. The JDBC repositories of the example server
 * ({@code org.scim2j.examples.sonar.store}) are a complete implementation with groups.
 */
public final class EmbeddingExample implements ServletContextListener {

    /** What the host already has: its account service (here reduced to what SCIM needs). */
    public interface Accounts {

        /** A host account. {@code version} changes on every write. */
        record Account(String id, String login, String displayName, String email, boolean active, long version,
                       Instant created, Instant updated) {
        }

        /** Thrown by the host when a login (compared ignoring case) is taken. */
        final class LoginTakenException extends RuntimeException {
            private static final long serialVersionUID = 1L;

            /** @param login the login */
            public LoginTakenException(String login) {
                super("login taken: " + login);
            }
        }

        /** Creates an account. @throws LoginTakenException if the login is taken */
        Account create(String login, String displayName, String email, boolean active);

        /** The account, or empty. */
        Optional<Account> find(String id);

        /**
         * Updates an account if its version is {@code expectedVersion} (any version when {@code null}).
         *
         * @return the updated account, or empty if there is none with this id
         * @throws LoginTakenException   if the login is taken
         * @throws IllegalStateException if the version is not the expected one
         */
        Optional<Account> update(String id, Long expectedVersion, String login, String displayName, String email,
                                 boolean active);

        /** Deletes an account; false if there is none with this id. */
        boolean delete(String id);

        /** Accounts in a stable order, optionally only the one with this login (ignoring case). */
        List<Account> list(String loginOrNull, int offset, int limit);

        /** How many accounts {@link #list} would return without a limit. */
        int count(String loginOrNull);
    }

    private final Accounts accounts;
    private final String adminTokenSha256;
    private final BooleanSupplier scimEnabled;

    /**
     * @param accounts         the host's accounts
     * @param adminTokenSha256 the hex SHA-256 of the admin token ({@code TokenVerifier.hash(token)}); never keep
     *                         the token itself
     * @param scimEnabled      the host's switch, read on every request (like {@code sonar.scim.enabled})
     */
    public EmbeddingExample(Accounts accounts, String adminTokenSha256, BooleanSupplier scimEnabled) {
        this.accounts = accounts;
        this.adminTokenSha256 = adminTokenSha256;
        this.scimEnabled = scimEnabled;
    }

    /** Registers the SCIM servlet at {@code /api/scim/v2/*}. */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ScimService service = ScimService.builder().users(new AccountUserRepository(accounts)).build();
        ScimServlet servlet = new ScimServlet(service,
                TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(adminTokenSha256, "scim-admin")),
                ScimServletSettings.defaults().withEnabled(scimEnabled));
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic registration = context.addServlet("scim", servlet);
        registration.addMapping("/api/scim/v2/*");
    }

    /**
     * {@code /Users} over the host's accounts: {@code userName} is the login, {@code displayName} the name, the
     * primary email the email; {@code userName eq "..."} is answered by the host, every other filter by the
     * service in memory. {@code active: false} deactivates the account, which stays readable; DELETE deletes it.
     * (A host that must keep its accounts unlinks them instead, as the example server's JDBC repository does.)
     */
    static final class AccountUserRepository implements UserRepository {

        private final Accounts accounts;

        AccountUserRepository(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public RepositoryCapabilities capabilities() {
            return new RepositoryCapabilities(FilterSupport.equalityOn("userName"), false, false);
        }

        @Override
        public User create(User user, RequestContext context) {
            try {
                return toUser(accounts.create(user.userName(), user.displayName(), email(user),
                        user.active() == null || user.active()));
            } catch (Accounts.LoginTakenException e) {
                throw new UniquenessException("userName '" + user.userName() + "' is already taken", e);
            }
        }

        @Override
        public Optional<User> get(String id, RequestContext context) {
            return accounts.find(id).map(AccountUserRepository::toUser);
        }

        @Override
        public User replace(String id, User user, String expectedVersion, RequestContext context) {
            Accounts.Account current = accounts.find(id).orElseThrow(() -> ScimException.notFound("User", id));
            boolean active = user.active() == null ? current.active() : user.active();
            return toUser(write(id, expectedVersion, user.userName(), user.displayName(), email(user), active));
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            Accounts.Account current = accounts.find(id).orElseThrow(() -> ScimException.notFound("User", id));
            if (expectedVersion != null && !expectedVersion.equals(Long.toString(current.version()))) {
                throw new VersionConflictException("User '" + id + "' changed meanwhile");
            }
            if (!accounts.delete(id)) {
                throw ScimException.notFound("User", id);
            }
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            // The service passes only filters that capabilities() declares: here userName eq "...".
            String login = request.filter() instanceof Comparison c && c.value() instanceof FilterValue.StringValue s
                    ? s.value() : null;
            List<User> page = accounts.list(login, request.startIndex() - 1, request.count()).stream()
                    .map(AccountUserRepository::toUser).toList();
            return Page.of(page, Math.max(page.size(), accounts.count(login)));
        }

        private Accounts.Account write(String id, String expectedVersion, String login, String displayName,
                                       String email, boolean active) {
            Long expected = expectedVersion == null ? null : Long.valueOf(expectedVersion);
            try {
                return accounts.update(id, expected, login, displayName, email, active)
                        .orElseThrow(() -> ScimException.notFound("User", id));
            } catch (Accounts.LoginTakenException e) {
                throw new UniquenessException("userName '" + login + "' is already taken", e);
            } catch (IllegalStateException e) {
                throw new VersionConflictException("User '" + id + "' changed meanwhile");
            }
        }

        private static String email(User user) {
            return user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                    .or(() -> user.emails().stream().findFirst()).map(Email::value).orElse(null);
        }

        private static User toUser(Accounts.Account a) {
            return User.builder().id(a.id()).userName(a.login()).displayName(a.displayName()).active(a.active())
                    .emails(a.email() == null ? List.of() : List.of(new Email(a.email(), null, "work", true)))
                    .meta(new Meta("User", a.created().atOffset(ZoneOffset.UTC), a.updated().atOffset(ZoneOffset.UTC),
                            null, Long.toString(a.version())))
                    .build();
        }
    }
}
