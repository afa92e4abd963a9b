package org.scim2j.spi.sql;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.SortKey;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.spi.FilterSupport;
import org.scim2j.spi.SearchRequest;
import org.scim2j.spi.SortSupport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Translates SCIM filters (RFC 7644 §3.4.2.2) into parameterised SQL {@code WHERE} conditions, and {@code sortBy}
 * (§3.4.2.3) into {@code ORDER BY} keys, for one resource type stored in relational tables. Immutable and
 * thread-safe: build one per resource type and share it.
 *
 * <pre>{@code
 *   SqlFilterTranslator users = SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
 *       .column("id", "u.uuid")
 *       .column("userName", "u.login")
 *       .column("active", "u.active")
 *       .column("meta.created", "u.created_at")
 *       .multiValued("emails", "SELECT 1 FROM user_emails e WHERE e.user_uuid = u.uuid",
 *               Map.of("value", "e.email", "type", "e.type"))
 *       .build();
 *   SqlCondition where = users.translate(Filter.parse("userName sw \"j\" and emails[type eq \"work\"]"));
 *   // (LOWER(u.login) LIKE LOWER(?) ESCAPE '\' AND EXISTS (SELECT 1 FROM user_emails e WHERE e.user_uuid = u.uuid
 *   //   AND LOWER(e.type) = LOWER(?)))                                        parameters: ["j%", "work"]
 * }</pre>
 *
 * <p><b>Agreement with the in-memory evaluator.</b> The SQL selects the rows whose SCIM JSON scim-core's
 * {@link FilterEvaluator} matches; the filter is first validated by that evaluator, so both reject the same filters
 * with the same 400 {@code invalidFilter} detail. In particular: strings that are not {@code caseExact} compare as
 * {@code LOWER(col) = LOWER(?)} (index {@code LOWER(col)}); {@code co}/{@code sw}/{@code ew} are {@code LIKE ...
 * ESCAPE '\'} with {@code % _ \} of the value escaped; {@code pr} is {@code col IS NOT NULL AND col <> ''} for text;
 * {@code x eq null} is {@code not (x pr)}; {@code ne} also matches rows where the column is NULL (or, multi-valued,
 * that have no value); {@code not} is two-valued ({@code IS NOT TRUE} where SQL could say UNKNOWN).
 *
 * <p><b>What the columns must be.</b> string/reference/binary: {@code VARCHAR}/{@code TEXT} (not {@code CHAR}, whose
 * padding changes equality); boolean: {@code BOOLEAN}; integer: an integer type (bound as {@link Long}); decimal:
 * {@code NUMERIC}/{@code DECIMAL} (bound as {@link java.math.BigDecimal}); dateTime: {@code TIMESTAMP WITH TIME ZONE}
 * (bound as {@link java.time.OffsetDateTime} in UTC; PostgreSQL keeps microseconds, so literals with finer fractions
 * are rounded by the driver). Values are only ever bound as parameters, never written into the SQL.
 *
 * <p><b>Strings and collations.</b> {@code gt}/{@code ge}/{@code lt}/{@code le} and sorting compare strings in the
 * database's collation; FilterEvaluator compares code points. They agree on H2 (which compares Java strings) and on
 * PostgreSQL with a {@code C} or {@code C.UTF-8} collation; elsewhere set {@link Builder#collation(String)} to
 * {@code "C"} (quoted). {@code LOWER} folds case per the database locale and Java per Unicode; they agree on
 * letters with one-to-one case mappings (ASCII, Latin-1, accents), not on {@code ß} or the Turkish dotless i.
 *
 * <p><b>In a repository.</b> The service resolves the filter and {@code sortBy} once and asks
 * {@link #filterSupport()} and {@link #sortSupport()} (give them to {@link org.scim2j.spi.RepositoryCapabilities})
 * whether to push them down; the repository's search then calls {@link #translate(SearchRequest)} and
 * {@link #orderBy(SearchRequest)}, which read that resolution and resolve nothing again.
 * {@link #condition(ResourceFilter)} is the one answer to "can this filter be written in SQL": empty when it cannot.
 *
 * <p>Why it is long (about 700 lines): the builder's mapping methods each document the SQL they produce and the
 * index that serves it, and the entry points (a filter, a search request, a sort, index advice) share one set of
 * mappings; the SQL of a filter is written by a separate class.
 */
public final class SqlFilterTranslator {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final FilterEvaluator evaluator;
    private final Map<String, ColumnMapping> columns;
    private final Map<String, MultiValuedMapping> multiValued;
    private final Map<String, ColumnMapping> sortKeys;
    private final String lowerFunction;
    private final String collation;
    private final String description;

    private SqlFilterTranslator(Builder b) {
        this.registry = b.registry;
        this.type = b.type;
        this.evaluator = new FilterEvaluator(registry);
        Map<String, ColumnMapping> columnMap = new LinkedHashMap<>(b.columns);
        Map<String, MultiValuedMapping> multiValuedMap = new LinkedHashMap<>(b.multiValued);
        Map<String, ColumnMapping> sortKeyMap = new LinkedHashMap<>();
        if (b.document != null) {
            // the document holds what has no column; a column the host declared wins
            JsonbDocument.Mappings document = JsonbDocument.of(b.documentLayout, b.document);
            document.columns().forEach(columnMap::putIfAbsent);
            document.multiValued().forEach((k, v) -> {
                for (Map.Entry<String, String> index : b.valuesIndexes.entrySet()) {
                    ResolvedAttribute resolved = b.registry.resolveConfigured(b.type, index.getKey());
                    if (lower(attributeKey(resolved)).equals(k)) {
                        v = v.withValueArray(lower(resolved.subAttribute().name()),
                                JsonbDocument.valuesArray(b.document, resolved, index.getValue()));
                    }
                }
                if (multiValuedMap.putIfAbsent(k, v) == null) {
                    document.sortKeys().forEach((path, key) -> {
                        if (path.equals(k) || path.startsWith(k + ".")) {
                            sortKeyMap.put(path, key);
                        }
                    });
                }
            });
        }
        b.loweredColumns.forEach((path, lowered) -> {
            ColumnMapping column = columnMap.get(path);
            if (column != null) {
                columnMap.put(path, requireIgnoresCase(column).withLowered(lowered));
                return;
            }
            String attribute = path.substring(0, path.lastIndexOf('.') == -1 ? path.length() : path.lastIndexOf('.'));
            MultiValuedMapping values = multiValuedMap.get(attribute);
            String sub = path.substring(attribute.length() + (attribute.length() < path.length() ? 1 : 0));
            ColumnMapping inline = values == null || !values.inline() ? null : values.subAttributes().get(sub);
            if (inline == null) {
                throw new IllegalArgumentException("'" + path + "' has no column (Builder#column) to be lowered");
            }
            Map<String, ColumnMapping> subs = new LinkedHashMap<>(values.subAttributes());
            subs.put(sub, requireIgnoresCase(inline).withLowered(lowered));
            multiValuedMap.put(attribute, new MultiValuedMapping(values.attribute(), null, subs, values.valueArrays()));
        });
        this.columns = Collections.unmodifiableMap(columnMap);
        this.multiValued = Collections.unmodifiableMap(multiValuedMap);
        this.sortKeys = Collections.unmodifiableMap(sortKeyMap);
        this.lowerFunction = b.lowerFunction;
        this.collation = b.collation;
        this.description = describe();
    }

    private static ColumnMapping requireIgnoresCase(ColumnMapping column) {
        if (!column.ignoresCase()) {
            throw new IllegalArgumentException("'" + column.path() + "' is caseExact: a lowered column does not apply");
        }
        return column;
    }

    /** A builder for a resource type whose attributes are resolved against {@code registry}. */
    public static Builder builder(SchemaRegistry registry, ResourceType type) {
        return new Builder(registry, type);
    }

    /**
     * The SQL condition selecting the resources that match {@code filter}, a filter already resolved against the
     * schema (the service hands it to a repository in {@link SearchRequest#resolvedFilter()}); empty when an
     * attribute it names has no column, which is the one answer to "can this be filtered in SQL": the
     * {@link #filterSupport()} the service asks gives the same answer. Resolves no paths, and writes the SQL of one
     * filter once: asked again (by {@link #translate(SearchRequest)} after the support check) it answers the same
     * condition ({@link ResourceFilter#derived}).
     *
     * @throws IllegalArgumentException if the filter was compiled for another resource type
     */
    public Optional<SqlCondition> condition(ResourceFilter filter) {
        return Optional.ofNullable(written(filter).condition());
    }

    /** The SQL of a filter, or what it names that has no column; written once per filter, whoever asks. */
    private record Written(SqlCondition condition, Set<String> unmapped) {
    }

    private Written written(ResourceFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (!filter.resourceType().name().equals(type.name())) {
            throw new IllegalArgumentException("a " + filter.resourceType().name() + " filter, not a " + type.name()
                    + " filter: " + filter.filter());
        }
        return filter.derived(this, f -> {
            Set<String> unmapped = new LinkedHashSet<>();
            ConditionWriter.Fragment sql = f.filter().accept(new ConditionWriter(this, f, unmapped));
            return unmapped.isEmpty() ? new Written(new SqlCondition(sql.sql(), sql.params()), Set.of())
                    : new Written(null, Collections.unmodifiableSet(unmapped));
        });
    }

    /**
     * The SQL condition of a repository's search request: its {@link SearchRequest#resolvedFilter()} as the
     * service resolved it (a request built by hand is compiled here), translated by {@link #condition}.
     *
     * @throws IllegalArgumentException if the request has no filter
     * @throws ScimException 400 {@code invalidFilter} as {@link #translate(Filter)} throws it
     */
    public SqlCondition translate(SearchRequest request) {
        if (request.filter() == null) {
            throw new IllegalArgumentException("the request has no filter");
        }
        return translate(request.resolvedFilter(evaluator, type));
    }

    /**
     * The SQL condition selecting the resources that match {@code filter}, compiled here.
     *
     * @throws ScimException 400 {@code invalidFilter} when the filter does not fit the resource type (as
     *                       FilterEvaluator reports it), or names attributes that have no column; the detail then
     *                       names every one of them and what can be filtered on
     */
    public SqlCondition translate(Filter filter) {
        return translate(evaluator.compile(Objects.requireNonNull(filter, "filter"), type));
    }

    private SqlCondition translate(ResourceFilter filter) {
        Written written = written(filter);
        if (written.condition() == null) {
            throw ScimException.invalidFilter("cannot filter " + type.name() + " resources on "
                    + quoteAll(written.unmapped()) + ": this server can only filter on " + description);
        }
        return written.condition();
    }

    /**
     * Whether every attribute that {@code filter} names has a column; every operator is supported on a mapped
     * attribute. A filter that does not fit the schema is "supported" in the sense that {@link #translate(Filter)}
     * answers it, with the same 400 as the in-memory evaluator.
     */
    public boolean supports(Filter filter) {
        ResourceFilter resolved;
        try {
            resolved = evaluator.compile(filter, type);
        } catch (ScimException e) {
            return true;
        }
        return condition(resolved).isPresent();
    }

    /**
     * What the service asks before pushing a filter down: for a resolved filter, whether {@link #condition} gives
     * one; with a description that lists the mapped attributes, for the service's 400.
     */
    public FilterSupport filterSupport() {
        return FilterSupport.of(this::supports, resolved -> condition(resolved).isPresent(), description);
    }

    /**
     * Whether {@link #orderBy} orders by this attribute in SQL: it has a column, is a document attribute, or is a
     * multi-valued attribute whose values are in the row or the document. Unknown attributes are "supported" in the
     * sense that {@code orderBy} answers them with the in-memory sorter's 400.
     */
    public boolean sorts(AttributePath sortBy) {
        ResolvedAttribute resolved = registry.find(type, sortBy).orElse(null);
        return resolved == null || sortColumn(resolved) != null;
    }

    /** {@link #sorts(AttributePath)} with a description that lists the sortable attributes. */
    public SortSupport sortSupport() {
        return SortSupport.of(this::sorts, key -> sortColumn(key.attribute()) != null, String.join(", ", sortable()));
    }

    /**
     * The {@code ORDER BY} keys for {@code sortBy} (RFC 7644 §3.4.2.3); {@link #orderBy(SortKey)} of the key
     * resolved here, or the {@code id} order when {@code sortBy} is null.
     *
     * @throws ScimException 400 {@code invalidValue} as {@link SortKey#resolve} and {@link #orderBy(SortKey)} throw
     */
    public SqlOrder orderBy(AttributePath sortBy, SortOrder order) {
        return orderBy(sortBy == null ? null : SortKey.resolve(registry, type, sortBy, order));
    }

    /**
     * The {@code ORDER BY} keys of a repository's search request: {@link #orderBy(SortKey)} of its
     * {@link SearchRequest#sortKey()} as the service resolved it (a request built by hand is resolved here).
     */
    public SqlOrder orderBy(SearchRequest request) {
        return orderBy(request.sortKey(registry, type));
    }

    /**
     * The {@code ORDER BY} keys for a resolved sort key, ordered as scim-core's ResourceSorter orders
     * resources: case-insensitive strings by {@code LOWER}, resources without a value ({@code NULL} or {@code ''})
     * last when ascending and first when descending; then the {@code id} column, when mapped, ascending, so that
     * pages are stable. A {@code null} key orders by {@code id} alone. The key of a string column is an
     * expression such as {@code LOWER(NULLIF(u.login, ''))}; index that expression to sort large tables.
     *
     * @throws ScimException 400 {@code invalidValue} when the attribute has no column; and for a multi-valued
     *                       attribute held in a sub-query (sort by its primary or first value is not expressed in
     *                       SQL here)
     */
    public SqlOrder orderBy(SortKey sortKey) {
        ColumnMapping id = columns.get("id");
        String tieBreaker = id == null ? null : id.sql() + " ASC";
        if (sortKey == null) {
            if (tieBreaker == null) {
                throw new IllegalStateException("no sortBy and no column for 'id' to order by");
            }
            return new SqlOrder(tieBreaker);
        }
        ColumnMapping column = sortColumn(sortKey.attribute());
        if (column == null) {
            throw ScimException.invalidValue("cannot sort " + type.name() + " resources by '" + sortKey.path()
                    + "': this server can only sort by " + String.join(", ", sortable()));
        }
        String key = column.isText() ? "NULLIF(" + column.sql() + ", '')" : column.sql();
        if (column.ignoresCase()) {
            key = lowerFunction + "(" + key + ")";
        }
        if (column.isText() && collation != null) {
            key = key + " COLLATE " + collation;
        }
        boolean descending = sortKey.order() == SortOrder.DESCENDING;
        String sql = key + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST");
        return new SqlOrder(tieBreaker == null || column == id ? sql : sql + ", " + tieBreaker);
    }

    /**
     * The index that serves filters on {@code attributePath} as this translator writes them, for the host's
     * migrations ({@link IndexAdvice}): a B-tree on the column ({@code LOWER(column)} when the attribute ignores
     * case), on the document value, or a GIN index on the values array that {@link Builder#valuesIndex} declared.
     * Empty when no index can serve its filters: a sub-attribute of a multi-valued attribute held in a sub-query
     * (index the sub-query's table, e.g. {@code LOWER(e.email)}) or in the document without
     * {@link Builder#valuesIndex}, or an attribute that is not translated. A complex attribute stands for its
     * {@code value}.
     *
     * @throws IllegalArgumentException if the path is not an attribute of the resource type
     */
    public Optional<IndexAdvice> indexAdvice(String attributePath) {
        ResolvedAttribute resolved = registry.resolveConfigured(type, attributePath);
        String path = resolved.canonicalPath();
        if (!resolved.hasSubAttribute() && resolved.target().isComplex()) {
            path = path + ".value";
        }
        if (!resolved.attribute().multiValued()) {
            return Optional.ofNullable(columns.get(lower(path))).map(c -> btree(c.path(), c));
        }
        MultiValuedMapping values = multiValued(resolved);
        String sub = path.substring(path.lastIndexOf('.') + 1);
        ColumnMapping column = values == null ? null : values.subAttributes().get(lower(sub));
        if (column == null) {
            return Optional.empty();
        }
        if (values.inline()) {
            return Optional.of(btree(column.path(), column));
        }
        String array = values.valueArrays().get(lower(sub));
        return array == null ? Optional.empty()
                : Optional.of(new IndexAdvice(column.path(), array, IndexAdvice.Kind.GIN, Set.of("eq")));
    }

    private IndexAdvice btree(String path, ColumnMapping column) {
        boolean text = column.isText();
        String expression = column.ignoresCase() ? column.lowerSql(lowerFunction) : column.sql();
        return new IndexAdvice(path, expression, IndexAdvice.Kind.BTREE,
                text ? Set.of("eq") : Set.of("eq", "gt", "ge", "lt", "le"));
    }

    private ColumnMapping sortColumn(ResolvedAttribute resolved) {
        AttributeDefinition attribute = resolved.attribute();
        String sub = resolved.hasSubAttribute() ? resolved.subAttribute().name()
                : resolved.target().isComplex() ? "value" : null;
        if (attribute.multiValued()) {
            ColumnMapping documentKey = sortKeys.get(lower(attributeKey(resolved) + (sub == null ? "" : "." + sub)));
            if (documentKey != null) {
                return documentKey;
            }
            MultiValuedMapping values = multiValued(resolved);
            // only a value held in the resource's own row has an unambiguous "first" value
            return values == null || !values.inline() || sub == null ? null : values.subAttributes().get(lower(sub));
        }
        String path = resolved.hasSubAttribute() || sub == null ? resolved.canonicalPath()
                : resolved.canonicalPath() + "." + sub;
        return columns.get(lower(path));
    }

    private Set<String> sortable() {
        Set<String> out = new LinkedHashSet<>();
        columns.values().forEach(c -> out.add(c.path()));
        multiValued.values().stream().filter(MultiValuedMapping::inline)
                .forEach(m -> m.columns().forEach(c -> out.add(c.path())));
        sortKeys.values().forEach(c -> out.add(c.path()));
        return out;
    }

    // ---------------------------------------------------------------- lookups for ConditionWriter

    ColumnMapping column(ResolvedAttribute resolved) {
        String path = resolved.canonicalPath();
        if (resolved.target().isComplex()) {
            path = path + ".value"; // "manager eq ..." compares manager.value, as FilterEvaluator does
        }
        return columns.get(lower(path));
    }

    MultiValuedMapping multiValued(ResolvedAttribute resolved) {
        return multiValued.get(lower(attributeKey(resolved)));
    }

    /** The mapped sub-attributes of a singular complex attribute ({@code name}), by lower-case name. */
    Map<String, ColumnMapping> subAttributeColumns(ResolvedAttribute resolved) {
        String prefix = lower(attributeKey(resolved)) + ".";
        Map<String, ColumnMapping> out = new TreeMap<>();
        columns.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    String lowerFunction() {
        return lowerFunction;
    }

    String collation() {
        return collation;
    }

    private static String attributeKey(ResolvedAttribute resolved) {
        String name = resolved.attribute().name();
        return resolved.extension() ? resolved.schemaUrn() + ":" + name : name;
    }

    private String describe() {
        Set<String> names = new LinkedHashSet<>();
        columns.values().forEach(c -> names.add(c.path()));
        multiValued.values().forEach(m -> names.add(m.attribute() + "[" + String.join(", ",
                m.columns().stream().map(c -> c.path().substring(c.path().lastIndexOf('.') + 1)).toList()) + "]"));
        return String.join(", ", names) + " (with eq, ne, co, sw, ew, gt, ge, lt, le, pr, and, or, not)";
    }

    private static String quoteAll(Set<String> paths) {
        return "'" + String.join("', '", paths) + "'";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SqlFilterTranslator[" + type.name() + ": " + description + "]";
    }

    /**
     * Maps attributes to SQL; not thread-safe. Column and sub-query SQL is trusted configuration, written into the
     * statement as is: never build it from request data.
     */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final ResourceType type;
        private final Map<String, ColumnMapping> columns = new LinkedHashMap<>();
        private final Map<String, MultiValuedMapping> multiValued = new LinkedHashMap<>();
        private String lowerFunction = "LOWER";
        private String collation;
        private String document;
        private ResourceDocument<?> documentLayout;
        private final Map<String, String> valuesIndexes = new LinkedHashMap<>();
        private final Map<String, String> loweredColumns = new LinkedHashMap<>();

        private Builder(SchemaRegistry registry, ResourceType type) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.type = Objects.requireNonNull(type, "type");
            if (registry.resourceType(type.name()).isEmpty()) {
                throw new IllegalArgumentException("resource type " + type.name() + " is not in the registry");
            }
        }

        /**
         * Stores a singular attribute or sub-attribute in a column expression, e.g. {@code ("userName", "u.login")},
         * {@code ("name.familyName", "u.last_name")}, {@code ("meta.created", "u.created_at")} or
         * {@code ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "u.emp_no")}.
         *
         * <p>A sub-attribute of a multi-valued attribute ({@code "emails.value"}, or {@code "emails"} for its
         * {@code value}) may be given a column of the resource's own row too: the attribute then has at most one
         * value, present when one of its columns is not NULL (a single {@code email} column, as SonarQube has).
         *
         * @throws IllegalArgumentException if the path is unknown, names a complex attribute without
         *                                  {@code value}, or a multi-valued attribute already given a sub-query
         */
        public Builder column(String attributePath, String columnSql) {
            Objects.requireNonNull(columnSql, "columnSql");
            ResolvedAttribute resolved = resolve(attributePath);
            AttributeDefinition attribute = resolved.attribute();
            AttributeDefinition target = resolved.target();
            String path = resolved.canonicalPath();
            if (target.isComplex()) {
                target = target.subAttribute("value");
                if (target == null) {
                    throw new IllegalArgumentException("'" + attributePath + "' is complex: map its sub-attributes");
                }
                path = path + ".value";
            }
            if (!attribute.multiValued()) {
                columns.put(lower(path), ColumnMapping.of(path, target, columnSql));
                return this;
            }
            if (!attribute.isComplex()) {
                throw new IllegalArgumentException("multi-valued simple attribute '" + attributePath
                        + "' is not supported");
            }
            String key = lower(attributeKey(resolved));
            MultiValuedMapping existing = multiValued.get(key);
            if (existing != null && !existing.inline()) {
                throw new IllegalArgumentException("'" + attribute.name() + "' already has a sub-query");
            }
            Map<String, ColumnMapping> subs = new LinkedHashMap<>(existing == null ? Map.of()
                    : existing.subAttributes());
            subs.put(lower(target.name()), ColumnMapping.of(path, target, columnSql));
            multiValued.put(key, new MultiValuedMapping(attributeKey(resolved), null, subs));
            return this;
        }

        /**
         * Stores a multi-valued complex attribute in rows of another table. {@code existsSubquery} selects the rows of
         * one resource and ends with its correlation condition, to which {@code AND (...)} is appended; keep an
         * {@code OR} in it parenthesised. {@code subAttributeColumns} maps sub-attribute names to columns of those
         * rows. A value path, or a comparison of a sub-attribute, becomes {@code EXISTS (subquery AND ...)}:
         *
         * <pre>{@code
         *   .multiValued("emails", "SELECT 1 FROM user_emails e WHERE e.user_uuid = u.uuid",
         *           Map.of("value", "e.email", "type", "e.type", "primary", "e.is_primary"))
         *   // emails[type eq "work" and value co "@example.com"]
         *   // -> EXISTS (SELECT 1 FROM user_emails e WHERE e.user_uuid = u.uuid
         *   //            AND (LOWER(e.type) = LOWER(?) AND LOWER(e.email) LIKE LOWER(?) ESCAPE '\'))
         * }</pre>
         *
         * @throws IllegalArgumentException if the attribute is not a multi-valued complex attribute, a key is not one
         *                                  of its sub-attributes, or the attribute already has columns
         */
        public Builder multiValued(String attribute, String existsSubquery, Map<String, String> subAttributeColumns) {
            Objects.requireNonNull(existsSubquery, "existsSubquery");
            Objects.requireNonNull(subAttributeColumns, "subAttributeColumns");
            ResolvedAttribute resolved = resolve(attribute);
            AttributeDefinition definition = resolved.attribute();
            if (resolved.hasSubAttribute() || !definition.multiValued() || !definition.isComplex()) {
                throw new IllegalArgumentException("'" + attribute + "' is not a multi-valued complex attribute");
            }
            if (existsSubquery.isBlank() || subAttributeColumns.isEmpty()) {
                throw new IllegalArgumentException("'" + attribute + "' needs a sub-query and at least one column");
            }
            String key = lower(attributeKey(resolved));
            if (multiValued.containsKey(key)) {
                throw new IllegalArgumentException("'" + attribute + "' is already mapped");
            }
            Map<String, ColumnMapping> subs = new LinkedHashMap<>();
            subAttributeColumns.forEach((name, column) -> {
                AttributeDefinition sub = definition.subAttribute(name);
                if (sub == null) {
                    throw new IllegalArgumentException("'" + definition.name() + "' has no sub-attribute '" + name
                            + "'");
                }
                subs.put(lower(sub.name()), ColumnMapping.of(resolved.canonicalPath() + "." + sub.name(), sub,
                        Objects.requireNonNull(column, "column")));
            });
            multiValued.put(key, new MultiValuedMapping(attributeKey(resolved), existsSubquery.strip(), subs));
            return this;
        }

        /**
         * A dateTime attribute held as milliseconds since the epoch in an integer column, e.g.
         * {@code ("meta.created", "u.created_at")} where {@code created_at} is a {@code BIGINT} (as SonarQube keeps
         * its times). Literals are bound as milliseconds, with any sub-millisecond part as a decimal fraction, so
         * that comparisons agree with comparing the instants.
         */
        public Builder epochMillisColumn(String attributePath, String columnSql) {
            Objects.requireNonNull(columnSql, "columnSql");
            ResolvedAttribute resolved = resolve(attributePath);
            if (resolved.attribute().multiValued()) {
                throw new IllegalArgumentException("'" + attributePath + "' is multi-valued");
            }
            columns.put(lower(resolved.canonicalPath()), ColumnMapping.of(resolved.canonicalPath(), resolved.target(),
                    columnSql, true));
            return this;
        }

        /**
         * The attributes a {@link ResourceDocument} keeps, stored as a PostgreSQL {@code jsonb} column
         * ({@code documentSql}, e.g. {@code s.attributes}): filters and {@code sortBy} on them run in SQL, as on
         * columns. Attributes given a column with {@link #column} or {@link #multiValued} use the column; dateTime
         * attributes of the document are not translated.
         *
         * <p>Indexes: a filter {@code title eq "x"} (case-insensitive in the User schema) becomes
         * {@code LOWER((documentSql ->> 'title')) = LOWER(?)}, which an expression index
         * {@code CREATE INDEX ... ON table (LOWER(attributes ->> 'title'))} serves; an extension attribute is
         * {@code LOWER(((documentSql -> '<urn>') ->> 'employeeNumber'))}, served by
         * {@code (LOWER((attributes -> '<urn>') ->> 'employeeNumber'))}. Multi-valued attributes are
         * {@code EXISTS} over {@code jsonb_array_elements}.
         *
         * @throws IllegalArgumentException if the layout is for another resource type
         */
        public Builder document(String documentSql, ResourceDocument<?> layout) {
            Objects.requireNonNull(documentSql, "documentSql");
            Objects.requireNonNull(layout, "layout");
            if (!layout.type().name().equals(type.name())) {
                throw new IllegalArgumentException("the document layout is for " + layout.type().name() + ", not "
                        + type.name());
            }
            if (documentSql.isBlank()) {
                throw new IllegalArgumentException("empty document column");
            }
            this.document = documentSql;
            this.documentLayout = layout;
            return this;
        }

        /**
         * Declares that a sub-attribute of a multi-valued attribute in the {@link #document} has the GIN index of
         * {@link JsonbIndexes#valuesIndex} on {@code function} ({@link JsonbIndexes#valuesFunction}): every
         * {@code eq} on it, alone ({@code emails.value eq "x"}) or in a value path
         * ({@code emails[type eq "work" and value eq "x"]}), is then also written as
         * {@code function((doc -> 'emails'), 'value', true) @> ARRAY[LOWER(?)]}, which the index serves, in front of
         * the exact {@code EXISTS} test. Without the index the condition is still right, only slower.
         *
         * @throws IllegalArgumentException if the path is not a sub-attribute of a multi-valued complex attribute
         */
        public Builder valuesIndex(String attributePath, String function) {
            ResolvedAttribute resolved = resolve(attributePath);
            if (!resolved.hasSubAttribute() || !resolved.attribute().multiValued()
                    || !resolved.attribute().isComplex()) {
                throw new IllegalArgumentException("'" + attributePath + "' is not a sub-attribute of a multi-valued "
                        + "complex attribute");
            }
            valuesIndexes.put(resolved.canonicalPath(), JsonbIndexes.requireName(function));
            return this;
        }

        /**
         * Declares that {@code loweredColumnSql} holds the lower-cased value of the column {@code attributePath} is
         * mapped to with {@link #column} (a case-insensitive string), e.g. H2's generated column
         * {@code login_lower VARCHAR(255) GENERATED ALWAYS AS (LOWER(login))}: a case-insensitive comparison then
         * writes {@code u.login_lower = LOWER(?)}, which an index on that column serves, instead of
         * {@code LOWER(u.login) = LOWER(?)}, which only an expression index serves, and databases without expression
         * indexes (H2) answer by reading every row. The column must hold exactly the {@link #lowerFunction} of the
         * value.
         *
         * @throws IllegalArgumentException at {@link #build()} if the attribute has no column or is {@code caseExact}
         */
        public Builder loweredColumn(String attributePath, String loweredColumnSql) {
            ResolvedAttribute resolved = resolve(attributePath);
            String path = resolved.canonicalPath();
            if (!resolved.hasSubAttribute() && resolved.target().isComplex()) {
                path = path + ".value";
            }
            if (loweredColumnSql == null || loweredColumnSql.isBlank()) {
                throw new IllegalArgumentException("empty lowered column for '" + attributePath + "'");
            }
            loweredColumns.put(lower(path), loweredColumnSql.strip());
            return this;
        }

        /**
         * The SQL function that lower-cases text, {@code LOWER} by default; e.g. a locale-independent function of
         * the host's. Case-insensitive comparisons apply it to both sides.
         */
        public Builder lowerFunction(String function) {
            if (function == null || !FUNCTION_NAME.matcher(function).matches()) {
                throw new IllegalArgumentException("not a function name: " + function);
            }
            this.lowerFunction = function;
            return this;
        }

        /**
         * A collation for string ordering ({@code gt}, {@code ge}, {@code lt}, {@code le}, {@code ORDER BY}),
         * appended as {@code COLLATE <collation>}; e.g. {@code "\"C\""} on PostgreSQL, for the code-point order the
         * in-memory evaluator uses. None by default (H2 does not accept {@code COLLATE} in expressions).
         */
        public Builder collation(String collation) {
            if (collation != null && !collation.matches("\"[A-Za-z0-9_.@-]+\"|[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("not a collation name: " + collation);
            }
            this.collation = collation;
            return this;
        }

        /** The translator; the builder can be reused. */
        public SqlFilterTranslator build() {
            return new SqlFilterTranslator(this);
        }

        private ResolvedAttribute resolve(String attributePath) {
            return registry.resolveConfigured(type, attributePath);
        }
    }
}
