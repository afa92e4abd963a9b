package org.scim2j.examples.hooks;

import org.scim2j.core.resource.User;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A decorator that runs every write of a {@link UserRepository} in the host's transaction, together with the host's
 * own bookkeeping for it (an audit row, an outbox message), so that both commit or neither does. Observers run after
 * the repository returned, that is after the commit: what must be atomic with the write belongs here.
 */
// tag::transaction[]
public final class TransactionalUserRepository implements UserRepository {

    /** Runs work in one transaction of the host (Spring: {@code w -> tx.execute(status -> w.get())}). */
    @FunctionalInterface
    public interface Transactions {
        <T> T inTransaction(Supplier<T> work);
    }

    /** What the host records in the same transaction as the write. */
    @FunctionalInterface
    public interface Bookkeeping {
        void record(String what, String id, RequestContext context);
    }

    private final UserRepository users;
    private final Transactions tx;
    private final Bookkeeping bookkeeping;

    public TransactionalUserRepository(UserRepository users, Transactions tx, Bookkeeping bookkeeping) {
        this.users = users;
        this.tx = tx;
        this.bookkeeping = bookkeeping;
    }

    @Override
    public User create(User user, RequestContext context) {
        return tx.inTransaction(() -> {
            User created = users.create(user, context);
            bookkeeping.record("created", created.id(), context);
            return created;
        });
    }

    @Override
    public User replace(String id, User user, String expectedVersion, RequestContext context) {
        return tx.inTransaction(() -> {
            User replaced = users.replace(id, user, expectedVersion, context);
            bookkeeping.record("replaced", id, context);
            return replaced;
        });
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        tx.inTransaction(() -> {
            users.delete(id, expectedVersion, context);
            bookkeeping.record("deleted", id, context);
            return null;
        });
    }

    @Override
    public Optional<User> get(String id, RequestContext context) {
        return users.get(id, context);
    }

    @Override
    public Page<User> search(SearchRequest request, RequestContext context) {
        return users.search(request, context);
    }

    @Override
    public RepositoryCapabilities capabilities() {
        return users.capabilities();   // keep what the store filters and sorts natively
    }
}
// end::transaction[]
