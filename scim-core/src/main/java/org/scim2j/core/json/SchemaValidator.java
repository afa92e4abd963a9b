package org.scim2j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.internal.ResourceShape;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaExtension;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.ScimDateTime;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a resource against its resource type's schemas and reports <em>every</em> problem at once, as one 400
 * {@code invalidValue} whose detail lists them (RFC 7644 §3.12). Meant for the output of
 * {@link ResourceNormalizer}, but it also judges raw input (then unknown and misspelt names are problems too).
 * Immutable and thread-safe.
 *
 * <p>Checks: the RFC 7643 §2.3 data types ({@code string}, {@code boolean}, {@code integer} without fraction,
 * {@code decimal}, {@code dateTime} as {@link ScimDateTime} reads it, {@code binary} as base64, {@code reference} as
 * a string,
 * {@code complex} as an object); single- versus multi-valued; at most one {@code "primary": true} per multi-valued
 * attribute (§2.4); {@code schemas} listing the core schema and every extension present (§3); required attributes,
 * except read-only ones such as {@code id} and {@code meta}, which the service provider assigns; and, only when
 * {@link Builder#enforceCanonicalValues(boolean) asked}, canonical values (ignoring case; RFC 7643 calls them
 * suggestions). Mutability is not checked here.
 */
public final class SchemaValidator {

    /** Whether required attributes must be present. */
    public enum Required {
        /** Report missing required attributes: POST and PUT bodies. */
        ENFORCE,
        /** Do not: e.g. a partial document such as a PATCH value. */
        SKIP
    }

    private static final int MAX_REPORTED = 50;
    private static final int MAX_SHOWN_VALUE = 40;

    private final SchemaRegistry registry;
    private final boolean enforceCanonicalValues;

    private SchemaValidator(Builder b) {
        this.registry = b.registry;
        this.enforceCanonicalValues = b.enforceCanonicalValues;
    }

    /** A builder with the defaults (canonical values not enforced). */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Validates a resource.
     *
     * @throws ScimException 400 {@code invalidValue} listing every problem
     */
    public void validate(ResourceType type, ObjectNode resource, Required required) {
        List<String> problems = problems(type, resource, required);
        if (problems.isEmpty()) {
            return;
        }
        List<String> shown = problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
        String more = problems.size() > MAX_REPORTED ? "; and " + (problems.size() - MAX_REPORTED) + " more" : "";
        throw ScimException.invalidValue(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " with the " + type.name() + ": " + String.join("; ", shown) + more);
    }

    /** Every problem with a resource, in document order, then missing required attributes; empty if valid. */
    public List<String> problems(ResourceType type, ObjectNode resource, Required required) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(required, "required");
        ResourceShape shape = new ResourceShape(registry, type);
        List<String> problems = new ArrayList<>();
        JsonNode schemas = null;
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                schemas = field.getValue();
                continue;
            }
            AttributeDefinition attribute = shape.attribute(key);
            Schema extension = attribute == null ? shape.extension(key) : null;
            if (attribute != null) {
                attribute(attribute, field.getValue(), attribute.name(), required, problems);
            } else if (extension != null) {
                extension(extension, field.getValue(), required, problems);
            } else {
                problems.add("'" + key + "' is not an attribute of " + type.name());
            }
        }
        schemas(shape, resource, schemas, problems);
        if (required == Required.ENFORCE) {
            WriteRules.missingRequired(shape.core().attributes(), resource, "", problems);
            for (SchemaExtension e : type.extensions()) {
                if (e.required() && JsonFields.field(resource, e.schema()) == null) {
                    problems.add("extension '" + e.schema() + "' is required");
                }
            }
        }
        return problems;
    }

    private void schemas(ResourceShape shape, ObjectNode resource, JsonNode schemas, List<String> problems) {
        if (schemas == null || schemas.isNull()) {
            problems.add("'schemas' is required (RFC 7643 §3)");
            return;
        }
        if (!schemas.isArray()) {
            problems.add("'schemas' must be an array of schema URNs");
            return;
        }
        List<String> listed = new ArrayList<>();
        for (JsonNode urn : schemas) {
            if (!urn.isTextual()) {
                problems.add("'schemas' must hold strings, not " + show(urn));
            } else if (shape.canonicalUrn(urn.asText()) == null) {
                problems.add("'schemas' lists " + urn + ", which is not a schema of " + shape.type().name());
            } else {
                listed.add(shape.canonicalUrn(urn.asText()));
            }
        }
        if (!listed.contains(shape.core().id())) {
            problems.add("'schemas' must list " + shape.core().id());
        }
        resource.fieldNames().forEachRemaining(name -> {
            Schema extension = shape.extension(name);
            if (extension != null && !listed.contains(extension.id())) {
                problems.add("'schemas' must list " + extension.id() + " because the extension is present");
            }
        });
    }

    private void extension(Schema schema, JsonNode value, Required required, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            problems.add("'" + schema.id() + "' must be an object, not " + show(value));
            return;
        }
        value.properties().forEach(field -> {
            AttributeDefinition attribute = schema.attribute(field.getKey());
            String path = schema.id() + ":" + (attribute == null ? field.getKey() : attribute.name());
            if (attribute == null) {
                problems.add("'" + path + "' is not an attribute of " + schema.id());
            } else {
                attribute(attribute, field.getValue(), path, required, problems);
            }
        });
        if (required == Required.ENFORCE) {
            WriteRules.missingRequired(schema.attributes(), (ObjectNode) value, schema.id() + ":", problems);
        }
    }

    private void attribute(AttributeDefinition attribute, JsonNode value, String path, Required required,
                           List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (!attribute.multiValued()) {
            if (value.isArray()) {
                problems.add("'" + path + "' is single-valued, but got an array");
            } else {
                single(attribute, value, path, required, problems);
            }
            return;
        }
        if (!value.isArray()) {
            problems.add("'" + path + "' is multi-valued and must be an array, not " + show(attribute, value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isNull()) {
                single(attribute, element, path + "[" + i + "]", required, problems);
            }
        }
        int primaries = WriteRules.primaries(value);
        if (primaries > 1) {
            problems.add(WriteRules.tooManyPrimaries(path, primaries));
        }
    }

    private void single(AttributeDefinition attribute, JsonNode value, String path, Required required,
                        List<String> problems) {
        String expected = switch (attribute.type()) {
            case STRING -> value.isTextual() ? null : "a string";
            case BOOLEAN -> value.isBoolean() ? null : "a boolean";
            case INTEGER -> value.isIntegralNumber() ? null : "an integer (no fraction or exponent)";
            case DECIMAL -> value.isNumber() ? null : "a number";
            case DATE_TIME -> value.isTextual() && ScimDateTime.isValid(value.asText())
                    ? null : "a dateTime (RFC 7643 §2.3.5), such as 2011-08-01T18:29:49.793Z";
            case BINARY -> value.isTextual() && isBase64(value.asText()) ? null : "base64-encoded binary";
            case REFERENCE -> value.isTextual() ? null : "a reference (a URI string)";
            case COMPLEX -> value.isObject() ? null : "an object";
        };
        if (expected != null) {
            String text = value.isTextual() ? value.asText().trim() : "";
            String hint = attribute.type() == AttributeType.BOOLEAN
                    && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
                    ? " (boolean strings are accepted only with the BOOLEAN_STRINGS tolerance: "
                    + "scim.patch.tolerance.BOOLEAN_STRINGS)" : "";
            problems.add("'" + path + "' must be " + expected + ", not " + show(attribute, value) + hint);
            return;
        }
        if (attribute.isComplex()) {
            value.properties().forEach(field -> {
                AttributeDefinition sub = attribute.subAttribute(field.getKey());
                if (sub == null) {
                    problems.add("'" + path + "." + field.getKey() + "' is not a sub-attribute of '"
                            + attribute.name() + "'");
                } else {
                    attribute(sub, field.getValue(), path + "." + sub.name(), required, problems);
                }
            });
            if (required == Required.ENFORCE) {
                WriteRules.missingRequired(attribute.subAttributes(), (ObjectNode) value, path + ".", problems);
            }
            return;
        }
        if (enforceCanonicalValues && value.isTextual() && !attribute.canonicalValues().isEmpty()
                && attribute.canonicalValues().stream().noneMatch(c -> c.equalsIgnoreCase(value.asText()))) {
            problems.add("'" + path + "' must be one of " + attribute.canonicalValues() + ", not "
                    + show(attribute, value));
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A short description of a value, never echoing values that are never returned (passwords). */
    private static String show(AttributeDefinition attribute, JsonNode value) {
        if (attribute.returned() == Returned.NEVER && !value.isContainerNode()) {
            return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT) + " (value hidden)";
        }
        return show(value);
    }

    private static String show(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        if (text.length() > MAX_SHOWN_VALUE) {
            text = text.substring(0, MAX_SHOWN_VALUE) + "...";
        }
        return (value.isTextual() ? "the string " : value.isNumber() ? "the number " : "") + text;
    }

    /** Configures a {@link SchemaValidator}; not thread-safe. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private boolean enforceCanonicalValues;

        private Builder(SchemaRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Whether string values must be one of the attribute's canonical values, ignoring case (default off: RFC
         * 7643 §2.3.1 and §7 present them as suggestions, and IdPs send others).
         */
        public Builder enforceCanonicalValues(boolean value) {
            this.enforceCanonicalValues = value;
            return this;
        }

        /** Builds the immutable validator. */
        public SchemaValidator build() {
            return new SchemaValidator(this);
        }
    }
}
