package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A read-modify-write of one resource in the transaction it is given, for the repositories'
 * {@code modify(id, change)}: it reads the resource and applies the change; only when the change writes something
 * does it lock the host row ({@link HostLink#lock}), and if another writer committed in between, it reads and
 * applies the change again under the lock before writing. Concurrent writers of one resource, on any node sharing
 * the database, so run one after the other instead of failing on a version conflict. A change that writes nothing
 * (Okta's AIW push of an unchanged resource) stays a read-only transaction: a row lock is itself a write on
 * PostgreSQL, and its commit would wait for the log to be flushed.
 */
final class AtomicModify {

    private AtomicModify() {
    }

    /** Reads a resource by SCIM id in the open transaction. */
    @FunctionalInterface
    interface Read<T> {
        Optional<T> read(Connection c, String id) throws SQLException;
    }

    /** Writes {@code next} over {@code current}, both as this transaction sees them under the lock. */
    @FunctionalInterface
    interface Write<T> {
        T write(Connection c, T next, T current) throws SQLException;
    }

    /**
     * @param version the resource's {@code meta.version}
     * @return what was written, or the resource as read when the change writes nothing
     * @throws ScimException 404 when the id names no resource
     */
    static <T> T apply(Connection c, HostLink link, String id, Read<T> read, Function<T, String> version,
                       UnaryOperator<T> change, Write<T> write) throws SQLException {
        T current = read.read(c, id).orElseThrow(() -> ScimException.notFound(link.resourceType(), id));
        T next = change.apply(current);
        if (next == current) {
            return current;
        }
        if (!link.lock(c, id).equals(version.apply(current))) {
            current = read.read(c, id).orElseThrow(() -> ScimException.notFound(link.resourceType(), id));
            next = change.apply(current);
            if (next == current) {
                return current;
            }
        }
        return write.write(c, next, current);
    }
}
