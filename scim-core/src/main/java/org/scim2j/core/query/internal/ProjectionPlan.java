package org.scim2j.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code attributes} / {@code excludedAttributes} selection keeps of resources of one type (RFC 7644
 * §3.4.2.5, RFC 7643 §2.2 {@code returned}). Immutable and thread-safe; built once, applied to many resources.
 */
public final class ProjectionPlan {

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final boolean attributesMode;
    private final Level root;
    private final Map<String, Level> extensions = new HashMap<>();
    private final Map<String, Level> extensionsByLowerUrn = new HashMap<>();

    /** Names collected from the parameter: whole schemas, whole attributes and sub-attributes, by lower-case key. */
    private static final class Names {
        final Set<String> schemas = new HashSet<>();
        final Set<String> attributes = new HashSet<>();
        final Set<String> subAttributes = new HashSet<>();

        Names(SchemaRegistry registry, ResourceType type, List<String> tokens) {
            for (String token : tokens) {
                if (type.hasSchema(token)) {
                    schemas.add(lower(token));
                    continue;
                }
                // unknown names select or exclude nothing (see AttributeSelection)
                registry.find(type, AttributePath.parse(token)).ifPresent(this::add);
            }
        }

        private void add(ResolvedAttribute r) {
            String key = key(r.schemaUrn(), r.attribute());
            if (r.hasSubAttribute()) {
                subAttributes.add(key + "." + lower(r.subAttribute().name()));
            } else {
                attributes.add(key);
            }
        }

        boolean wholeSchema(String schemaUrn, ResourceType type) {
            return schemas.contains(lower(Schemas.COMMON.equals(schemaUrn) ? type.schema() : schemaUrn));
        }
    }

    /**
     * @param attributes the {@code attributes} names (may be empty)
     * @param excluded   the {@code excludedAttributes} names (may be empty)
     */
    public ProjectionPlan(SchemaRegistry registry, ResourceType type, List<String> attributes, List<String> excluded) {
        this.registry = registry;
        this.type = type;
        this.attributesMode = !attributes.isEmpty();
        Names named = new Names(registry, type, attributes);
        Names excludedNames = new Names(registry, type, excluded);
        root = new Level(attributesMode ? named.wholeSchema(type.schema(), type)
                : !excludedNames.wholeSchema(type.schema(), type));
        addAll(root, Schemas.commonAttributes(), named, excludedNames);
        addAll(root, registry.coreSchema(type), named, excludedNames);
        for (Schema extension : registry.extensionSchemas(type)) {
            Level level = new Level(attributesMode ? named.wholeSchema(extension.id(), type)
                    : !excludedNames.wholeSchema(extension.id(), type));
            addAll(level, extension, named, excludedNames);
            extensions.put(extension.id(), level);
            extensionsByLowerUrn.put(lower(extension.id()), level);
        }
    }

    /** Whether this plan was built for that registry and type. */
    public boolean isFor(SchemaRegistry otherRegistry, ResourceType otherType) {
        return registry == otherRegistry && type.equals(otherType);
    }

    private void addAll(Level level, Schema schema, Names named, Names excludedNames) {
        String urn = schema.id();
        for (AttributeDefinition a : schema.attributes()) {
            boolean namedWhole = named.attributes.contains(key(urn, a)) || named.wholeSchema(urn, type);
            boolean excludedWhole = excludedNames.attributes.contains(key(urn, a))
                    || excludedNames.wholeSchema(urn, type);
            boolean keep = keep(a.returned(), namedWhole, excludedWhole);
            Map<String, Boolean> subs = new HashMap<>();
            for (AttributeDefinition s : a.subAttributes()) {
                String subKey = key(urn, a) + "." + lower(s.name());
                boolean keepSub;
                if (a.returned() == Returned.NEVER || s.returned() == Returned.NEVER) {
                    keepSub = false;
                } else if (s.returned() == Returned.ALWAYS) {
                    keepSub = true;
                } else if (attributesMode && named.subAttributes.contains(subKey)) {
                    keepSub = true;
                } else if (!attributesMode && excludedNames.subAttributes.contains(subKey)) {
                    keepSub = false;
                } else {
                    keepSub = s.returned() == Returned.DEFAULT ? keep : attributesMode && namedWhole;
                }
                subs.put(s.name(), keepSub);
            }
            level.add(new Rule(a, keep, subs));
        }
    }

    private boolean keep(Returned returned, boolean namedWhole, boolean excludedWhole) {
        switch (returned) {
            case NEVER:
                return false;
            case ALWAYS:
                return true;
            case REQUEST:
                return attributesMode && namedWhole;
            default:
                return attributesMode ? namedWhole : !excludedWhole;
        }
    }

    /** Projects a resource into a new object; the input is not changed. */
    public ObjectNode apply(JsonNode resource) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (resource == null || !resource.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            Rule rule = root.rule(key);
            if (rule != null) {
                putIfKept(out, key, rule.project(value));
                continue;
            }
            Level extension = extensions.get(key);
            if (extension == null) {
                extension = extensionsByLowerUrn.get(lower(key));
            }
            if (extension != null) {
                JsonNode projected = extension.project(value);
                if (projected != null && projected.size() > 0) {
                    out.set(key, projected);
                }
            } else if (!attributesMode) {
                // not an attribute of this resource type: only an explicit attributes list drops it
                out.set(key, value.deepCopy());
            }
        }
        return out;
    }

    private static void putIfKept(ObjectNode out, String key, JsonNode value) {
        if (value != null) {
            out.set(key, value);
        }
    }

    private static String key(String schemaUrn, AttributeDefinition attribute) {
        return lower(schemaUrn) + "|" + lower(attribute.name());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The attributes of one schema level: the resource root (common and core) or one extension object. */
    private static final class Level {
        private final boolean keepUnknown;
        private final Map<String, Rule> rules = new HashMap<>();
        private final Map<String, Rule> rulesByLowerName = new HashMap<>();

        Level(boolean keepUnknown) {
            this.keepUnknown = keepUnknown;
        }

        void add(Rule rule) {
            rules.put(rule.attribute.name(), rule);
            rulesByLowerName.put(lower(rule.attribute.name()), rule);
        }

        Rule rule(String key) {
            Rule rule = rules.get(key);
            return rule != null ? rule : rulesByLowerName.get(lower(key));
        }

        JsonNode project(JsonNode extensionValue) {
            if (!extensionValue.isObject()) {
                return keepUnknown ? extensionValue.deepCopy() : null;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : extensionValue.properties()) {
                Rule rule = rule(field.getKey());
                if (rule != null) {
                    putIfKept(out, field.getKey(), rule.project(field.getValue()));
                } else if (keepUnknown) {
                    out.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            return out;
        }
    }

    /** What to keep of one attribute: all of it, none of it, or some of its sub-attributes. */
    private static final class Rule {
        private final AttributeDefinition attribute;
        private final boolean keepWhole;
        private final boolean keepAll;
        private final boolean keepNone;
        private final Map<String, Boolean> subs;
        private final Map<String, Boolean> subsByLowerName = new HashMap<>();

        Rule(AttributeDefinition attribute, boolean keep, Map<String, Boolean> subs) {
            this.attribute = attribute;
            this.keepWhole = keep;
            this.subs = subs;
            subs.forEach((name, kept) -> subsByLowerName.put(lower(name), kept));
            this.keepAll = keep && !subs.containsValue(Boolean.FALSE);
            this.keepNone = !keep && !subs.containsValue(Boolean.TRUE);
        }

        /** The kept part of the value, or {@code null} when nothing of it is kept. */
        JsonNode project(JsonNode value) {
            if (keepAll) {
                return value.deepCopy();
            }
            if (keepNone || !attribute.isComplex()) {
                return null;
            }
            if (value.isObject()) {
                ObjectNode projected = projectObject(value);
                return projected.size() > 0 || (keepWhole && value.size() == 0) ? projected : null;
            }
            if (!value.isArray()) {
                return keepWhole ? value.deepCopy() : null;
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                if (element.isObject()) {
                    ObjectNode projected = projectObject(element);
                    if (projected.size() > 0 || (keepWhole && element.size() == 0)) {
                        out.add(projected);
                    }
                } else if (keepWhole) {
                    out.add(element.deepCopy());
                }
            }
            return out.size() > 0 || (keepWhole && value.size() == 0) ? out : null;
        }

        private ObjectNode projectObject(JsonNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                Boolean kept = subs.get(field.getKey());
                if (kept == null) {
                    kept = subsByLowerName.getOrDefault(lower(field.getKey()), keepWhole);
                }
                if (kept) {
                    out.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            return out;
        }
    }
}
