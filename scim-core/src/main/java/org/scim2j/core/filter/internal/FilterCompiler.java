package org.scim2j.core.filter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.internal.AttributeLocator;
import org.scim2j.core.internal.AttributeLocator.ValueTest;
import org.scim2j.core.json.JsonFields;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Returned;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.FilterVisitor;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;
import org.scim2j.filter.Presence;
import org.scim2j.filter.ValuePath;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a filter against a resource type and compiles it into {@link Matcher}s. One instance per scope: the
 * resource, or the attribute of a value path whose inner paths name its sub-attributes. Each comparison, presence
 * test and value path is resolved once, and the resolution is recorded for the filter's other consumers (SQL
 * translation, the attributes a repository must load), which then resolve nothing again.
 */
public final class FilterCompiler implements FilterVisitor<Matcher> {

    private static final ValueTest ANY = v -> true;
    private static final ValueTest PRESENT = JsonFields::isPresent;

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final ResolvedAttribute scope;
    private final Map<Filter, ResolvedAttribute> resolutions;

    private FilterCompiler(SchemaRegistry registry, ResourceType type, ResolvedAttribute scope,
                           Map<Filter, ResolvedAttribute> resolutions) {
        this.registry = registry;
        this.type = type;
        this.scope = scope;
        this.resolutions = resolutions;
    }

    /**
     * Compiles a filter for resources of a type, recording in {@code resolutions} (an identity map) the attribute
     * each comparison, presence test and value path names: inside a value path, the attribute with the sub-attribute.
     *
     * @throws ScimException 400 {@code invalidFilter} naming the offending attribute
     */
    public static Matcher compile(SchemaRegistry registry, ResourceType type, Filter filter,
                                  Map<Filter, ResolvedAttribute> resolutions) {
        return filter.accept(new FilterCompiler(registry, type, null, resolutions));
    }

    /** An attribute as a filter sees it: its definition, where to read it, and the path text for messages. */
    private record Target(AttributeDefinition definition, AttributeLocator locator, String path) {
    }

    private Target target(Filter node, AttributePath path, boolean forPresence) {
        ResolvedAttribute resolved;
        String text;
        if (scope == null) {
            resolved = registry.resolve(type, path, ScimType.INVALID_FILTER);
            text = path.toString();
        } else {
            text = scope.attribute().name() + "[" + path + "]";
            AttributeDefinition sub = path.schema() == null && path.subAttribute() == null
                    ? scope.attribute().subAttribute(path.name()) : null;
            if (sub == null) {
                throw ScimException.invalidFilter("unknown attribute '" + path + "' in " + text + ": '"
                        + scope.attribute().name() + "' has no sub-attribute '" + path + "'");
            }
            resolved = new ResolvedAttribute(scope.schemaUrn(), scope.attribute(), sub, scope.extension());
        }
        resolutions.put(node, resolved);
        if (resolved.attribute().returned() == Returned.NEVER || resolved.target().returned() == Returned.NEVER) {
            throw ScimException.invalidFilter("'" + text + "' is never returned (RFC 7643 §2.2) and cannot be "
                    + "filtered on: matching would disclose it");
        }
        AttributeDefinition definition = resolved.target();
        String sub = resolved.hasSubAttribute() ? resolved.subAttribute().name() : null;
        if (definition.isComplex() && !forPresence) {
            // RFC 7644 §3.4.2.2 examples compare "emails co ..." and Group "members eq ...": through "value".
            AttributeDefinition value = definition.subAttribute("value");
            if (value == null) {
                throw ScimException.invalidFilter("complex attribute '" + text + "' has no 'value' sub-attribute; "
                        + "compare one of its sub-attributes, e.g. '" + text + "." + definition.subAttributes().get(0)
                        .name() + "'");
            }
            definition = value;
            sub = value.name();
        }
        AttributeLocator locator = scope == null ? AttributeLocator.of(resolved, sub)
                : new AttributeLocator(null, resolved.subAttribute().name(), null);
        return new Target(definition, locator, text);
    }

    @Override
    public Matcher visitComparison(Comparison filter) {
        boolean isNull = filter.value() == FilterValue.NULL;
        Target target = target(filter, filter.path(), isNull);
        AttributeLocator at = target.locator();
        CompareOp op = filter.op();
        if (isNull) {
            // "x eq null" holds when x has no value, "x ne null" when it has one: the negation of / same as "x pr".
            if (op == CompareOp.EQ) {
                return context -> !at.anyValue(context, PRESENT);
            }
            if (op == CompareOp.NE) {
                return context -> at.anyValue(context, PRESENT);
            }
            throw ScimException.invalidFilter("'" + op.token() + "' cannot compare '" + target.path()
                    + "' with null; only eq and ne can");
        }
        ValueTest test = ValuePredicates.compile(target.definition(), op, filter.value(), target.path());
        if (op == CompareOp.NE) {
            // Any value that differs matches (RFC 7644 §3.4.2.2, multi-valued rule); no value at all matches too.
            return context -> at.anyValue(context, test) || !at.anyValue(context, ANY);
        }
        return context -> at.anyValue(context, test);
    }

    @Override
    public Matcher visitPresence(Presence filter) {
        AttributeLocator at = target(filter, filter.path(), true).locator();
        return context -> at.anyValue(context, PRESENT);
    }

    @Override
    public Matcher visitAnd(And filter) {
        Matcher[] operands = compileAll(filter.operands());
        return context -> {
            for (Matcher m : operands) {
                if (!m.matches(context)) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public Matcher visitOr(Or filter) {
        Matcher[] operands = compileAll(filter.operands());
        return context -> {
            for (Matcher m : operands) {
                if (m.matches(context)) {
                    return true;
                }
            }
            return false;
        };
    }

    @Override
    public Matcher visitNot(Not filter) {
        Matcher operand = filter.filter().accept(this);
        return context -> !operand.matches(context);
    }

    /**
     * Compiles the filter of a value path {@code attribute[filter]} into a matcher of one value of the attribute (the
     * object itself, not a resource holding it), as a PATCH path selects values (RFC 7644 §3.5.2).
     *
     * @throws ScimException 400 {@code invalidFilter} as for a value path in a filter
     */
    public static Matcher compileValueFilter(SchemaRegistry registry, ResourceType type, ValuePath valuePath) {
        return new FilterCompiler(registry, type, null, new IdentityHashMap<>()).valueFilter(valuePath);
    }

    private Matcher valueFilter(ValuePath filter) {
        return filter.filter().accept(new FilterCompiler(registry, type, valuePathAttribute(filter), resolutions));
    }

    private ResolvedAttribute valuePathAttribute(ValuePath filter) {
        ResolvedAttribute resolved = registry.resolve(type, filter.attribute(), ScimType.INVALID_FILTER);
        if (!resolved.attribute().isComplex()) {
            throw ScimException.invalidFilter("'" + filter.attribute() + "' is not a complex attribute, so it has no "
                    + "value filter '[...]'");
        }
        if (resolved.attribute().returned() == Returned.NEVER) {
            throw ScimException.invalidFilter("'" + filter.attribute() + "' is never returned (RFC 7643 §2.2) and "
                    + "cannot be filtered on");
        }
        return resolved;
    }

    @Override
    public Matcher visitValuePath(ValuePath filter) {
        if (scope != null) {
            throw ScimException.invalidFilter("value paths cannot nest: " + filter);
        }
        ResolvedAttribute resolved = valuePathAttribute(filter);
        resolutions.put(filter, resolved);
        Matcher inner = filter.filter().accept(new FilterCompiler(registry, type, resolved, resolutions));
        AttributeLocator at = AttributeLocator.of(resolved, null);
        return context -> {
            JsonNode a = at.attribute(context);
            if (a == null) {
                return false;
            }
            if (a.isArray()) {
                for (int i = 0, n = a.size(); i < n; i++) {
                    JsonNode element = a.get(i);
                    if (element.isObject() && inner.matches(element)) {
                        return true;
                    }
                }
                return false;
            }
            return a.isObject() && inner.matches(a);
        };
    }

    private Matcher[] compileAll(List<Filter> filters) {
        Matcher[] out = new Matcher[filters.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = filters.get(i).accept(this);
        }
        return out;
    }
}
