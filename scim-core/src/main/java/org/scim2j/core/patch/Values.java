package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.Mutability;
import org.scim2j.core.schema.ScimDateTime;
import org.scim2j.filter.FilterValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Checks and converts PATCH values against attribute definitions, applying the value tolerances. */
final class Values {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PatchOptions options;

    Values(PatchOptions options) {
        this.options = options;
    }

    /**
     * The values for a multi-valued attribute: an array, or one value read as a one-element array.
     *
     * @throws ScimException 400 {@code invalidValue} for more than {@link PatchOptions#maxValuesPerAttribute()}
     */
    List<JsonNode> elements(AttributeDefinition attribute, JsonNode value, String where) {
        int count = value.isArray() ? value.size() : 1;
        if (count > options.maxValuesPerAttribute()) {
            throw ScimException.invalidValue(where + ": " + count + " values for '" + attribute.name()
                    + "'; this service provider accepts at most " + options.maxValuesPerAttribute() + " per attribute"
                    + " in one operation (maxValuesPerAttribute): send them in several operations or requests");
        }
        List<JsonNode> out = new ArrayList<>(value.isArray() ? value.size() : 1);
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isNull()) {
                    out.add(simpleOrComplex(attribute, element, where));
                }
            }
        } else if (!value.isNull()) {
            out.add(simpleOrComplex(attribute, value, where));
        }
        return out;
    }

    JsonNode simpleOrComplex(AttributeDefinition definition, JsonNode value, String where) {
        return definition.isComplex() ? complex(definition, value, where) : simple(definition, value, where);
    }

    /**
     * A complex value with canonical sub-attribute names. Read-only sub-attributes are dropped (RFC 7643 §2.2: the
     * service provider sets them); unknown ones are dropped with {@link Tolerance#LENIENT_MEMBER_VALUES}.
     */
    ObjectNode complex(AttributeDefinition attribute, JsonNode value, String where) {
        JsonNode object = value;
        if (value.isTextual() && attribute.subAttribute("value") != null) {
            Tolerance needed = attribute.name().equals("manager") ? Tolerance.MANAGER_SHORTHAND
                    : Tolerance.LENIENT_MEMBER_VALUES;
            if (!options.allows(needed)) {
                throw ScimException.invalidValue(where + ": '" + attribute.name() + "' takes an object such as "
                        + "{\"value\":\"" + value.asText() + "\"} (a bare id is accepted with " + needed.settingName()
                        + ")");
            }
            object = NODES.objectNode().put("value", value.asText());
        } else if (value.isArray() && !attribute.multiValued() && attribute.name().equals("manager")) {
            if (!options.allows(Tolerance.MANAGER_SHORTHAND) || value.size() != 1) {
                throw ScimException.invalidValue(where + ": 'manager' takes one object, not an array (a one-element"
                        + " array is accepted with " + Tolerance.MANAGER_SHORTHAND.settingName() + ")");
            }
            object = value.get(0);
        }
        if (!object.isObject()) {
            throw ScimException.invalidValue(where + ": '" + attribute.name() + "' takes an object of its "
                    + "sub-attributes, not " + describe(object));
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            AttributeDefinition sub = attribute.subAttribute(field.getKey());
            JsonNode fieldValue = field.getValue();
            if (sub == null) {
                if (options.allows(Tolerance.LENIENT_MEMBER_VALUES)) {
                    continue;
                }
                throw ScimException.invalidValue(where + ": '" + attribute.name() + "' has no sub-attribute '"
                        + field.getKey() + "' (unknown keys are dropped with "
                        + Tolerance.LENIENT_MEMBER_VALUES.settingName() + ")");
            }
            if (fieldValue.isNull() || sub.mutability() == Mutability.READ_ONLY) {
                continue; // "$ref": null, or a value only the service provider sets
            }
            out.set(sub.name(), simple(sub, fieldValue, where));
        }
        return out;
    }

    /** A value of a simple type (RFC 7643 §2.3), checked and, for booleans given as strings, converted. */
    JsonNode simple(AttributeDefinition definition, JsonNode value, String where) {
        switch (definition.type()) {
            case STRING, REFERENCE -> {
                if (value.isTextual()) {
                    return value;
                }
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    return value;
                }
                if (value.isTextual() && (value.asText().equalsIgnoreCase("true")
                        || value.asText().equalsIgnoreCase("false"))) {
                    if (options.allows(Tolerance.BOOLEAN_STRINGS)) {
                        return BooleanNode.valueOf(value.asText().equalsIgnoreCase("true"));
                    }
                    throw ScimException.invalidValue(where + ": '" + definition.name() + "' is a boolean, not the "
                            + "string \"" + value.asText() + "\" (accepted with "
                            + Tolerance.BOOLEAN_STRINGS.settingName() + ")");
                }
            }
            case INTEGER -> {
                if (value.isIntegralNumber()) {
                    return value;
                }
            }
            case DECIMAL -> {
                if (value.isNumber()) {
                    return value;
                }
            }
            case DATE_TIME -> {
                if (value.isTextual()) {
                    if (ScimDateTime.isValid(value.asText())) {
                        return value;
                    }
                    throw ScimException.invalidValue(where + ": '" + definition.name() + "' must be a dateTime "
                            + "(RFC 7643 §2.3.5), such as 2011-05-13T04:42:34Z, not \"" + value.asText() + "\"");
                }
            }
            case BINARY -> {
                if (value.isTextual()) {
                    try {
                        Base64.getMimeDecoder().decode(value.asText());
                        return value;
                    } catch (IllegalArgumentException e) {
                        throw ScimException.invalidValue(where + ": '" + definition.name() + "' must be base64");
                    }
                }
            }
            case COMPLEX -> throw ScimException.invalidValue(where + ": '" + definition.name() + "' is complex");
            default -> throw new IllegalStateException("unknown type " + definition.type());
        }
        throw ScimException.invalidValue(where + ": '" + definition.name() + "' takes a " + definition.type()
                .wireName() + ", not " + describe(value));
    }

    /** Whether two values of a string sub-attribute are equal, honouring caseExact. */
    static boolean sameText(AttributeDefinition definition, JsonNode a, JsonNode b) {
        if (a == null || b == null || !a.isTextual() || !b.isTextual()) {
            return a != null && a.equals(b);
        }
        return definition.caseExact() ? a.asText().equals(b.asText()) : a.asText().equalsIgnoreCase(b.asText());
    }

    /** Whether every member of {@code part} is in {@code whole} with an equal value. */
    static boolean isSubset(JsonNode part, JsonNode whole) {
        if (!whole.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : part.properties()) {
            if (!field.getValue().equals(whole.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A filter literal as JSON. */
    static JsonNode literal(FilterValue value) {
        if (value instanceof FilterValue.StringValue s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof FilterValue.NumberValue n) {
            java.math.BigDecimal number = n.value();
            if (number.stripTrailingZeros().scale() <= 0) {
                try {
                    return NODES.numberNode(number.longValueExact());
                } catch (ArithmeticException tooLarge) {
                    return NODES.numberNode(number.toBigInteger());
                }
            }
            return NODES.numberNode(number);
        }
        if (value instanceof FilterValue.BooleanValue b) {
            return BooleanNode.valueOf(b.value());
        }
        return NODES.nullNode();
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + value.asText() + "\"";
            case NUMBER -> "the number " + value;
            case BOOLEAN -> "the boolean " + value;
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
