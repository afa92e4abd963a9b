/**
 * A compliance kit for repository implementers: abstract JUnit 5 tests of the
 * {@link org.scim2j.spi.ResourceRepository} contract that a host's repository extends to prove it behaves.
 * {@link org.scim2j.spi.testkit.UserRepositoryContract} checks a {@link org.scim2j.spi.UserRepository} and
 * {@link org.scim2j.spi.testkit.GroupRepositoryContract} a {@link org.scim2j.spi.GroupRepository}; both run the
 * rules they share from {@link org.scim2j.spi.testkit.ResourceRepositoryContract}.
 *
 * <p>The kit ships as the test-jar of {@code scim-spi}. A host module depends on it, and on JUnit 5 and AssertJ,
 * which the test-jar does not bring along (test-scoped dependencies are not transitive). Take the
 * {@code junit-jupiter} aggregate, not only {@code junit-jupiter-api}: the kit uses parameterized tests.
 * <pre>{@code
 *   <dependency>
 *     <groupId>org.scim2j</groupId>
 *     <artifactId>scim-spi</artifactId>
 *     <version>${scim2j.version}</version>
 *     <type>test-jar</type>
 *     <scope>test</scope>
 *   </dependency>
 *   <dependency>
 *     <groupId>org.junit.jupiter</groupId>
 *     <artifactId>junit-jupiter</artifactId>
 *     <scope>test</scope>
 *   </dependency>
 *   <dependency>
 *     <groupId>org.assertj</groupId>
 *     <artifactId>assertj-core</artifactId>
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
 * ({@code everyDeclaredFilterReallyFilters}). A repository that declares nothing is always right: the service then
 * filters and sorts in memory.
 *
 * <p>The tests need no clock and never sleep; the concurrency tests release their threads together with a start
 * gate.
 */
package org.scim2j.spi.testkit;
