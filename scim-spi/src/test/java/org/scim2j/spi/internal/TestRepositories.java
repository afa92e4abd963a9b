package org.scim2j.spi.internal;

import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.VersionConflictException;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Repository wrappers that count and script what the service asks of a store. */
final class TestRepositories {

    private TestRepositories() {
    }

    /** An in-memory group store that records replace and update calls; native membership can be switched off. */
    static final class CountingGroups implements GroupRepository {
        final InMemoryGroupRepository delegate = new InMemoryGroupRepository();
        final AtomicInteger replaces = new AtomicInteger();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger getsWithoutMembers = new AtomicInteger();
        final List<MembershipChange> updates = new CopyOnWriteArrayList<>();
        private final boolean nativeMembership;
        private volatile CountDownLatch readGate;

        CountingGroups(boolean nativeMembership) {
            this.nativeMembership = nativeMembership;
        }

        @Override
        public Group create(Group resource, RequestContext context) {
            return delegate.create(resource, context);
        }

        /**
         * Holds every read until {@code readers} reads have arrived, once: then every one of them has read the same
         * version before any of them writes, the interleaving a lost update needs.
         */
        void gateReads(int readers) {
            readGate = new CountDownLatch(readers);
        }

        private void passGate() {
            CountDownLatch gate = readGate;
            if (gate == null) {
                return;
            }
            gate.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("fewer readers than the gate expects");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<Group> get(String id, RequestContext context) {
            gets.incrementAndGet();
            passGate();
            return delegate.get(id, context);
        }

        @Override
        public Group replace(String id, Group resource, String expectedVersion, RequestContext context) {
            replaces.incrementAndGet();
            return delegate.replace(id, resource, expectedVersion, context);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            delegate.delete(id, expectedVersion, context);
        }

        @Override
        public Page<Group> search(SearchRequest request, RequestContext context) {
            return delegate.search(request, context);
        }

        @Override
        public boolean supportsMembershipChanges() {
            return nativeMembership;
        }

        @Override
        public Optional<Group> getWithoutMembers(String id, RequestContext context) {
            getsWithoutMembers.incrementAndGet();
            passGate();
            return delegate.getWithoutMembers(id, context);
        }

        @Override
        public Group update(String id, Group attributes, MembershipChange members, String expectedVersion,
                            RequestContext context) {
            updates.add(members);
            return delegate.update(id, attributes, members, expectedVersion, context);
        }
    }

    /**
     * An in-memory user store that can pretend to hold a password (returned by {@code get}, as some stores do), fail
     * the next replaces with a version conflict, and records every replace.
     */
    static final class ScriptedUsers implements UserRepository {
        final InMemoryUserRepository delegate = new InMemoryUserRepository();
        final List<User> replaced = new CopyOnWriteArrayList<>();
        final AtomicInteger conflictsLeft = new AtomicInteger();
        volatile String storedPassword;

        @Override
        public User create(User resource, RequestContext context) {
            return delegate.create(resource, context);
        }

        @Override
        public Optional<User> get(String id, RequestContext context) {
            return delegate.get(id, context).map(u -> storedPassword == null ? u
                    : u.toBuilder().password(storedPassword).build());
        }

        @Override
        public User replace(String id, User resource, String expectedVersion, RequestContext context) {
            replaced.add(resource);
            if (conflictsLeft.getAndDecrement() > 0) {
                throw new VersionConflictException("scripted conflict");
            }
            return delegate.replace(id, resource, expectedVersion, context);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            delegate.delete(id, expectedVersion, context);
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            return delegate.search(request, context);
        }
    }

    /** A store whose every call fails like a database that went away, with secrets in the message. */
    static final class BrokenUsers implements UserRepository {
        static final String SECRET_MESSAGE = "jdbc:postgresql://db.internal:5432/scim password=hunter2 refused";

        @Override
        public User create(User resource, RequestContext context) {
            throw new IllegalStateException(SECRET_MESSAGE);
        }

        @Override
        public Optional<User> get(String id, RequestContext context) {
            throw new IllegalStateException(SECRET_MESSAGE);
        }

        @Override
        public User replace(String id, User resource, String expectedVersion, RequestContext context) {
            throw new IllegalStateException(SECRET_MESSAGE);
        }

        @Override
        public void delete(String id, String expectedVersion, RequestContext context) {
            throw new IllegalStateException(SECRET_MESSAGE);
        }

        @Override
        public Page<User> search(SearchRequest request, RequestContext context) {
            throw new IllegalStateException(SECRET_MESSAGE);
        }
    }
}
