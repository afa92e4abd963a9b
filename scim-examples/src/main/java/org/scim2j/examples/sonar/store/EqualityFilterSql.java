package org.scim2j.examples.sonar.store;

import org.scim2j.filter.And;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.spi.FilterSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only place that turns SCIM filters into SQL, for both repositories: {@code attr eq "value"} on a few mapped
 * attributes, alone or joined by {@code and} (what {@link FilterSupport#equalityOn} declares). Everything else is
 * left to the service (evaluated in memory or rejected, as it is configured).
 *
 * <p>Its shape is that of the general {@code org.scim2j.spi.sql.SqlFilterTranslator}
 * ({@code column(...)} mappings, {@link #translate}, {@link #supports}, {@link #filterSupport}), so that the
 * repositories can switch to that translator (and declare more filters, and sorting) by replacing the
 * construction of this class.
 */
final class EqualityFilterSql {

    /** A WHERE fragment with its JDBC parameters, in order. */
    record SqlCondition(String sql, List<Object> parameters) {
        SqlCondition {
            parameters = List.copyOf(parameters);
        }

        /** No condition. */
        static final SqlCondition TRUE = new SqlCondition("1=1", List.of());
    }

    private record Column(String expression, boolean ignoreCase) {
    }

    private final Map<String, Column> columns;
    private final FilterSupport support;

    private EqualityFilterSql(Map<String, Column> columns, List<String> attributes) {
        this.columns = Map.copyOf(columns);
        this.support = FilterSupport.equalityOn(attributes.toArray(String[]::new));
    }

    static Builder builder() {
        return new Builder();
    }

    /** What {@link #translate} accepts, for {@code RepositoryCapabilities}. */
    FilterSupport filterSupport() {
        return support;
    }

    boolean supports(Filter filter) {
        return support.supports(filter);
    }

    /**
     * The SQL for a supported filter ({@code null}: no condition).
     *
     * @throws IllegalArgumentException for a filter this class does not support; the service never passes one
     */
    SqlCondition translate(Filter filter) {
        if (filter == null) {
            return SqlCondition.TRUE;
        }
        if (!supports(filter)) {
            throw new IllegalArgumentException("unsupported filter: " + filter);
        }
        List<Comparison> comparisons = new ArrayList<>();
        if (filter instanceof And and) {
            and.operands().forEach(f -> comparisons.add((Comparison) f));
        } else {
            comparisons.add((Comparison) filter);
        }
        List<String> sql = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c.op() != CompareOp.EQ) {
                throw new IllegalArgumentException("unsupported operator: " + c);
            }
            Column column = columns.get(key(c.path().withoutSchema().toString()));
            FilterValue value = c.value();
            if (value == FilterValue.NULL) {
                // RFC 7644 §3.4.2.2: eq null matches resources without a value.
                sql.add(column.expression + " IS NULL");
                continue;
            }
            String text = value instanceof FilterValue.StringValue s ? s.value() : value.toString();
            sql.add(column.ignoreCase ? "LOWER(" + column.expression + ") = LOWER(?)" : column.expression + " = ?");
            parameters.add(text);
        }
        return new SqlCondition(String.join(" AND ", sql), parameters);
    }

    private static String key(String attribute) {
        return attribute.toLowerCase(Locale.ROOT);
    }

    /** Collects the attribute-to-column mappings. */
    static final class Builder {
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final List<String> attributes = new ArrayList<>();

        /** An attribute compared exactly ({@code caseExact: true}). */
        Builder column(String attribute, String expression) {
            columns.put(key(attribute), new Column(expression, false));
            attributes.add(attribute);
            return this;
        }

        /** An attribute compared ignoring case ({@code caseExact: false}), as {@code LOWER(col) = LOWER(?)}. */
        Builder columnIgnoringCase(String attribute, String expression) {
            columns.put(key(attribute), new Column(expression, true));
            attributes.add(attribute);
            return this;
        }

        EqualityFilterSql build() {
            return new EqualityFilterSql(columns, attributes);
        }
    }
}
