/**
 * A compliance kit for repository implementers: abstract JUnit 5 tests of the
 * {@link org.scim2j.spi.ResourceRepository} contract that a host's repository extends to prove it behaves.
 * {@link org.scim2j.testkit.UserRepositoryContract} checks a {@link org.scim2j.spi.UserRepository} and
 * {@link org.scim2j.testkit.GroupRepositoryContract} a {@link org.scim2j.spi.GroupRepository}; both run the
 * rules they share from {@link org.scim2j.testkit.ResourceRepositoryContract}.
 *
 * <p>The kit is the {@code scim-testkit} artifact. It brings what it runs on (JUnit Jupiter with its parameterized
 * tests and engine, and AssertJ), so a host adds one test dependency:
 * <pre>{@code
 *   <dependency>
 *     <groupId>org.scim2j</groupId>
 *     <artifactId>scim-testkit</artifactId>
 *     <version>${scim2j.version}</version>
 *     <scope>test</scope>
 *   </dependency>
 * }</pre>
 *
 * <p>Then one class per repository:
 * <pre>{@code
 *   class JdbcUserRepositoryTest extends UserRepositoryContract {
 *       @Override
 *       protected UserRepository newRepository() {
 *           return new JdbcUserRepository(freshDatabase());   // a fresh, empty store for every test
 *       }
 *   }
 * }</pre>
 *
 * <p>What a host may declare instead of failing:
 * <ul>
 *   <li>{@code unsupportedAttributes()}: attributes its store does not keep; they are not compared and filters on
 *       them are not tried.</li>
 *   <li>{@code capabilities()} of the repository itself: a filter it does not claim to support, or sorting when
 *       it does not sort, is skipped (reported as skipped, not passed).</li>
 *   <li>{@code deleteDeactivates()} and {@code assertDeactivated(..)} on users: delete deactivates instead of
 *       removing.</li>
 *   <li>{@code newMembers(int)} on groups: members that exist in the host's store.</li>
 * </ul>
 * Everything else is the contract of {@link org.scim2j.spi.ResourceRepository}, and failing it is a bug. That
 * includes declaring only what the repository does: every probe filter made from the stored resources' values
 * that {@code capabilities().filtering()} claims must find exactly the matching resources
 * ({@code everyDeclaredFilterReallyFilters}); a repository that declares nothing is always right, as the service
 * then filters and sorts in memory. A failure that one of these hooks can relax says so, with the values to return (for example
 * {@code override unsupportedAttributes() to return them, e.g. Set.of("title", "name.middleName")}).
 *
 * <p>A case that does not apply is reported as skipped, with the reason ({@code not run: capabilities().sorting()
 * is false ...}). The filter cases are named by the filter and what it must find
 * ({@code search: userName eq "BJENSEN" finds [bjensen]}); IDEs show these names. Surefire's reports show
 * {@code searchHonoursEverySupportedFilter(Filter, List, List)[2]} instead unless its JUnit 5 XML reporter is told
 * to use display names ({@code usePhrasedTestCaseMethodName}; the README shows the configuration). The kit needs
 * Surefire (or Failsafe) 2.22 or later, which runs the JUnit Platform; Maven 3.8's default Surefire, 2.12.4, does
 * not, so declare the plugin's version.
 *
 * <p>The sub-package {@link org.scim2j.testkit.idp} holds the Okta and Entra ID contract suites, which check a
 * host's whole SCIM endpoint over HTTP rather than one repository.
 *
 * <p>The tests need no clock and never sleep; the concurrency tests release their threads together with a start
 * gate.
 */
package org.scim2j.testkit;
