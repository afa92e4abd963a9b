package org.scim2j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.Filter;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.Page;
import org.scim2j.spi.RequestContext;
import org.scim2j.spi.ResourceRepository;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.VersionConflictException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The part of the {@link ResourceRepository} contract that every resource type shares: ids, meta and versions,
 * get / replace / delete, compare-and-set, index paging, and RFC 9865 cursor paging when
 * {@code capabilities().cursorPaging()}. Hosts extend {@link UserRepositoryContract} or
 * {@link GroupRepositoryContract}, not this class.
 *
 * @param <T> the resource model
 * @param <R> the repository type
 *
 * <p>Why it is long (over 400 lines): one test per clause shared by every repository, each small and named for it.
 */
public abstract class ResourceRepositoryContract<T, R extends ResourceRepository<T>> {

    private static final ScimJson PROBE_JSON = ScimJson.defaults();

    private R repository;

    /** Package-private: only the kit's own contracts extend this class. */
    ResourceRepositoryContract() {
    }

    /**
     * A new repository over a fresh, empty store. Called once per test, on first use inside the test, so after
     * the subclass's own {@code @BeforeEach} methods.
     */
    protected abstract R newRepository();

    /** The repository under test, from {@link #newRepository()}: a fresh one for every test. */
    protected final R repository() {
        if (repository == null) {
            repository = newRepository();
            assertThat(repository).as("newRepository()").isNotNull();
        }
        return repository;
    }

    /**
     * The attributes the store does not keep, left out when the kit compares what it stored with what it returns:
     * top-level names ({@code nickName}), sub-attributes ({@code name.middleName}, {@code emails.display}, which
     * apply to every value) or an extension URN. Filters on these attributes are not tried. Default: none.
     */
    protected Set<String> unsupportedAttributes() {
        return Set.of();
    }

    /** The context passed to every call. Default: {@link RequestContext#system()}. */
    protected RequestContext context() {
        return RequestContext.system();
    }

    /** A valid new resource, distinct from any other {@code index}, without id and meta. */
    abstract T sample(int index);

    /** What a client would PUT to change {@code stored} for real (id and meta kept as read). */
    abstract T changed(T stored);

    abstract String idOf(T resource);

    abstract Meta metaOf(T resource);

    /** Attribute paths that are never compared for this type (e.g. read-only ones the store derives). */
    abstract Set<String> derivedAttributes();

    /** The resource type under test, from {@link SchemaRegistry#standard()}. */
    abstract ResourceType resourceType();

    @BeforeEach
    final void forgetTheRepository() {
        // Also with @TestInstance(PER_CLASS), every test gets its own repository().
        repository = null;
    }

    /** Every attribute path the comparisons skip. */
    final Set<String> ignoredInComparison() {
        Set<String> ignored = new LinkedHashSet<>(derivedAttributes());
        ignored.addAll(unsupportedAttributes());
        return ignored;
    }

    /** Whether the store keeps the attribute: neither it nor its parent (attribute or extension) is unsupported. */
    final boolean stores(String attribute) {
        String path = attribute.toLowerCase(Locale.ROOT);
        return unsupportedAttributes().stream().map(a -> a.toLowerCase(Locale.ROOT))
                .noneMatch(a -> path.equals(a) || path.startsWith(a + ".") || path.startsWith(a + ":"));
    }

    final T create(T resource) {
        return repository().create(resource, context());
    }

    final T get(String id) {
        return repository().get(id, context()).orElseThrow(() -> new AssertionError("no resource with id " + id));
    }

    final Page<T> search(SearchRequest request) {
        Page<T> page = repository().search(request, context());
        assertThat(page.resources().size()).as("page size").isLessThanOrEqualTo(request.count());
        return page;
    }

    static SearchRequest page(int startIndex, int count) {
        return new SearchRequest(null, null, SortOrder.ASCENDING, startIndex, count, null, AttributeSelection.all());
    }

    final List<String> ids(Page<T> page) {
        return page.resources().stream().map(this::idOf).toList();
    }

    /** What the call throws; fails, saying what was expected, if it returns normally. */
    static Throwable thrown(String expected, ThrowingCallable call) {
        Throwable thrown = Assertions.catchThrowable(call);
        assertThat(thrown).as("expected %s, but the call returned normally", expected).isNotNull();
        return thrown;
    }

    /** Asserts a {@link ScimException} with this status, e.g. {@code ScimException.notFound("User", id)}. */
    static void assertStatus(Throwable thrown, int status) {
        assertThat(thrown).as("a ScimException with status %d (e.g. ScimException.notFound(type, id) for 404)",
                status).isInstanceOf(ScimException.class);
        assertThat(((ScimException) thrown).status()).as("status of " + thrown).isEqualTo(status);
    }

    @Test
    void createAssignsANonEmptyIdAndMeta() {
        T created = create(sample(1));
        assertThat(idOf(created)).as("id").isNotBlank();
        Comparisons.assertStoredMeta(metaOf(created));
    }

    @Test
    void createAssignsUniqueIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(idOf(create(sample(i))));
        }
        assertThat(ids).hasSize(20);
    }

    @Test
    void createStoresTheAttributesAndGetReturnsTheStoredResource() {
        T input = sample(1);
        T created = create(input);
        Comparisons.assertSameAttributes(created, input, ignoredInComparison(), "created vs. input");
        T read = get(idOf(created));
        assertThat(idOf(read)).isEqualTo(idOf(created));
        Comparisons.assertSameAttributes(read, input, ignoredInComparison(), "read vs. input");
        Comparisons.assertSameMeta(metaOf(read), metaOf(created));
    }

    @Test
    void getOfAnUnknownIdIsEmpty() {
        T created = create(sample(1));
        assertThat(repository().get("no-such-id-" + idOf(created), context())).isEmpty();
        assertThat(repository().get("", context())).isEmpty();
    }

    @Test
    void idsAreCaseSensitive() {
        T created = create(sample(1));
        String id = idOf(created);
        String otherCase = id.equals(id.toUpperCase(Locale.ROOT)) ? id.toLowerCase(Locale.ROOT)
                : id.toUpperCase(Locale.ROOT);
        // An id without letters has no other case; the rule then holds trivially.
        if (!otherCase.equals(id)) {
            assertThat(repository().get(otherCase, context())).as("get(%s) of id %s", otherCase, id).isEmpty();
        }
        assertThat(repository().get(id, context())).isPresent();
    }

    @Test
    void replaceChangesTheValuesAndTheVersionAndKeepsIdAndCreated() {
        T created = create(sample(1));
        T change = changed(created);
        T replaced = repository().replace(idOf(created), change, null, context());
        assertThat(idOf(replaced)).isEqualTo(idOf(created));
        Comparisons.assertStoredMeta(metaOf(replaced));
        assertThat(metaOf(replaced).version()).isNotEqualTo(metaOf(created).version());
        assertThat(metaOf(replaced).created().toInstant()).isEqualTo(metaOf(created).created().toInstant());
        assertThat(metaOf(replaced).lastModified()).isAfterOrEqualTo(metaOf(created).lastModified());
        T read = get(idOf(created));
        Comparisons.assertSameAttributes(read, change, ignoredInComparison(), "read after replace vs. replacement");
        Comparisons.assertSameMeta(metaOf(read), metaOf(replaced));
    }

    @Test
    void theVersionChangesOnEveryReplace() {
        T current = create(sample(1));
        Set<String> versions = new HashSet<>();
        versions.add(metaOf(current).version());
        for (int i = 0; i < 3; i++) {
            current = repository().replace(idOf(current), changed(current), metaOf(current).version(), context());
            versions.add(metaOf(current).version());
        }
        assertThat(versions).hasSize(4);
    }

    @Test
    void replaceWithAStaleVersionIsAConflictAndChangesNothing() {
        T created = create(sample(1));
        T replaced = repository().replace(idOf(created), changed(created), metaOf(created).version(), context());
        String stale = metaOf(created).version();
        String conflict = "VersionConflictException (412) for a replace with a stale expected version";
        assertThat(thrown(conflict, () -> repository().replace(idOf(created), changed(replaced), stale, context())))
                .as(conflict).isInstanceOf(VersionConflictException.class);
        assertThat(metaOf(get(idOf(created))).version()).isEqualTo(metaOf(replaced).version());
    }

    @Test
    void concurrentReplacesWithTheSameExpectedVersionLetExactlyOneWin() throws InterruptedException {
        R repository = repository();
        T created = create(sample(1));
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            tasks.add(() -> repository.replace(idOf(created), changed(created), metaOf(created).version(),
                    context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        String race = StartGate.THREADS + " concurrent replaces with the same expected version: exactly one wins and "
                + "the others get VersionConflictException (compare-and-set, e.g. UPDATE ... WHERE version = ?)";
        assertThat(outcomes).as(race).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        assertThat(outcomes).as(race).filteredOn(o -> o instanceof Throwable)
                .hasSize(StartGate.THREADS - 1).allMatch(o -> o instanceof VersionConflictException);
    }

    static final String NO_ATOMIC_MODIFY = "not run: supportsAtomicModify() is false (the service then reads, "
            + "changes and replaces with compare-and-set, and retries on a conflict)";

    @Test
    void concurrentCreatesOfDistinctResourcesAllSucceedWithDistinctIds() throws InterruptedException {
        R repository = repository();
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < StartGate.THREADS; i++) {
            T resource = sample(i);
            tasks.add(() -> repository.create(resource, context()));
        }
        List<Object> outcomes = StartGate.race(tasks);
        assertThat(outcomes).noneMatch(o -> o instanceof Throwable);
        @SuppressWarnings("unchecked")
        List<String> ids = outcomes.stream().map(o -> idOf((T) o)).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids(search(page(1, 100)))).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void replaceOfAnUnknownIdIsNotFound() {
        T created = create(sample(1));
        String unknown = "no-such-id-" + idOf(created);
        assertStatus(thrown("404 for replace of an unknown id",
                () -> repository().replace(unknown, changed(created), null, context())), 404);
    }

    @Test
    void deleteOfAnUnknownIdIsNotFound() {
        assertStatus(thrown("404 for delete of an unknown id",
                () -> repository().delete("no-such-id", null, context())), 404);
    }

    @Test
    void afterDeleteGetIsEmptyAndSearchDoesNotFindIt() {
        T kept = create(sample(1));
        T deleted = create(sample(2));
        repository().delete(idOf(deleted), metaOf(deleted).version(), context());
        String gone = "after delete the id is gone (RFC 7644 §3.6), also when delete only deactivates the host's "
                + "account: such a store unlinks the SCIM id, as the example's JdbcUserRepository does";
        assertThat(repository().get(idOf(deleted), context())).as("get: %s", gone).isEmpty();
        assertThat(repository().get(idOf(kept), context())).isPresent();
        Page<T> all = search(page(1, 100));
        assertThat(ids(all)).as("search: %s", gone).containsExactly(idOf(kept));
        assertThat(all.totalResults()).as("totalResults: %s", gone).isEqualTo(1);
        assertStatus(thrown("404 for a second delete: " + gone,
                () -> repository().delete(idOf(deleted), null, context())), 404);
        assertStatus(thrown("404 for replace of a deleted id: " + gone,
                () -> repository().replace(idOf(deleted), changed(deleted), null, context())), 404);
    }

    @Test
    void deleteWithAStaleVersionIsAConflictAndKeepsTheResource() {
        T created = create(sample(1));
        T replaced = repository().replace(idOf(created), changed(created), null, context());
        String conflict = "VersionConflictException (412) for a delete with a stale expected version";
        assertThat(thrown(conflict, () -> repository().delete(idOf(created), metaOf(created).version(), context())))
                .as(conflict).isInstanceOf(VersionConflictException.class);
        assertThat(metaOf(get(idOf(created))).version()).isEqualTo(metaOf(replaced).version());
    }

    @Test
    void indexPagingIsStableWithoutGapsOrDuplicates() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            created.add(idOf(create(sample(i))));
        }
        List<String> seen = new ArrayList<>();
        int[] sizes = {10, 10, 5};
        for (int p = 0; p < sizes.length; p++) {
            Page<T> page = search(page(1 + 10 * p, 10));
            assertThat(page.totalResults()).as("totalResults").isEqualTo(25);
            assertThat(page.resources()).as("page %d", p + 1).hasSize(sizes[p]);
            seen.addAll(ids(page));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        for (T found : search(page(1, 3)).resources()) {
            T read = get(idOf(found));
            Comparisons.assertSameAttributes(found, read, ignoredInComparison(), "found by search vs. read");
            Comparisons.assertSameMeta(metaOf(found), metaOf(read));
        }
        assertThat(ids(search(page(1, 25)))).as("the same order when read again").containsExactlyElementsOf(seen);
    }

    @Test
    void cursorPagingVisitsEveryResourceOnce() {
        assumeTrue(repository().capabilities().cursorPaging(),
                "not run: capabilities().cursorPaging() is false (no RFC 9865 cursors)");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            created.add(idOf(create(sample(i))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        for (int pages = 1; cursor != null; pages++) {
            assertThat(pages).as("pages of 10 for 25 resources (capabilities().cursorPaging() is true; a repository "
                    + "without cursors leaves it false)").isLessThanOrEqualTo(3);
            Page<T> page = search(new SearchRequest(null, null, SortOrder.ASCENDING, 1, 10, cursor,
                    AttributeSelection.all()));
            seen.addAll(ids(page));
            cursor = page.nextCursor();
        }
        assertThat(seen).as("RFC 9865 pages").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    /**
     * What {@code capabilities().filtering()} declares is what {@code search} does: every probe filter made from
     * the stored resources' values ({@link FilterProbes}) that the repository claims to support is answered with
     * exactly the resources the filter matches, as scim2j's own evaluator finds them in what {@code get} returns.
     * A repository that declares a filter and ignores it (or evaluates it differently) makes the service return
     * wrong lists; one that declares nothing is correct (the service evaluates filters itself) and is skipped.
     */
    @Test
    void everyDeclaredFilterReallyFilters() {
        FilterSupport declared = repository().capabilities().filtering();
        List<ObjectNode> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stored.add(PROBE_JSON.toTree(get(idOf(create(sample(i))))));
        }
        Set<String> ignored = ignoredInComparison();
        Map<Filter, String> probes = FilterProbes.from(stored, path -> !stores(path) || ignored.stream()
                .anyMatch(i -> path.equalsIgnoreCase(i) || path.toLowerCase(Locale.ROOT)
                        .startsWith(i.toLowerCase(Locale.ROOT) + ".")));
        FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard());
        SoftAssertions soft = new SoftAssertions();
        int tried = 0;
        for (Filter probe : probes.keySet()) {
            if (!declared.supports(probe)) {
                continue;
            }
            ResourceFilter compiled;
            try {
                compiled = evaluator.compile(probe, resourceType());
            } catch (ScimException notForThisType) {
                continue;
            }
            tried++;
            Set<String> expected = new LinkedHashSet<>();
            stored.stream().filter(compiled::matches).forEach(json -> expected.add(json.path("id").asText()));
            Page<T> page;
            try {
                page = search(page(1, 100).withFilter(probe));
            } catch (RuntimeException e) {
                soft.fail("declared filter %s failed in search: %s", probe, e);
                continue;
            }
            soft.assertThat(ids(page)).as("ids found by the declared filter %s", probe)
                    .containsExactlyInAnyOrderElementsOf(expected);
            soft.assertThat(page.totalResults()).as("totalResults of the declared filter %s", probe)
                    .isEqualTo(expected.size());
        }
        assumeTrue(tried > 0, "the repository declares none of the probe filters");
        soft.assertAll();
    }

    @Test
    void countZeroReturnsOnlyTheTotal() {
        for (int i = 0; i < 3; i++) {
            create(sample(i));
        }
        Page<T> page = search(page(1, 0));
        assertThat(page.resources()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void aStartIndexBeyondTheEndReturnsAnEmptyPageWithTheTotal() {
        for (int i = 0; i < 3; i++) {
            create(sample(i));
        }
        Page<T> page = search(page(4, 10));
        assertThat(page.resources()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(search(page(100, 10)).totalResults()).isEqualTo(3);
    }

    @Test
    void theLargestCountReturnsTheRestOfTheResults() {
        for (int i = 0; i < 3; i++) {
            create(sample(i));
        }
        // startIndex - 1 + count overflows an int: a store must not compute the window end that way.
        Page<T> page = search(page(2, Integer.MAX_VALUE));
        assertThat(page.resources()).hasSize(2);
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void searchOfAnEmptyStoreIsEmpty() {
        Page<T> page = search(page(1, 10));
        assertThat(page.resources()).isEmpty();
        assertThat(page.totalResults()).isZero();
    }

}
