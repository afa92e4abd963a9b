package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimException;
import org.scim2j.spi.VersionConflictException;
import org.scim2j.spi.service.ScimRequest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Conditional requests and optimistic concurrency for single-resource writes (RFC 7644 §3.14, RFC 9110 §13.1).
 *
 * <p>Every read-modify-write passes the version it read to the repository as {@code expectedVersion}, so that a
 * concurrent change makes the repository throw {@link VersionConflictException} instead of being overwritten.
 * Then:
 * <ul>
 *   <li>with a client {@code If-Match}, the client's precondition no longer holds: 412;</li>
 *   <li>without one, the service re-reads and re-applies the request, up to {@code maxConflictRetries} more times,
 *       each after a random pause ("full jitter": up to 5 ms, doubling per attempt, at most 200 ms) so that
 *       writers that collided do not collide again in lockstep. When those are used up the answer is 409 (a
 *       conflict with the current state, RFC 9110 §15.5.10) whose detail says to retry, not 412: the client sent no
 *       precondition that could have failed. RFC 7644 §3.12 defines no {@code scimType} for it, so none is sent.</li>
 * </ul>
 * Stores with atomic modify ({@code ResourceRepository#supportsAtomicModify()}) never get here: their writers queue
 * on the store's lock instead.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Checks {@code If-Match} against the stored version: {@code *} matches any existing resource, otherwise one of
     * the listed tags must match weakly.
     *
     * @throws ScimException 412 if it does not match
     */
    static void requireIfMatch(ScimRequest request, String version, String what) {
        String header = request.header("If-Match");
        if (header == null || header.trim().equals("*")) {
            return;
        }
        if (!Versions.matches(header, version)) {
            throw ScimException.preconditionFailed("If-Match " + header + " does not match the current version "
                    + (version == null ? "(none)" : Versions.etag(version)) + " of " + what);
        }
    }

    /** Whether {@code If-None-Match} matches the stored version (a GET then answers 304). */
    static boolean ifNoneMatch(ScimRequest request, String version) {
        String header = request.header("If-None-Match");
        return header != null && (header.trim().equals("*") || Versions.matches(header, version));
    }

    /**
     * Runs one read-modify-write attempt, and again after a {@link VersionConflictException} as the class comment
     * says.
     *
     * @param retries the most retries without a client {@code If-Match}
     * @throws ScimException 412 on a conflict under a client {@code If-Match}; 409 when retries are used up
     */
    static <R> R withConflictRetries(ScimRequest request, int retries, String what, Supplier<R> attempt) {
        boolean clientPrecondition = request.header("If-Match") != null;
        for (int tried = 0; ; tried++) {
            try {
                return attempt.get();
            } catch (VersionConflictException e) {
                if (clientPrecondition) {
                    throw ScimException.preconditionFailed(what + " changed after it was read; If-Match "
                            + request.header("If-Match") + " no longer holds");
                }
                if (tried >= retries) {
                    throw ScimException.conflict(what + " kept changing concurrently; gave up after " + (tried + 1)
                            + (tried == 0 ? " attempt" : " attempts") + ": send the request again");
                }
                pause(tried);
            }
        }
    }

    /** A random pause before retry {@code tried} + 1: up to 5 ms × 2^tried, at most 200 ms. */
    private static void pause(int tried) {
        long bound = Math.min(200, 5L << Math.min(tried, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a write", e);
        }
    }
}
