package org.scim2j.examples.sonar.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.resource.User;
import org.scim2j.filter.Filter;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code SCIM_SEARCH_TIMEOUT}: a search whose statement outlives the limit is cancelled in the database and answered
 * with 400 {@code tooMany} (RFC 7644 §3.12: more than the server is willing to process), not a 5xx. The slow
 * statement is made deterministic without sleeping: another transaction holds a lock on {@code scim_users}, so the
 * search waits until the driver cancels it.
 */
@EnabledIfEnvironmentVariable(named = TestStore.PG_URL, matches = "jdbc:postgresql:.*")
class PostgresSearchTimeoutTest {

    private static final RequestContext CTX = RequestContext.system();

    @Test
    void aSearchOverTheLimitIs400TooManyAndItsStatementStopsInTheDatabase() throws Exception {
        try (TestStore store = TestStore.postgres()) {
            JdbcUserRepository users = new JdbcUserRepository(store.database, Clock.systemUTC(),
                    UnmappedAttributes.KEEP, Adoption.SAML, new SearchTimeout(Duration.ofSeconds(1)));
            users.create(User.builder().userName("bjensen").title("Tour Guide").build(), CTX);
            SearchRequest coTitle = SearchRequest.all(100).withFilter(Filter.parse("title co \"guide\""));

            try (Connection locker = store.database.dataSource().getConnection();
                 Statement s = locker.createStatement()) {
                locker.setAutoCommit(false);
                s.execute("LOCK TABLE scim_users IN ACCESS EXCLUSIVE MODE");

                ScimException refused = catchThrowableOfType(() -> users.search(coTitle, CTX), ScimException.class);

                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.scimType()).isEqualTo(ScimType.TOO_MANY);
                assertThat(refused.detail()).contains("search limit of 1 s");
                // the cancelled statement no longer waits for the lock (it would run on after the answer otherwise)
                assertThat(waitingForScimUsers(s)).isZero();
                locker.rollback();
            }
            assertThat(users.search(coTitle, CTX).resources()).extracting(User::userName).containsExactly("bjensen");
        }
    }

    private static int waitingForScimUsers(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE relation = 'scim_users'::regclass"
                + " AND NOT granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
