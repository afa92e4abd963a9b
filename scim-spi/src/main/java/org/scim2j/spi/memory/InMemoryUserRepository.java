package org.scim2j.spi.memory;

import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.UserRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A thread-safe {@link UserRepository} in memory, <b>for tests and prototypes</b>: nothing survives a restart, and
 * every call takes one lock. {@code userName} is unique ignoring case; every filter and sort is evaluated here.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryStore<User> store;

    /** An empty repository for the standard User schema. */
    public InMemoryUserRepository() {
        this(SchemaRegistry.standard(), ScimJson.defaults(), Clock.systemUTC());
    }

    /**
     * @param registry the registry holding the User resource type
     * @param json     the JSON conversions
     * @param clock    the clock for {@code meta.created} / {@code meta.lastModified}
     */
    public InMemoryUserRepository(SchemaRegistry registry, ScimJson json, Clock clock) {
        this.store = new InMemoryStore<>(registry, registry.resourceType(Schemas.USER_RESOURCE_TYPE.name())
                .orElseThrow(), json::toTree, tree -> json.toTyped(tree, User.class), clock);
    }

    @Override
    public User create(User resource, RequestContext context) {
        return store.create(resource);
    }

    @Override
    public Optional<User> get(String id, RequestContext context) {
        return store.get(id);
    }

    @Override
    public User replace(String id, User resource, String expectedVersion, RequestContext context) {
        return store.replace(id, resource, expectedVersion);
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        store.delete(id, expectedVersion);
    }

    @Override
    public Page<User> search(SearchRequest request, RequestContext context) {
        return store.search(request);
    }

    /** Every filter and every sort is evaluated here. */
    @Override
    public RepositoryCapabilities capabilities() {
        return InMemoryStore.CAPABILITIES;
    }

    /** Writes are serialised on the store's lock. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    @Override
    public User modify(String id, UnaryOperator<User> change, RequestContext context) {
        return store.modify(id, change);
    }

    /** How many users are stored. */
    public int size() {
        return store.size();
    }
}
