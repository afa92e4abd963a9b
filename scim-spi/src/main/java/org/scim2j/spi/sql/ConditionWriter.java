package org.scim2j.spi.sql;

import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.ResolvedAttribute;
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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the SQL of one filter; one instance per scope (the resource, or the values of a value path's attribute).
 * The filter was resolved against the schema when it was compiled ({@link ResourceFilter}): each node's attribute is
 * read from that resolution, never resolved again. Unmapped attributes are collected rather than thrown, so that a
 * caller can name every one of them.
 *
 * <p>SQL has three-valued logic and the filter language has two: {@code col = ?} is UNKNOWN, not FALSE, when
 * {@code col} is NULL, and {@code NOT UNKNOWN} is still UNKNOWN. Without {@code NOT}, UNKNOWN and FALSE select the
 * same rows ({@code AND}/{@code OR} are monotone), so each fragment only records whether it may be UNKNOWN, and
 * {@code not} is written as {@code (x) IS NOT TRUE} for those that may, {@code NOT (x)} for the others.
 */
final class ConditionWriter implements FilterVisitor<ConditionWriter.Fragment> {

    /**
     * A piece of SQL with its parameters.
     *
     * @param sql      the SQL, safe to put next to {@code AND}, {@code OR} and {@code NOT}
     * @param params   the parameters of its placeholders, in order
     * @param nullable whether it may evaluate to UNKNOWN
     * @param grouped  whether it is one operand that {@code NOT} can precede without parentheses
     */
    record Fragment(String sql, List<Object> params, boolean nullable, boolean grouped) {
    }

    private static final Fragment FALSE = new Fragment("1 = 0", List.of(), false, false);

    private final SqlFilterTranslator mappings;
    private final ResourceFilter resolution;
    private final Set<String> unmapped;
    private final String scopeName;
    private final Map<String, ColumnMapping> scope;

    ConditionWriter(SqlFilterTranslator mappings, ResourceFilter resolution, Set<String> unmapped) {
        this(mappings, resolution, unmapped, null, null);
    }

    private ConditionWriter(SqlFilterTranslator mappings, ResourceFilter resolution, Set<String> unmapped,
                            String scopeName, Map<String, ColumnMapping> scope) {
        this.mappings = mappings;
        this.resolution = resolution;
        this.unmapped = unmapped;
        this.scopeName = scopeName;
        this.scope = scope;
    }

    // ---------------------------------------------------------------- filter nodes

    @Override
    public Fragment visitComparison(Comparison filter) {
        if (filter.value() == FilterValue.NULL) {
            // "x eq null" is "not (x pr)", "x ne null" is "x pr", as in scim-core's FilterEvaluator
            Fragment present = presence(filter, filter.path());
            return filter.op() == CompareOp.EQ ? not(present) : present;
        }
        if (scope != null) {
            ColumnMapping column = inScope(filter, filter.path());
            return column == null ? FALSE : compare(column, filter.op(), filter.value());
        }
        ResolvedAttribute resolved = resolution.attributeOf(filter);
        AttributeDefinition attribute = resolved.attribute();
        if (attribute.multiValued()) {
            MultiValuedMapping values = mappings.multiValued(resolved);
            // a simple multi-valued attribute (in a document) maps its values themselves
            String sub = resolved.hasSubAttribute() ? resolved.subAttribute().name()
                    : attribute.isComplex() ? "value" : JsonbDocument.SELF;
            ColumnMapping column = values == null ? null : values.subAttributes().get(lower(sub));
            if (column == null) {
                return unmapped(filter.path().toString());
            }
            return anyValue(values, column, filter.op(), filter.value());
        }
        ColumnMapping column = mappings.column(resolved);
        return column == null ? unmapped(filter.path().toString()) : compare(column, filter.op(), filter.value());
    }

    @Override
    public Fragment visitPresence(Presence filter) {
        return presence(filter, filter.path());
    }

    @Override
    public Fragment visitAnd(And filter) {
        return join(filter.operands(), " AND ");
    }

    @Override
    public Fragment visitOr(Or filter) {
        return join(filter.operands(), " OR ");
    }

    @Override
    public Fragment visitNot(Not filter) {
        return not(filter.filter().accept(this));
    }

    @Override
    public Fragment visitValuePath(ValuePath filter) {
        // compiling rejected a nested value path and one on a simple attribute
        ResolvedAttribute resolved = resolution.attributeOf(filter);
        String name = resolved.canonicalPath();
        if (resolved.attribute().multiValued()) {
            MultiValuedMapping values = mappings.multiValued(resolved);
            if (values == null) {
                return unmapped(filter.attribute().toString());
            }
            Fragment inner = filter.filter().accept(new ConditionWriter(mappings, resolution, unmapped, name,
                    values.subAttributes()));
            List<Fragment> parts = new ArrayList<>();
            List<Filter> conjuncts = filter.filter() instanceof And and ? and.operands() : List.of(filter.filter());
            for (Filter conjunct : conjuncts) {
                if (conjunct instanceof Comparison c) {
                    String sub = resolution.attributeOf(c).subAttribute().name();
                    Fragment prefilter = containing(values, values.subAttributes().get(lower(sub)), c.op(), c.value());
                    if (prefilter != null) {
                        parts.add(prefilter);
                    }
                }
            }
            parts.add(exists(values, inner));
            return join(parts, " AND ", true);
        }
        // a singular complex attribute (name[familyName eq "x"]): its one value exists when any column has a value
        Map<String, ColumnMapping> columns = mappings.subAttributeColumns(resolved);
        if (columns.isEmpty()) {
            return unmapped(filter.attribute().toString());
        }
        Fragment inner = filter.filter().accept(new ConditionWriter(mappings, resolution, unmapped, name, columns));
        return and(anyNotNull(columns.values()), inner);
    }

    // ---------------------------------------------------------------- attributes

    private ColumnMapping inScope(Filter node, AttributePath path) {
        ColumnMapping column = scope.get(lower(resolution.attributeOf(node).subAttribute().name()));
        if (column == null) {
            unmapped(scopeName + "[" + path + "]");
        }
        return column;
    }

    /** {@code path pr}: RFC 7644 §3.4.2.2, with null, {@code ""} and empty complex values counted as absent. */
    private Fragment presence(Filter node, AttributePath path) {
        if (scope != null) {
            ColumnMapping column = inScope(node, path);
            return column == null ? FALSE : present(column);
        }
        ResolvedAttribute resolved = resolution.attributeOf(node);
        if (resolved.attribute().multiValued()) {
            MultiValuedMapping values = mappings.multiValued(resolved);
            if (values == null) {
                return unmapped(path.toString());
            }
            if (resolved.hasSubAttribute()) {
                ColumnMapping column = values.subAttributes().get(lower(resolved.subAttribute().name()));
                return column == null ? unmapped(path.toString()) : exists(values, present(column));
            }
            return exists(values, anyPresent(values.columns()));
        }
        if (resolved.target().isComplex()) {
            Collection<ColumnMapping> columns = mappings.subAttributeColumns(resolved).values();
            return columns.isEmpty() ? unmapped(path.toString()) : anyPresent(columns);
        }
        ColumnMapping column = mappings.column(resolved);
        return column == null ? unmapped(path.toString()) : present(column);
    }

    private Fragment unmapped(String path) {
        unmapped.add(path);
        return FALSE;
    }

    // ---------------------------------------------------------------- SQL pieces

    /**
     * {@code attr op value} over a multi-valued attribute: some value matches; for {@code ne}, some value differs or
     * there is no value at all (what FilterEvaluator decided: nothing is identical to the literal).
     */
    private Fragment anyValue(MultiValuedMapping values, ColumnMapping column, CompareOp op, FilterValue value) {
        if (op != CompareOp.NE) {
            Fragment prefilter = containing(values, column, op, value);
            Fragment any = exists(values, compare(column, op, value));
            return prefilter == null ? any : join(List.of(prefilter, any), " AND ", true);
        }
        Fragment differs = compare(column, op, value, false);
        Fragment none = not(exists(values, notNull(column)));
        return join(List.of(exists(values, differs), none), " OR ", true);
    }

    /**
     * For an {@code eq} on a sub-attribute with an indexed values array ({@link JsonbIndexes}): the array contains
     * the value, a condition that every match meets and that the GIN index serves; else null. Never UNKNOWN: the
     * array function gives an empty array, not NULL, for a resource without values.
     */
    private static Fragment containing(MultiValuedMapping values, ColumnMapping column, CompareOp op,
                                       FilterValue value) {
        if (column == null || op != CompareOp.EQ || !(value instanceof FilterValue.StringValue s)) {
            return null;
        }
        String array = values.valueArrays().get(lower(column.path().substring(column.path().lastIndexOf('.') + 1)));
        if (array == null) {
            return null;
        }
        String element = column.ignoresCase() ? "LOWER(CAST(? AS TEXT))" : "CAST(? AS TEXT)";
        return new Fragment(array + " @> ARRAY[" + element + "]", List.of(s.value()), false, false);
    }

    private Fragment exists(MultiValuedMapping values, Fragment condition) {
        if (values.inline()) {
            return and(anyNotNull(values.columns()), condition);
        }
        // "grouped": EXISTS (...) is one operand, so that "not" writes NOT EXISTS (...)
        return new Fragment("EXISTS (" + values.existsSubquery() + " AND " + condition.sql() + ")",
                condition.params(), false, true);
    }

    private Fragment compare(ColumnMapping column, CompareOp op, FilterValue value) {
        return compare(column, op, value, true);
    }

    /**
     * {@code column op value} on one column. {@code ne} is true on NULL unless {@code neOnNull} is false (inside an
     * {@code EXISTS}, where a NULL is not a value). The literal's type was checked when the filter was compiled; a
     * literal that still does not bind yields FALSE.
     */
    private Fragment compare(ColumnMapping column, CompareOp op, FilterValue value, boolean neOnNull) {
        String col = column.sql();
        Object param = SqlValues.parameter(column, op, value);
        if (param == null) {
            return FALSE;
        }
        String lhs = col;
        String rhs = "?";
        if (column.ignoresCase()) {
            lhs = column.lowerSql(mappings.lowerFunction());
            rhs = mappings.lowerFunction() + "(?)";
        }
        switch (op) {
            case EQ:
                return leaf(lhs + " = " + rhs, param);
            case NE:
                return neOnNull ? new Fragment("(" + col + " IS NULL OR " + lhs + " <> " + rhs + ")", List.of(param),
                        false, true) : leaf(lhs + " <> " + rhs, param);
            case CO:
            case SW:
            case EW:
                // the pattern is a parameter; only its % _ \ are escaped, and ESCAPE names the escape explicitly
                return leaf(lhs + " LIKE " + rhs + " ESCAPE '\\'", param);
            default:
                String symbol = op == CompareOp.GT ? " > " : op == CompareOp.GE ? " >= " : op == CompareOp.LT ? " < "
                        : " <= ";
                return column.isText() ? leaf(collate(lhs) + symbol + collate(rhs), param)
                        : leaf(lhs + symbol + rhs, param);
        }
    }

    private String collate(String expression) {
        String collation = mappings.collation();
        return collation == null ? expression : expression + " COLLATE " + collation;
    }

    private static Fragment leaf(String sql, Object param) {
        return new Fragment(sql, List.of(param), true, false);
    }

    private static Fragment present(ColumnMapping column) {
        String col = column.sql();
        return column.isText() ? new Fragment("(" + col + " IS NOT NULL AND " + col + " <> '')", List.of(), false, true)
                : notNull(column);
    }

    private static Fragment notNull(ColumnMapping column) {
        return new Fragment(column.sql() + " IS NOT NULL", List.of(), false, false);
    }

    private static Fragment anyPresent(Collection<ColumnMapping> columns) {
        List<Fragment> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(present(c)));
        return join(parts, " OR ", true);
    }

    private static Fragment anyNotNull(Collection<ColumnMapping> columns) {
        List<Fragment> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(notNull(c)));
        return join(parts, " OR ", true);
    }

    private static Fragment not(Fragment f) {
        String grouped = f.grouped() ? f.sql() : "(" + f.sql() + ")";
        return f.nullable() ? new Fragment(grouped + " IS NOT TRUE", f.params(), false, false)
                : new Fragment("NOT " + grouped, f.params(), false, false);
    }

    private static Fragment and(Fragment a, Fragment b) {
        return join(List.of(a, b), " AND ", true);
    }

    private Fragment join(List<Filter> operands, String operator) {
        List<Fragment> parts = new ArrayList<>(operands.size());
        for (Filter f : operands) {
            parts.add(f.accept(this));
        }
        return join(parts, operator, true);
    }

    private static Fragment join(List<Fragment> parts, String operator, boolean group) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder sql = new StringBuilder(group ? "(" : "");
        List<Object> params = new ArrayList<>();
        boolean nullable = false;
        for (int i = 0; i < parts.size(); i++) {
            Fragment part = parts.get(i);
            sql.append(i == 0 ? "" : operator).append(part.sql());
            params.addAll(part.params());
            nullable |= part.nullable();
        }
        return new Fragment(sql.append(group ? ")" : "").toString(), params, nullable, group);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
