package org.scim2j.spi;

import org.scim2j.core.error.ScimException;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A host's store of one resource type, seen through SCIM. The protocol service ({@code ScimService}) validates
 * requests, applies PATCH, projects attributes and writes responses; a repository only stores and finds.
 *
 * <p>Contract, which the {@code scim-testkit} artifact ({@code org.scim2j.testkit}) checks:
 * <ul>
 *   <li>Ids are assigned by the repository, stable, unique and case-sensitive (RFC 7643 §3.1).</li>
 *   <li>Every stored resource carries {@code meta.created}, {@code meta.lastModified} and {@code meta.version};
 *       the version changes on every real change. The service fills {@code meta.resourceType} and
 *       {@code meta.location}.</li>
 *   <li>Uniqueness (e.g. {@code userName}, case-insensitively) is enforced by the store and reported with
 *       {@link UniquenessException}, also under concurrent writes.</li>
 *   <li>A missing resource is {@link Optional#empty()} from {@link #get} and a 404 {@link ScimException} from
 *       {@link #replace} and {@link #delete}.</li>
 *   <li>Failures of the store itself are thrown as unchecked exceptions; the service turns them into a 500 with
 *       a generic detail and logs them. Never wrap a store failure in a {@link ScimException}: its detail reaches
 *       the client.</li>
 * </ul>
 *
 * @param <T> the resource model: {@code User}, {@code Group}, or {@code GenericResource} for custom types
 */
public interface ResourceRepository<T> {

    /**
     * Stores a new resource. The argument has no {@code id} and no {@code meta}; read-only input has been dropped.
     *
     * @return the stored resource with its id and meta
     * @throws UniquenessException if a unique attribute is taken
     */
    T create(T resource, RequestContext context);

    /** The resource with this id, or empty. A deleted (or, for SonarQube-like hosts, unlinked) id is empty. */
    Optional<T> get(String id, RequestContext context);

    /**
     * Replaces a resource (PUT, and the write of a PATCH).
     *
     * @param expectedVersion {@code meta.version} the caller read; when not null the write must fail with
     *                        {@link VersionConflictException} if the stored version differs (compare-and-set)
     * @return the stored resource
     * @throws UniquenessException      if a unique attribute is taken
     * @throws VersionConflictException if {@code expectedVersion} is stale
     * @throws ScimException            404 if there is no such resource
     */
    T replace(String id, T resource, String expectedVersion, RequestContext context);

    /**
     * Deletes a resource. What deleting means is the host's choice (RFC 7644 §3.6): a SonarQube-like host
     * deactivates its user and unlinks the SCIM id; afterwards {@link #get} is empty for that id.
     *
     * @param expectedVersion as for {@link #replace}
     * @throws ScimException 404 if there is no such resource
     */
    void delete(String id, String expectedVersion, RequestContext context);

    /**
     * Finds resources. The request's filter is only ever one that {@link RepositoryCapabilities#filtering()}
     * accepts (or none); results come in a stable order ({@code sortBy} if given and supported, then id).
     */
    Page<T> search(SearchRequest request, RequestContext context);

    /**
     * What this repository can do natively; the service does the rest or rejects it, as configured. The default
     * ({@link RepositoryCapabilities#defaults()}) declares nothing, which is always correct; a repository that
     * filters or sorts natively declares it, and the testkit checks that it really does.
     */
    default RepositoryCapabilities capabilities() {
        return RepositoryCapabilities.defaults();
    }

    /**
     * Whether {@link #modify} is implemented. The service then writes PUT and PATCH through it, so that concurrent
     * writers of one resource queue instead of conflicting; otherwise it reads, changes and {@link #replace}s with
     * compare-and-set, and retries on a {@link VersionConflictException}.
     */
    default boolean supportsAtomicModify() {
        return false;
    }

    /**
     * Reads, changes and writes one resource as one unit that no other write of the same resource can interleave
     * with, on any node that shares the store: a relational store runs it in one transaction that locks the
     * resource's row first ({@code SELECT ... FOR UPDATE}). Identity providers send no {@code If-Match} and several
     * changes to one resource at nearly the same time; without a precondition every one of them must apply, one
     * after the other (RFC 7644 §3.14).
     *
     * <p>{@code change} gets the stored resource and returns the resource to store, or its argument itself to store
     * nothing (the version then stays). It checks the client's {@code If-Match} against what it gets and may throw a
     * {@link ScimException} (412, 400, ...): nothing is written then and the exception propagates. It has no side
     * effects and must not call this repository, so a store may apply it more than once: the example host applies
     * it to the resource it read without a lock, takes the lock only when the change writes something (an unchanged
     * PUT, which Okta sends on every sync, then stays a read-only transaction), and applies it again under the
     * lock if another writer committed in between.
     *
     * @return the stored resource after the change (the one read when nothing was written)
     * @throws ScimException       404 if there is no such resource
     * @throws UniquenessException if the change takes a unique value
     */
    default T modify(String id, UnaryOperator<T> change, RequestContext context) {
        throw ScimException.notImplemented("this repository has no atomic modify (supportsAtomicModify() is false)");
    }
}
