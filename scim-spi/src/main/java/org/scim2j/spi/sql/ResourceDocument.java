package org.scim2j.spi.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.User;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The JSON document in which a relational repository keeps every attribute of a resource that it has no exact
 * column for, so that an identity provider reads back exactly what it wrote while the host's own tables keep their
 * shape. Immutable and thread-safe: build one per resource type and share it.
 *
 * <p>A host declares three kinds of columns:
 * <ul>
 *   <li><b>exact</b> ({@link Builder#column(String)}): the column holds an attribute's value as it is
 *       ({@code userName} in {@code users.login}). It is not kept in the document; reads take it from the host's
 *       columns.</li>
 *   <li><b>computed</b> ({@link Builder#computed(String)}): the host produces the attribute from its own data
 *       ({@code User.groups} from a membership table, {@code Group.members}). Never kept in the document.</li>
 *   <li><b>derived</b> ({@link Builder#derivedColumn(String, String)}): the host writes a column of its own from
 *       the resource ({@code users.name} from {@code name.formatted}, or from the given and family names;
 *       {@code users.email} from the primary email) but the column does not hold all of it. The document keeps
 *       the attributes; the column's value as written is kept beside them. When the host (or anyone) later changes
 *       the column, reads show the change: the attributes the column is derived from are taken from the host's
 *       view of its row.</li>
 * </ul>
 * Everything else of the resource — attributes without a column, sub-attributes beside a mapped one, every value of
 * a multi-valued attribute, the Enterprise User extension and any registered extension — is kept in the document.
 * {@code id} and {@code meta} always come from the host. Attributes that are never returned (RFC 7643 §2.2
 * {@code returned: never}, such as {@code password}) are never stored.
 *
 * <pre>{@code
 *   ResourceDocument<User> documents = ResourceDocument.builder(registry, Schemas.USER_RESOURCE_TYPE, User.class)
 *       .column("userName").column("externalId").column("active")
 *       .computed("groups")
 *       .derivedColumn("name", "name.formatted")
 *       .derivedPrimaryValue("email", "emails")
 *       .build();
 *   // create / replace: store the columns and, in the same statement, the document
 *   String document = documents.write(user, Map.of("name", nameColumn, "email", emailColumn));
 *   // read: the host's view of its row, merged with the document
 *   User stored = documents.read(viewFromColumns, documentText, Map.of("name", nameNow, "email", emailNow));
 * }</pre>
 *
 * <p>The document is canonical SCIM JSON (attribute names as the schema spells them, extension objects keyed by
 * their URN), so a database with JSON support can filter and sort on it: see
 * {@link SqlFilterTranslator.Builder#document(String, ResourceDocument)}. The values of derived columns as written
 * are kept under the key {@value #COLUMNS_KEY}, which no attribute name can take (RFC 7643 §2.1).
 *
 * @param <T> the resource model: {@link User}, {@link Group} or {@code GenericResource}
 *
 * <p>Why it is long (about 580 lines): splitting a resource into columns and a document and merging them back are
 * the two halves of one mapping, which must agree attribute by attribute (a lossless round trip); its builder
 * declares that mapping. They stay together so that a change to one half is seen beside the other.
 */
public final class ResourceDocument<T> {

    /** The document member holding the derived columns' values as written. */
    public static final String COLUMNS_KEY = "$columns";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reads stored documents: request limits do not apply, numbers keep their exact decimal value. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Class<T> model;
    private final ScimJson json;
    private final List<Location> fromHost;
    private final Map<String, BiConsumer<ObjectNode, ObjectNode>> derived;

    private ResourceDocument(Builder<T> b) {
        this.registry = b.registry;
        this.type = b.type;
        this.model = b.model;
        this.json = b.json;
        this.fromHost = List.copyOf(b.fromHost);
        this.derived = Collections.unmodifiableMap(new LinkedHashMap<>(b.derived));
    }

    /**
     * A builder for a resource type of {@code registry} whose model is {@code model} ({@link User}, {@link Group},
     * or {@code GenericResource}).
     */
    public static <T> Builder<T> builder(SchemaRegistry registry, ResourceType type, Class<T> model) {
        return new Builder<>(registry, type, model);
    }

    /** The resource type. */
    public ResourceType type() {
        return type;
    }

    /**
     * The document to store for a resource being created or replaced: its canonical JSON without {@code id},
     * {@code meta}, exact and computed columns and never-returned attributes, with the derived columns' values as
     * the host writes them.
     *
     * @param resource       the resource as the service hands it to the repository
     * @param derivedColumns the value the host writes to each derived column, by column name (a missing entry or a
     *                       {@code null} value is SQL {@code NULL})
     * @return the document as JSON text
     * @throws ScimException 400 {@code invalidValue} for text holding the NUL character, which PostgreSQL cannot
     *                       store
     */
    public String write(T resource, Map<String, ?> derivedColumns) {
        return writeTree(json.toTree(Objects.requireNonNull(resource, "resource")), derivedColumns).toString();
    }

    /**
     * {@link #write(Object, Map)} on a resource's JSON tree (left unchanged); returns the document as a tree.
     */
    public ObjectNode writeTree(ObjectNode resource, Map<String, ?> derivedColumns) {
        ObjectNode document = resource.deepCopy();
        document.remove(List.of("id", "meta", COLUMNS_KEY));
        for (Location location : fromHost) {
            location.remove(document);
        }
        removeNeverReturned(document);
        prune(document);
        requireNoNul(document);
        if (!derived.isEmpty()) {
            ObjectNode columns = document.putObject(COLUMNS_KEY);
            for (String column : derived.keySet()) {
                columns.set(column, value(derivedColumns, column));
            }
        }
        return document;
    }

    /**
     * The stored resource: the document, with {@code id}, {@code meta}, exact and computed columns from the host's
     * view of its row, and the attributes of every derived column whose value is no longer what was written taken
     * from that view too.
     *
     * @param hostView       the resource as the host's columns show it (with id and meta)
     * @param document       the stored document, or {@code null} for a row written without one (then the view is
     *                       the resource)
     * @param derivedColumns the derived columns' current values, by column name
     */
    public T read(T hostView, String document, Map<String, ?> derivedColumns) {
        Objects.requireNonNull(hostView, "hostView");
        if (document == null) {
            return hostView;
        }
        ObjectNode merged = readTree(json.toTree(hostView), document, derivedColumns);
        return json.toTyped(merged, model);
    }

    /** {@link #read(Object, String, Map)} on JSON trees; the view is left unchanged. */
    public ObjectNode readTree(ObjectNode hostView, String document, Map<String, ?> derivedColumns) {
        Objects.requireNonNull(hostView, "hostView");
        if (document == null) {
            return hostView.deepCopy();
        }
        ObjectNode merged = parse(document);
        JsonNode written = merged.remove(COLUMNS_KEY);
        copy(hostView, merged, "id");
        copy(hostView, merged, "meta");
        for (Location location : fromHost) {
            location.copy(hostView, merged);
        }
        for (Map.Entry<String, BiConsumer<ObjectNode, ObjectNode>> column : derived.entrySet()) {
            JsonNode before = written == null ? NODES.nullNode() : written.path(column.getKey());
            JsonNode now = value(derivedColumns, column.getKey());
            if (!sameValue(before, now)) {
                column.getValue().accept(merged, hostView);
            }
        }
        mergeSchemas(hostView, merged);
        prune(merged);
        return merged;
    }

    /**
     * Whether the document holds the attribute (or sub-attribute) a path resolves to: everything but {@code id},
     * {@code meta}, exact and computed columns and never-returned attributes. A singular complex attribute is kept
     * when any of its sub-attributes is.
     */
    public boolean keeps(ResolvedAttribute attribute) {
        AttributeDefinition top = attribute.attribute();
        if (attribute.schemaUrn().equals(Schemas.COMMON) && !top.name().equals("externalId")) {
            return false;
        }
        if (top.returned() == Returned.NEVER || attribute.target().returned() == Returned.NEVER) {
            return false;
        }
        String extension = attribute.extension() ? attribute.schemaUrn() : null;
        for (Location location : fromHost) {
            if (location.covers(extension, top.name(), attribute.hasSubAttribute()
                    ? attribute.subAttribute().name() : null)) {
                return false;
            }
        }
        if (!attribute.hasSubAttribute() && top.isComplex() && !top.multiValued()) {
            for (AttributeDefinition sub : top.subAttributes()) {
                if (keeps(new ResolvedAttribute(attribute.schemaUrn(), top, sub, attribute.extension()))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** The registry the layout resolves against. */
    SchemaRegistry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- JSON helpers

    private static ObjectNode parse(String document) {
        try {
            JsonNode tree = PLAIN.readTree(document);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalStateException("a stored resource document is not a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored resource document is not valid JSON", e);
        }
    }

    private static JsonNode value(Map<String, ?> values, String column) {
        Object value = values == null ? null : values.get(column);
        return value == null ? NODES.nullNode() : PLAIN.valueToTree(value);
    }

    /** JSON equality, with numbers compared by value (a column read back as a long equals one written as an int). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isMissingNode()) {
            a = NODES.nullNode();
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static void copy(ObjectNode from, ObjectNode to, String name) {
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            to.remove(name);
        } else {
            to.set(name, value.deepCopy());
        }
    }

    /** {@code schemas}: the document's, plus any URN the view lists and the document does not. */
    private static void mergeSchemas(ObjectNode view, ObjectNode merged) {
        if (!(view.get("schemas") instanceof ArrayNode fromView)) {
            return;
        }
        ArrayNode schemas = merged.get("schemas") instanceof ArrayNode a ? a : merged.putArray("schemas");
        for (JsonNode urn : fromView) {
            boolean listed = false;
            for (JsonNode existing : schemas) {
                listed |= existing.asText().equalsIgnoreCase(urn.asText());
            }
            if (!listed) {
                schemas.add(urn.asText());
            }
        }
    }

    /**
     * Refuses text with a NUL character (U+0000): PostgreSQL cannot store it in {@code jsonb} or text, and a store
     * must answer the same on every database.
     */
    private static void requireNoNul(JsonNode node) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            throw ScimException.invalidValue("attribute values must not contain the NUL character (U+0000)");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().indexOf('\u0000') >= 0) {
                throw ScimException.invalidValue("attribute names must not contain the NUL character (U+0000)");
            }
            requireNoNul(field.getValue());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                requireNoNul(element);
            }
        }
    }

    /** Removes never-returned attributes and sub-attributes (RFC 7643 §2.2), at the top and in extensions. */
    private void removeNeverReturned(ObjectNode document) {
        removeNeverReturned(registry.coreSchema(type).attributes(), document);
        for (Schema extension : registry.extensionSchemas(type)) {
            if (document.get(extension.id()) instanceof ObjectNode object) {
                removeNeverReturned(extension.attributes(), object);
            }
        }
    }

    private static void removeNeverReturned(List<AttributeDefinition> attributes, ObjectNode object) {
        for (AttributeDefinition attribute : attributes) {
            JsonNode value = object.get(attribute.name());
            if (value == null) {
                continue;
            }
            if (attribute.returned() == Returned.NEVER) {
                object.remove(attribute.name());
            } else if (attribute.isComplex()) {
                if (value instanceof ObjectNode o) {
                    removeNeverReturned(attribute.subAttributes(), o);
                } else if (value instanceof ArrayNode array) {
                    for (JsonNode element : array) {
                        if (element instanceof ObjectNode o) {
                            removeNeverReturned(attribute.subAttributes(), o);
                        }
                    }
                }
            }
        }
    }

    /** Removes nulls and the objects and arrays left empty (RFC 7643 §2.5: they mean unassigned). */
    private static void prune(ObjectNode object) {
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (isEmpty(field.getValue())) {
                empty.add(field.getKey());
            }
        }
        object.remove(empty);
    }

    private static boolean isEmpty(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (value instanceof ObjectNode o) {
            prune(o);
            return o.isEmpty();
        }
        if (value instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (isEmpty(a.get(i))) {
                    a.remove(i);
                }
            }
            return a.isEmpty();
        }
        return false;
    }

    /**
     * An attribute or sub-attribute of the resource's JSON: an optional extension object, the attribute, an
     * optional sub-attribute (of a singular complex attribute).
     */
    private record Location(String extension, String attribute, String subAttribute) {

        static Location of(ResolvedAttribute resolved) {
            return new Location(resolved.extension() ? resolved.schemaUrn() : null, resolved.attribute().name(),
                    resolved.hasSubAttribute() ? resolved.subAttribute().name() : null);
        }

        boolean covers(String extensionUrn, String attributeName, String subName) {
            return Objects.equals(extension, extensionUrn) && attribute.equals(attributeName)
                    && (subAttribute == null || subAttribute.equals(subName));
        }

        private ObjectNode container(ObjectNode resource, boolean create) {
            if (extension == null) {
                return resource;
            }
            JsonNode node = resource.get(extension);
            if (node instanceof ObjectNode o) {
                return o;
            }
            return create ? resource.putObject(extension) : null;
        }

        void remove(ObjectNode resource) {
            ObjectNode container = container(resource, false);
            if (container == null) {
                return;
            }
            if (subAttribute == null) {
                container.remove(attribute);
            } else if (container.get(attribute) instanceof ObjectNode complex) {
                complex.remove(subAttribute);
            }
        }

        JsonNode get(ObjectNode resource) {
            ObjectNode container = container(resource, false);
            JsonNode value = container == null ? null : container.get(attribute);
            if (subAttribute != null) {
                value = value instanceof ObjectNode complex ? complex.get(subAttribute) : null;
            }
            return value == null || value.isNull() ? null : value;
        }

        void copy(ObjectNode from, ObjectNode to) {
            JsonNode value = get(from);
            if (value == null) {
                remove(to);
                return;
            }
            ObjectNode container = container(to, true);
            if (subAttribute == null) {
                container.set(attribute, value.deepCopy());
            } else {
                JsonNode complex = container.get(attribute);
                ObjectNode target = complex instanceof ObjectNode o ? o : container.putObject(attribute);
                target.set(subAttribute, value.deepCopy());
            }
        }
    }

    /** Declares the host's columns; not thread-safe. */
    public static final class Builder<T> {
        private final SchemaRegistry registry;
        private final ResourceType type;
        private final Class<T> model;
        private ScimJson json = ScimJson.defaults();
        private final List<Location> fromHost = new ArrayList<>();
        private final Map<String, BiConsumer<ObjectNode, ObjectNode>> derived = new LinkedHashMap<>();

        private Builder(SchemaRegistry registry, ResourceType type, Class<T> model) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.type = Objects.requireNonNull(type, "type");
            this.model = Objects.requireNonNull(model, "model");
            if (registry.resourceType(type.name()).isEmpty()) {
                throw new IllegalArgumentException("resource type " + type.name() + " is not in the registry");
            }
        }

        /**
         * An attribute, or a sub-attribute of a singular complex attribute, that a column holds exactly: reads take
         * it from the host's view, the document does not keep it. A multi-valued attribute can only be given whole
         * (its values in rows of another table); a column that holds one of its values is a derived column.
         *
         * @throws IllegalArgumentException for an unknown path, {@code id}/{@code meta}, or a sub-attribute of a
         *                                  multi-valued attribute
         */
        public Builder<T> column(String attributePath) {
            fromHost.add(location(attributePath));
            return this;
        }

        /**
         * An attribute the host computes from its own data (e.g. {@code groups} of a User, read-only, or
         * {@code members} of a Group kept in a membership table): taken from the host's view, never stored in the
         * document.
         */
        public Builder<T> computed(String attributePath) {
            return column(attributePath);
        }

        /**
         * A column of the host's own, derived from an attribute or sub-attribute that the document keeps (e.g.
         * {@code users.name} from {@code name.formatted}). When the column no longer holds the value written with
         * the document, reads take that attribute from the host's view.
         */
        public Builder<T> derivedColumn(String column, String attributePath) {
            Location location = location(attributePath);
            return derivedColumn(column, (merged, view) -> location.copy(view, merged));
        }

        /**
         * A column holding the {@code value} of the primary (else the first) value of a multi-valued attribute, e.g.
         * SonarQube's {@code users.email} from {@code emails}. When the column changed, reads put the host view's
         * value there: in place of the stored primary (else first) value's {@code value}, as a new value when there
         * is none, and the stored value is removed when the column is now empty.
         */
        public Builder<T> derivedPrimaryValue(String column, String multiValuedAttribute) {
            ResolvedAttribute resolved = resolve(multiValuedAttribute);
            if (!resolved.attribute().multiValued() || !resolved.attribute().isComplex()
                    || resolved.hasSubAttribute() || resolved.attribute().subAttribute("value") == null) {
                throw new IllegalArgumentException("'" + multiValuedAttribute
                        + "' is not a multi-valued complex attribute with a 'value'");
            }
            Location location = Location.of(resolved);
            return derivedColumn(column, (merged, view) -> overlayPrimaryValue(location, merged, view));
        }

        /**
         * A derived column with its own rule: {@code overlay} receives the merged resource (to change in place) and
         * the host's view, and is called on reads when the column no longer holds the value written with the
         * document.
         */
        public Builder<T> derivedColumn(String column, BiConsumer<ObjectNode, ObjectNode> overlay) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(overlay, "overlay");
            if (derived.putIfAbsent(column, overlay) != null) {
                throw new IllegalArgumentException("column '" + column + "' is already declared");
            }
            return this;
        }

        /**
         * The JSON conversions for the model (default {@link ScimJson#defaults()}); only typed conversion is used.
         */
        public Builder<T> json(ScimJson value) {
            this.json = Objects.requireNonNull(value, "json");
            return this;
        }

        /** The document layout. */
        public ResourceDocument<T> build() {
            return new ResourceDocument<>(this);
        }

        private Location location(String attributePath) {
            ResolvedAttribute resolved = resolve(attributePath);
            String name = resolved.attribute().name();
            if (resolved.schemaUrn().equals(Schemas.COMMON) && !name.equals("externalId")) {
                throw new IllegalArgumentException("'" + name + "' always comes from the host");
            }
            if (resolved.hasSubAttribute() && resolved.attribute().multiValued()) {
                throw new IllegalArgumentException("'" + attributePath + "' is one sub-attribute of every value of a "
                        + "multi-valued attribute: declare the whole attribute, or a derived column");
            }
            return Location.of(resolved);
        }

        private ResolvedAttribute resolve(String attributePath) {
            return registry.resolveConfigured(type, attributePath);
        }

        private static void overlayPrimaryValue(Location location, ObjectNode merged, ObjectNode view) {
            JsonNode fromView = location.get(view);
            JsonNode viewValue = null;
            JsonNode viewElement = null;
            if (fromView instanceof ArrayNode values && !values.isEmpty()) {
                viewElement = values.get(primaryOrFirst(values));
                viewValue = viewElement.get("value");
            }
            JsonNode stored = location.get(merged);
            ArrayNode values = stored instanceof ArrayNode a ? a : null;
            if (values == null || values.isEmpty()) {
                if (viewElement != null) {
                    location.copy(view, merged);
                }
                return;
            }
            int index = primaryOrFirst(values);
            if (viewValue == null || viewValue.isNull()) {
                values.remove(index);
            } else if (values.get(index) instanceof ObjectNode element) {
                element.set("value", viewValue.deepCopy());
            }
        }

        private static int primaryOrFirst(ArrayNode values) {
            for (int i = 0; i < values.size(); i++) {
                JsonNode primary = values.get(i).get("primary");
                if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                    return i;
                }
            }
            return 0;
        }
    }
}
