package org.scim2j.spi.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.Member;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.MembershipChange;
import org.scim2j.spi.Page;
import org.scim2j.spi.RepositoryCapabilities;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.SearchRequest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;

/**
 * A thread-safe {@link GroupRepository} in memory, <b>for tests and prototypes</b>, with native membership
 * changes ({@link #update}) so that the service's membership-delta path is exercised.
 */
public final class InMemoryGroupRepository implements GroupRepository {

    private final InMemoryStore<Group> store;
    private final ScimJson json;
    /** How member ids compare: the schema's {@code members.value} (RFC 7643 §8.7.1: not {@code caseExact}). */
    private final AttributeDefinition memberValue;

    /** An empty repository for the standard Group schema. */
    public InMemoryGroupRepository() {
        this(SchemaRegistry.standard(), ScimJson.defaults(), Clock.systemUTC());
    }

    /**
     * @param registry the registry holding the Group resource type
     * @param json     the JSON conversions
     * @param clock    the clock for {@code meta.created} / {@code meta.lastModified}
     */
    public InMemoryGroupRepository(SchemaRegistry registry, ScimJson json, Clock clock) {
        this.json = json;
        ResourceType type = registry.resourceType(Schemas.GROUP_RESOURCE_TYPE.name()).orElseThrow();
        this.store = new InMemoryStore<>(registry, type, json::toTree, tree -> json.toTyped(tree, Group.class),
                clock);
        this.memberValue = registry.find(type, AttributePath.parse("members.value")).orElseThrow().target();
    }

    @Override
    public Group create(Group resource, RequestContext context) {
        return store.create(resource);
    }

    @Override
    public Optional<Group> get(String id, RequestContext context) {
        return store.get(id);
    }

    @Override
    public Group replace(String id, Group resource, String expectedVersion, RequestContext context) {
        return store.replace(id, resource, expectedVersion);
    }

    @Override
    public void delete(String id, String expectedVersion, RequestContext context) {
        store.delete(id, expectedVersion);
    }

    @Override
    public Page<Group> search(SearchRequest request, RequestContext context) {
        return store.search(request);
    }

    /** Every filter and every sort is evaluated here. */
    @Override
    public RepositoryCapabilities capabilities() {
        return InMemoryStore.CAPABILITIES;
    }

    @Override
    public boolean supportsMembershipChanges() {
        return true;
    }

    @Override
    public Group update(String id, Group attributes, MembershipChange members, String expectedVersion,
                        RequestContext context) {
        synchronized (store) {
            ObjectNode current = store.getJson(id);
            if (current == null) {
                throw ScimException.notFound("Group", id);
            }
            Map<String, JsonNode> list = new LinkedHashMap<>();
            current.path("members").forEach(m -> list.put(memberValue.valueKey(m.path("value").asText()), m));
            Set<String> before = Set.copyOf(list.keySet());
            if (members.removeAll()) {
                list.clear();
            }
            members.removed().forEach(member -> list.remove(memberValue.valueKey(member)));
            for (Member m : members.added()) {
                list.putIfAbsent(memberValue.valueKey(m.value()), json.toTree(m));
            }
            if (attributes == null && list.keySet().equals(before)) {
                // Identity providers re-send memberships: a delta that changes none is no change (the version stays).
                store.requireVersion(id, expectedVersion);
                return json.toTyped(current, Group.class);
            }
            ObjectNode next = attributes == null ? current : json.toTree(attributes);
            next.remove("members");
            if (!list.isEmpty()) {
                ArrayNode array = next.putArray("members");
                list.values().forEach(array::add);
            }
            ObjectNode stored = store.replaceJson(id, next, expectedVersion);
            return json.toTyped(stored, Group.class);
        }
    }

    /** Writes are serialised on the store's lock. */
    @Override
    public boolean supportsAtomicModify() {
        return true;
    }

    @Override
    public Group modify(String id, UnaryOperator<Group> change, RequestContext context) {
        return store.modify(id, change);
    }

    @Override
    public Group modify(String id, UnaryOperator<Group> attributes, MembershipChange members,
                       RequestContext context) {
        synchronized (store) {
            Group current = store.get(id).orElseThrow(() -> ScimException.notFound("Group", id));
            Group withoutMembers = current.toBuilder().members(List.of()).build();
            Group changed = attributes.apply(withoutMembers);
            return update(id, changed == withoutMembers ? null : changed, members, null, context);
        }
    }

    /** How many groups are stored. */
    public int size() {
        return store.size();
    }
}
