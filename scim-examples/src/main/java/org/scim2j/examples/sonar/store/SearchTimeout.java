package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long one statement of a search ({@code GET /Users?filter=...}, {@code /Groups}) may run
 * ({@code SCIM_SEARCH_TIMEOUT}). A filter no index serves ({@code co}, {@code ew}, {@code pr} on document
 * attributes, see the module README) reads every row: seconds at 1,000,000 users. The statement gets a JDBC query
 * timeout, so the driver cancels it in the database when the time is up (PostgreSQL's and H2's SQLState
 * {@code 57014}, "query canceled"), and the client gets a SCIM error instead of waiting or a 500.
 *
 * <p>The error is 400 {@code tooMany} (RFC 7644 §3.12: "The specified filter yields many more results than the
 * server is willing to calculate or process"): the cost comes from the filter, so retrying the same request would
 * be refused again; a 5xx would tell clients to retry it, and 408 is a client that was too slow to send. The
 * service answers the same for a filter it would have to evaluate over too many resources in memory.
 *
 * @param limit the time one statement may take; {@link Duration#ZERO} for no limit
 */
public record SearchTimeout(Duration limit) {

    /** {@code SCIM_SEARCH_TIMEOUT}'s default: 10 seconds, well inside identity providers' request timeouts. */
    public static final SearchTimeout DEFAULT = new SearchTimeout(Duration.ofSeconds(10));

    /** No limit. */
    public static final SearchTimeout NONE = new SearchTimeout(Duration.ZERO);

    private static final String QUERY_CANCELED = "57014";

    /** Checks the limit: whole seconds (JDBC query timeouts are seconds), not negative. */
    public SearchTimeout {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("a search timeout is a whole number of seconds, not " + limit);
        }
    }

    /** The bound of one search's statements, from now. */
    Budget start() {
        return new Budget(limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos());
    }

    /**
     * One search's statements share the limit: each may run for what is left of it (at least a second, JDBC's unit),
     * so a request ends within about the limit however many statements it runs.
     */
    final class Budget {
        private final long deadline;

        private Budget(long deadline) {
            this.deadline = deadline;
        }

        /** Bounds the statement by what is left (no bound with {@link #NONE}). */
        void bound(PreparedStatement statement) throws SQLException {
            if (limit.isZero()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw exceeded();
            }
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, (left + 999_999_999L)
                    / 1_000_000_000L)));
        }
    }

    /**
     * The SCIM error for a search whose statement the database cancelled on this timeout; other store failures are
     * rethrown as they are.
     */
    RuntimeException translate(Database.StoreException failure) {
        Throwable cause = failure.getCause();
        if (!limit.isZero() && cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
            return exceeded();
        }
        return failure;
    }

    private ScimException exceeded() {
        return ScimException.tooMany("the filter took longer than this server's search limit of "
                + limit.getSeconds() + " s: it reads too many resources; an eq filter on an identifier or a name "
                + "is served by an index");
    }
}
