package org.scim2j.spi.sql;

import org.scim2j.core.schema.ResolvedAttribute;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL indexes that serve filters on attributes a {@link ResourceDocument} keeps in a {@code jsonb}
 * column, as DDL a host puts in its migrations. Each index is built on exactly the expression
 * {@link SqlFilterTranslator} writes, so that the planner uses it:
 *
 * <ul>
 *   <li>a singular attribute ({@code title}, the Enterprise {@code employeeNumber}, {@code name.familyName}):
 *       {@link #valueIndex} indexes {@code LOWER(attributes ->> 'title')} (the value as is when {@code caseExact}),
 *       which serves {@code eq}, and with a {@code C} collation also {@code sw} and {@code gt}/{@code lt};</li>
 *   <li>a sub-attribute of a multi-valued attribute ({@code emails.value}, as Entra ID matches users with
 *       {@code emails[type eq "work"].value eq "..."}): {@link #valuesFunction} creates a function returning the
 *       (lower-cased) values as a {@code text[]}, {@link #valuesIndex} a GIN index on it, and the translator, told
 *       with {@link SqlFilterTranslator.Builder#valuesIndex}, adds {@code function(...) @> ARRAY[LOWER(?)]} to every
 *       {@code eq} on it, in front of the exact {@code EXISTS} test.</li>
 * </ul>
 * {@code co} and {@code ew} are served by no such index (a {@code pg_trgm} GIN index would); {@code pr} on a
 * document attribute is served by none.
 *
 * <pre>{@code
 *   JsonbIndexes.valuesFunction("scim_values");
 *   JsonbIndexes.valuesIndex("idx_scim_users_emails", "scim_users", "attributes", documents, "emails.value",
 *           "scim_values");
 *   // CREATE INDEX IF NOT EXISTS idx_scim_users_emails ON scim_users USING GIN
 *   //     ((scim_values((attributes -> 'emails'), 'value', true)))
 * }</pre>
 */
public final class JsonbIndexes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private JsonbIndexes() {
    }

    /**
     * {@code CREATE OR REPLACE FUNCTION name(jsonb, text, boolean) RETURNS text[]}: the string values of a
     * sub-attribute across a JSON array of complex values, lower-cased when the third argument is true; an empty
     * array for anything that is not an array. IMMUTABLE, so that it can be indexed.
     */
    public static String valuesFunction(String name) {
        requireName(name);
        return "CREATE OR REPLACE FUNCTION " + name + "(arr jsonb, sub text, fold boolean) RETURNS text[]"
                + " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
                + " SELECT coalesce(array_agg(CASE WHEN fold THEN lower(e ->> sub) ELSE e ->> sub END), '{}')"
                + " FROM jsonb_array_elements(CASE WHEN jsonb_typeof(arr) = 'array' THEN arr ELSE '[]'::jsonb END)"
                + " AS e WHERE jsonb_typeof(e -> sub) = 'string' $$";
    }

    /**
     * {@code CREATE INDEX IF NOT EXISTS indexName ON table USING GIN ((function((documentColumn -> 'emails'),
     * 'value', true)))} for a sub-attribute of a multi-valued attribute the layout keeps.
     *
     * @throws IllegalArgumentException if the path is not such a sub-attribute, or a name is not an SQL name
     */
    public static String valuesIndex(String indexName, String table, String documentColumn,
                                     ResourceDocument<?> layout, String attributePath, String function) {
        requireName(indexName);
        requireName(table);
        requireName(documentColumn);
        requireName(function);
        ResolvedAttribute resolved = resolve(layout, attributePath);
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON " + table + " USING GIN (("
                + JsonbDocument.valuesArray(documentColumn, resolved, function) + "))";
    }

    /**
     * {@code CREATE INDEX IF NOT EXISTS indexName ON table ((LOWER((documentColumn ->> 'title'))))} for a singular
     * attribute the layout keeps ({@code LOWER} only when it ignores case).
     *
     * @throws IllegalArgumentException if the path is not a singular attribute the layout keeps
     */
    public static String valueIndex(String indexName, String table, String documentColumn,
                                    ResourceDocument<?> layout, String attributePath) {
        requireName(indexName);
        requireName(table);
        requireName(documentColumn);
        ResolvedAttribute resolved = resolve(layout, attributePath);
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON " + table + " (("
                + JsonbDocument.singularValue(documentColumn, layout, resolved) + "))";
    }

    private static ResolvedAttribute resolve(ResourceDocument<?> layout, String attributePath) {
        Objects.requireNonNull(layout, "layout");
        return layout.registry().resolveConfigured(layout.type(), attributePath);
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SQL name: " + name);
        }
        return name;
    }
}
