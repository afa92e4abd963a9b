package org.scim2j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.internal.ResourceShape;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a resource body (POST, PUT, or the result of a PATCH) into canonical form against its resource type,
 * returning a new object and leaving the input untouched. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Attribute and sub-attribute names are matched ignoring case (RFC 7643 §2.1) and written as the schema spells
 *       them: {@code USERNAME} becomes {@code userName}, {@code Name.GivenName} becomes {@code name.givenName}.</li>
 *   <li>Extension objects are matched by URN ignoring case and keyed by the registered URN. Extension attributes
 *       are only accepted inside their extension object, not as URN-qualified top-level keys.</li>
 *   <li>{@code schemas} values are replaced by the registered URNs; the core URN and the URN of every extension
 *       present are added when missing (IdPs omit them).</li>
 *   <li>RFC 7643 §2.5: {@code null}, {@code []} and {@code {}} mean unassigned, and are removed.</li>
 *   <li>A single value where the schema says multi-valued is read as a one-element array.</li>
 *   <li>With {@link Builder#lenientBooleans(boolean) lenientBooleans} (the default), the strings {@code "true"} and
 *       {@code "false"} in any case become booleans where the schema says boolean (Microsoft Entra ID sends
 *       {@code "active":"True"}).</li>
 *   <li>Unknown attributes, sub-attributes, extension objects and {@code schemas} URNs are dropped and listed in
 *       {@link Result#ignored()} ({@link UnknownAttributes#IGNORE}, the default: Entra sends a non-URN schema id),
 *       or rejected with 400 {@code invalidSyntax} ({@link UnknownAttributes#REJECT}). An unknown name whose value
 *       is {@code null} or {@code []} is dropped silently in both modes: it carries nothing (older Entra payloads
 *       send {@code "manager": null} at the top level).</li>
 * </ul>
 *
 * Values of the wrong type are copied unchanged: {@link SchemaValidator} reports them.
 *
 * <pre>{@code
 *   ResourceNormalizer normalizer = ResourceNormalizer.builder(SchemaRegistry.standard()).build();
 *   ResourceNormalizer.Result result = normalizer.normalize(Schemas.USER_RESOURCE_TYPE, json.readObject(body));
 *   result.ignored().forEach(log::info);
 *   validator.validate(Schemas.USER_RESOURCE_TYPE, result.resource(), SchemaValidator.Required.ENFORCE);
 * }</pre>
 */
public final class ResourceNormalizer {

    /** What to do with attributes and schema URNs the resource type does not define. */
    public enum UnknownAttributes {
        /** Drop them and list them in {@link Result#ignored()}. */
        IGNORE,
        /** Fail with 400 {@code invalidSyntax} naming every one of them. */
        REJECT
    }

    /**
     * The canonical resource and what was dropped from the input.
     *
     * @param resource the new canonical object; it belongs to the caller
     * @param ignored  one human-readable line per unknown attribute or URN that was dropped, for logging
     */
    public record Result(ObjectNode resource, List<String> ignored) {

        /** Copies the list. */
        public Result {
            Objects.requireNonNull(resource, "resource");
            ignored = List.copyOf(ignored);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaRegistry registry;
    private final UnknownAttributes unknownAttributes;
    private final boolean lenientBooleans;

    private ResourceNormalizer(Builder b) {
        this.registry = b.registry;
        this.unknownAttributes = b.unknownAttributes;
        this.lenientBooleans = b.lenientBooleans;
    }

    /** A builder with the defaults: unknown attributes ignored, lenient booleans. */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Normalizes {@code input} as a resource of {@code type}.
     *
     * @throws ScimException 400 {@code invalidSyntax} if an extension value is not an object, a name appears twice
     *                       in different case, or (with {@link UnknownAttributes#REJECT}) anything is unknown
     * @throws IllegalArgumentException if {@code type} is not registered
     */
    public Result normalize(ResourceType type, ObjectNode input) {
        Run run = new Run(new ResourceShape(registry, type));
        ObjectNode out = run.resource(Objects.requireNonNull(input, "input"));
        List<String> problems = new ArrayList<>(run.syntaxErrors);
        if (unknownAttributes == UnknownAttributes.REJECT) {
            problems.addAll(run.unknown);
        }
        if (!problems.isEmpty()) {
            throw ScimException.invalidSyntax(String.join("; ", problems));
        }
        return new Result(out, run.unknown);
    }

    /** One normalization; collects what it drops and what is wrong. */
    private final class Run {
        private final ResourceShape shape;
        private final List<String> unknown = new ArrayList<>();
        private final List<String> syntaxErrors = new ArrayList<>();

        Run(ResourceShape shape) {
            this.shape = shape;
        }

        ObjectNode resource(ObjectNode input) {
            ObjectNode out = NODES.objectNode();
            JsonNode schemas = null;
            NameSet seenKeys = new NameSet();
            for (Map.Entry<String, JsonNode> field : input.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (!seenKeys.add(key)) {
                    syntaxErrors.add("attribute '" + key + "' appears more than once (names ignore case)");
                    continue;
                }
                if (key.equalsIgnoreCase("schemas")) {
                    schemas = value;
                    continue;
                }
                AttributeDefinition attribute = shape.attribute(key);
                if (attribute != null) {
                    put(out, attribute.name(), value(attribute, value, attribute.name()));
                    continue;
                }
                Schema extension = shape.extension(key);
                if (extension != null) {
                    put(out, extension.id(), extension(extension, value));
                    continue;
                }
                if (!unassigned(value)) {
                    unknown.add("unknown attribute '" + key + "' for resource type " + shape.type().name());
                }
            }
            ArrayNode canonicalSchemas = schemas(schemas, out);
            ObjectNode ordered = NODES.objectNode();
            ordered.set("schemas", canonicalSchemas);
            ordered.setAll(out);
            return ordered;
        }

        private ArrayNode schemas(JsonNode given, ObjectNode resource) {
            Set<String> urns = new LinkedHashSet<>();
            urns.add(shape.core().id());
            List<JsonNode> values = new ArrayList<>();
            if (given != null && given.isArray()) {
                given.forEach(values::add);
            } else if (given != null && !given.isNull()) {
                values.add(given);
            }
            for (JsonNode v : values) {
                String canonical = v.isTextual() ? shape.canonicalUrn(v.asText()) : null;
                if (canonical != null) {
                    urns.add(canonical);
                } else if (!v.isNull()) {
                    unknown.add("unknown schema " + v + " in 'schemas' for resource type " + shape.type().name());
                }
            }
            resource.fieldNames().forEachRemaining(name -> {
                if (shape.extension(name) != null) {
                    urns.add(name);
                }
            });
            ArrayNode out = NODES.arrayNode();
            urns.forEach(out::add);
            return out;
        }

        private JsonNode extension(Schema schema, JsonNode value) {
            if (value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                syntaxErrors.add("extension '" + schema.id() + "' must be a JSON object");
                return null;
            }
            ObjectNode out = NODES.objectNode();
            NameSet seen = new NameSet();
            value.properties().forEach(field -> {
                String path = schema.id() + ":" + field.getKey();
                if (!seen.add(field.getKey())) {
                    syntaxErrors.add("attribute '" + path + "' appears more than once (names ignore case)");
                    return;
                }
                AttributeDefinition attribute = schema.attribute(field.getKey());
                if (attribute == null) {
                    if (!unassigned(field.getValue())) {
                        unknown.add("unknown attribute '" + path + "'");
                    }
                } else {
                    String canonicalPath = schema.id() + ":" + attribute.name();
                    put(out, attribute.name(), value(attribute, field.getValue(), canonicalPath));
                }
            });
            return out.isEmpty() ? null : out;
        }

        /** The canonical value of an attribute, or null when it is unassigned. */
        private JsonNode value(AttributeDefinition attribute, JsonNode value, String path) {
            if (value.isNull()) {
                return null;
            }
            if (!attribute.multiValued()) {
                return single(attribute, value, path);
            }
            ArrayNode out = NODES.arrayNode();
            if (value.isArray()) {
                for (JsonNode element : value) {
                    JsonNode canonical = element.isNull() ? null : single(attribute, element, path);
                    if (canonical != null) {
                        out.add(canonical);
                    }
                }
            } else {
                JsonNode canonical = single(attribute, value, path);
                if (canonical != null) {
                    out.add(canonical);
                }
            }
            return out.isEmpty() ? null : out;
        }

        private JsonNode single(AttributeDefinition attribute, JsonNode value, String path) {
            if (attribute.isComplex() && value.isObject()) {
                ObjectNode out = NODES.objectNode();
                NameSet seen = new NameSet();
                value.properties().forEach(field -> {
                    if (!seen.add(field.getKey())) {
                        syntaxErrors.add("attribute '" + path + "." + field.getKey()
                                + "' appears more than once (names ignore case)");
                        return;
                    }
                    AttributeDefinition sub = attribute.subAttribute(field.getKey());
                    if (sub == null) {
                        if (!unassigned(field.getValue())) {
                            unknown.add("unknown attribute '" + path + "." + field.getKey() + "'");
                        }
                    } else {
                        put(out, sub.name(), value(sub, field.getValue(), path + "." + sub.name()));
                    }
                });
                return out.isEmpty() ? null : out;
            }
            if (attribute.type() == AttributeType.BOOLEAN && lenientBooleans && value.isTextual()) {
                String text = value.asText().trim();
                if (text.equalsIgnoreCase("true")) {
                    return BooleanNode.TRUE;
                }
                if (text.equalsIgnoreCase("false")) {
                    return BooleanNode.FALSE;
                }
            }
            if (value.isArray() && value.isEmpty()) {
                return null;
            }
            return value.deepCopy();
        }

        /** RFC 7643 §2.5: null and {@code []} carry nothing, so an unknown name holding them is dropped silently. */
        private boolean unassigned(JsonNode value) {
            return value.isNull() || (value.isArray() && value.isEmpty());
        }

        private void put(ObjectNode target, String name, JsonNode value) {
            if (value != null) {
                target.set(name, value);
            }
        }
    }

    /** Configures a {@link ResourceNormalizer}; not thread-safe. */
    /**
     * The member names of one JSON object seen so far, to find a name that appears twice in different case. Equality
     * is {@link String#equalsIgnoreCase}, the same as {@link String#CASE_INSENSITIVE_ORDER}'s. Objects have few
     * members, so a linear scan of the names is cheaper than a {@code TreeSet} (which took 30 % of
     * {@code normalize} on the RFC 7643 §8.2 User); past {@value #LINEAR} names it switches to one.
     */
    private static final class NameSet {
        private static final int LINEAR = 32;
        private final List<String> names = new ArrayList<>();
        private Set<String> sorted;

        /** Adds {@code name}; false if an equal name (ignoring case) was already added. */
        boolean add(String name) {
            if (sorted != null) {
                return sorted.add(name);
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return false;
                }
            }
            names.add(name);
            if (names.size() > LINEAR) {
                sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                sorted.addAll(names);
            }
            return true;
        }
    }

    public static final class Builder {
        private final SchemaRegistry registry;
        private UnknownAttributes unknownAttributes = UnknownAttributes.IGNORE;
        private boolean lenientBooleans = true;

        private Builder(SchemaRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** What to do with unknown attributes and schema URNs (default {@link UnknownAttributes#IGNORE}). */
        public Builder unknownAttributes(UnknownAttributes value) {
            this.unknownAttributes = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether {@code "true"}/{@code "false"} strings (any case) become booleans where the schema says boolean
         * (default on). A service sets it from its one switch, the PATCH options' {@code BOOLEAN_STRINGS} tolerance,
         * so that bodies and PATCH values follow the same rule.
         */
        public Builder lenientBooleans(boolean value) {
            this.lenientBooleans = value;
            return this;
        }

        /** Builds the immutable normalizer. */
        public ResourceNormalizer build() {
            return new ResourceNormalizer(this);
        }
    }
}
