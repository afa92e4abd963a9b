package org.scim2j.spi.internal;

import org.scim2j.core.error.ScimType;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;
import org.scim2j.filter.Presence;
import org.scim2j.filter.ValuePath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A root-level filter ({@code POST /.search}) specialised to one resource type. RFC 7644 §3.4.2.1: "For filtered
 * attributes that are not part of a particular resource type, the service provider SHALL treat the attribute as if
 * there is no attribute value. For example, a presence or equality filter for an undefined attribute evaluates to
 * false." So each comparison on an attribute the type does not have is replaced by what it gives on an absent value
 * ({@code pr}, {@code eq v}, {@code co}, {@code gt} ... false; {@code eq null} and {@code ne v} true, as the
 * evaluator treats absent values), and the constants are folded away. An attribute that no bound type has is still
 * a client error: 400 {@code invalidFilter}.
 */
final class RootFilters {

    /**
     * The outcome for one type: a constant ({@code filter} null) or a filter to evaluate.
     *
     * @param filter   the remaining filter, or null when the outcome is the constant {@code matches}
     * @param matches  for a constant: whether every resource matches (true) or none (false)
     */
    record Reduced(Filter filter, boolean matches) {
        static final Reduced ALL = new Reduced(null, true);
        static final Reduced NONE = new Reduced(null, false);

        boolean isConstant() {
            return filter == null;
        }
    }

    private RootFilters() {
    }

    /**
     * Requires every attribute path of the filter to be known to at least one of the types.
     *
     * @throws org.scim2j.core.error.ScimException 400 {@code invalidFilter} naming the unknown attribute
     */
    static void requireKnownSomewhere(Filter filter, Collection<ResourceType> types, SchemaRegistry registry) {
        for (AttributePath path : FilterPaths.of(filter)) {
            boolean known = types.stream().anyMatch(t -> registry.find(t, path).isPresent());
            if (!known && !types.isEmpty()) {
                registry.resolve(types.iterator().next(), path, ScimType.INVALID_FILTER);
            }
        }
    }

    /** The filter as it applies to resources of {@code type}. */
    static Reduced reduce(Filter filter, ResourceType type, SchemaRegistry registry) {
        if (filter instanceof Comparison c) {
            return known(c.path(), type, registry) ? new Reduced(c, false) : constant(absent(c));
        }
        if (filter instanceof Presence p) {
            return known(p.path(), type, registry) ? new Reduced(p, false) : Reduced.NONE;
        }
        if (filter instanceof ValuePath v) {
            return known(v.attribute(), type, registry) ? new Reduced(v, false) : Reduced.NONE;
        }
        if (filter instanceof Not n) {
            Reduced inner = reduce(n.filter(), type, registry);
            return inner.isConstant() ? constant(!inner.matches()) : new Reduced(new Not(inner.filter()), false);
        }
        boolean and = filter instanceof And;
        List<Filter> operands = and ? ((And) filter).operands() : ((Or) filter).operands();
        List<Filter> kept = new ArrayList<>(operands.size());
        for (Filter operand : operands) {
            Reduced r = reduce(operand, type, registry);
            if (r.isConstant()) {
                if (r.matches() != and) {
                    // false in an 'and', true in an 'or', decides the whole
                    return constant(r.matches());
                }
            } else {
                kept.add(r.filter());
            }
        }
        if (kept.isEmpty()) {
            return constant(and);
        }
        if (kept.size() == 1) {
            return new Reduced(kept.get(0), false);
        }
        return new Reduced(and ? new And(kept) : new Or(kept), false);
    }

    private static boolean known(AttributePath path, ResourceType type, SchemaRegistry registry) {
        return registry.find(type, path).isPresent();
    }

    /** What a comparison gives on an attribute without value (FilterEvaluator semantics). */
    private static boolean absent(Comparison c) {
        boolean isNull = c.value() instanceof FilterValue.NullValue;
        if (c.op() == CompareOp.EQ) {
            return isNull;
        }
        if (c.op() == CompareOp.NE) {
            return !isNull;
        }
        return false;
    }

    private static Reduced constant(boolean matches) {
        return matches ? Reduced.ALL : Reduced.NONE;
    }
}
