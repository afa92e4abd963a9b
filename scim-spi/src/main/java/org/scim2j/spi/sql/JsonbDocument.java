package org.scim2j.spi.sql;

import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.Schema;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL over a {@link ResourceDocument} stored in a PostgreSQL {@code jsonb} column: one column expression per
 * attribute the document keeps, so that {@link ConditionWriter} and {@code ORDER BY} treat them like columns.
 *
 * <ul>
 *   <li>A singular string is {@code (doc ->> 'title')}, or {@code (doc -> '<urn>' ->> 'employeeNumber')} in an
 *       extension, {@code (doc -> 'name' ->> 'givenName')} below a complex attribute: the expression an index on
 *       {@code LOWER(doc ->> 'title')} is built on.</li>
 *   <li>Booleans and numbers are read only where the JSON type is right ({@code CASE WHEN jsonb_typeof(..) ...}), so
 *       a value of another type is no value, as for the in-memory evaluator, and never a cast error.</li>
 *   <li>A multi-valued attribute's values are the rows of {@code jsonb_array_elements}; its sub-attributes are
 *       columns of those rows, and sorting takes the primary value, else the first usable one (RFC 7644
 *       §3.4.2.3).</li>
 *   <li>dateTime values of the document are not translated (PostgreSQL's cast is not total on every form RFC 3339
 *       allows); such filters are the service's.</li>
 * </ul>
 * Names come from the schema registry and are written as SQL string literals with quotes doubled.
 */
final class JsonbDocument {

    private static final String ELEMENT = "scim_e.v";

    /** The sub-attribute key under which a multi-valued simple attribute's element itself is mapped. */
    static final String SELF = "";

    private JsonbDocument() {
    }

    /** What the document adds to a translator: columns, multi-valued mappings and sort keys, by lower-case path. */
    record Mappings(Map<String, ColumnMapping> columns, Map<String, MultiValuedMapping> multiValued,
                    Map<String, ColumnMapping> sortKeys) {
    }

    static Mappings of(ResourceDocument<?> layout, String documentSql) {
        SchemaRegistry registry = layout.registry();
        ResourceType type = layout.type();
        Mappings out = new Mappings(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        String doc = documentSql.strip();
        List<AttributeDefinition> top = new ArrayList<>(Schemas.commonAttributes().attributes());
        top.addAll(registry.coreSchema(type).attributes());
        for (AttributeDefinition attribute : top) {
            String urn = Schemas.commonAttributes().attribute(attribute.name()) == attribute ? Schemas.COMMON
                    : type.schema();
            add(layout, new ResolvedAttribute(urn, attribute, null, false), doc, out);
        }
        for (Schema extension : registry.extensionSchemas(type)) {
            String base = "(" + doc + " -> " + literal(extension.id()) + ")";
            for (AttributeDefinition attribute : extension.attributes()) {
                add(layout, new ResolvedAttribute(extension.id(), attribute, null, true), base, out);
            }
        }
        return out;
    }

    private static void add(ResourceDocument<?> layout, ResolvedAttribute resolved, String container, Mappings out) {
        if (!layout.keeps(resolved)) {
            return;
        }
        AttributeDefinition attribute = resolved.attribute();
        String path = resolved.canonicalPath();
        String value = container + " -> " + literal(attribute.name());
        if (attribute.multiValued()) {
            String array = "(" + value + ")";
            String exists = "SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN "
                    + array + " END) AS scim_e(v) WHERE TRUE";
            Map<String, ColumnMapping> subs = new LinkedHashMap<>();
            if (attribute.isComplex()) {
                for (AttributeDefinition sub : attribute.subAttributes()) {
                    String sql = leaf(ELEMENT + " -> " + literal(sub.name()), sub);
                    if (sql != null) {
                        subs.put(lower(sub.name()), ColumnMapping.of(path + "." + sub.name(), sub, sql));
                        String subPath = path + "." + sub.name();
                        out.sortKeys().put(lower(subPath), sortKey(subPath, array, sub, sql));
                    }
                }
            } else {
                String sql = leaf(ELEMENT, attribute);
                if (sql != null) {
                    subs.put(SELF, ColumnMapping.of(path, attribute, sql));
                    out.sortKeys().put(lower(path), sortKey(path, array, attribute, sql));
                }
            }
            if (!subs.isEmpty()) {
                out.multiValued().put(lower(key(resolved)), new MultiValuedMapping(key(resolved), exists, subs));
            }
            return;
        }
        if (attribute.isComplex()) {
            String object = "(" + value + ")";
            for (AttributeDefinition sub : attribute.subAttributes()) {
                ResolvedAttribute leaf = new ResolvedAttribute(resolved.schemaUrn(), attribute, sub,
                        resolved.extension());
                String sql = layout.keeps(leaf) ? leaf(object + " -> " + literal(sub.name()), sub) : null;
                if (sql != null) {
                    out.columns().put(lower(path + "." + sub.name()), ColumnMapping.of(path + "." + sub.name(), sub,
                            sql));
                }
            }
            return;
        }
        String sql = leaf(value, attribute);
        if (sql != null) {
            out.columns().put(lower(path), ColumnMapping.of(path, attribute, sql));
        }
    }

    /**
     * The SQL value of a JSON value ({@code json} is a jsonb expression) of the attribute's type, NULL where the JSON
     * type does not fit; {@code null} for types that are not translated.
     */
    private static String leaf(String json, AttributeDefinition definition) {
        String node = "(" + json + ")";
        return switch (definition.type()) {
            // ->> on the last step: the plain expression that an index on LOWER(doc ->> 'x') matches
            case STRING, REFERENCE, BINARY -> json.equals(ELEMENT) ? ELEMENT + " #>> '{}'" : textOf(json);
            case BOOLEAN -> "CASE WHEN jsonb_typeof(" + node + ") = 'boolean' THEN " + node + "::boolean END";
            case INTEGER, DECIMAL -> "CASE WHEN jsonb_typeof(" + node + ") = 'number' THEN " + node
                    + "::numeric END";
            default -> null;
        };
    }

    /** {@code a -> 'b' -> 'c'} as {@code a -> 'b' ->> 'c'}. */
    private static String textOf(String json) {
        int arrow = json.lastIndexOf(" -> ");
        return json.substring(0, arrow) + " ->> " + json.substring(arrow + 4);
    }

    /**
     * The sort key of a multi-valued attribute: the sub-attribute of its primary value, else of its first value that
     * has a usable one, as ResourceSorter takes it.
     */
    private static ColumnMapping sortKey(String path, String array, AttributeDefinition definition,
                                         String valueSql) {
        String usable = definition.type() == AttributeType.STRING || definition.type() == AttributeType.REFERENCE
                || definition.type() == AttributeType.BINARY
                ? "(" + valueSql + ") <> ''" : "(" + valueSql + ") IS NOT NULL";
        String sql = "SELECT " + valueSql + " FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + array
                + ") = 'array' THEN " + array + " END) WITH ORDINALITY AS scim_e(v, n) WHERE " + usable
                + " ORDER BY COALESCE(" + ELEMENT + " -> 'primary' = 'true'::jsonb, FALSE) DESC, scim_e.n LIMIT 1";
        return ColumnMapping.of(path, definition, sql);
    }

    /**
     * The indexed array of the values of a multi-valued attribute's sub-attribute, as {@code function} (created by
     * {@link JsonbIndexes#valuesFunction(String)}) computes it: {@code function((doc -> 'emails'), 'value', true)},
     * lower-cased ({@code true}) unless the sub-attribute is {@code caseExact}. The same text for the index and for
     * the condition, so that PostgreSQL matches them.
     */
    static String valuesArray(String documentSql, ResolvedAttribute resolved, String function) {
        if (!resolved.attribute().multiValued() || !resolved.attribute().isComplex() || !resolved.hasSubAttribute()) {
            throw new IllegalArgumentException("'" + resolved.canonicalPath() + "' is not a sub-attribute of a "
                    + "multi-valued complex attribute");
        }
        String doc = documentSql.strip();
        String container = resolved.extension() ? "(" + doc + " -> " + literal(resolved.schemaUrn()) + ")" : doc;
        String array = "(" + container + " -> " + literal(resolved.attribute().name()) + ")";
        boolean fold = new ColumnMapping(resolved.canonicalPath(), resolved.subAttribute(), "x", false).ignoresCase();
        return function + "(" + array + ", " + literal(resolved.subAttribute().name()) + ", " + fold + ")";
    }

    /** The value expression of a singular attribute the document keeps, lower-cased when it ignores case. */
    static String singularValue(String documentSql, ResourceDocument<?> layout, ResolvedAttribute resolved) {
        if (resolved.attribute().multiValued()) {
            throw new IllegalArgumentException("'" + resolved.canonicalPath() + "' is multi-valued");
        }
        ColumnMapping column = of(layout, documentSql).columns().get(lower(resolved.canonicalPath()));
        if (column == null || !layout.keeps(resolved)) {
            throw new IllegalArgumentException("the document does not hold '" + resolved.canonicalPath() + "'");
        }
        return column.ignoresCase() ? "LOWER(" + column.sql() + ")" : column.sql();
    }

    private static String key(ResolvedAttribute resolved) {
        String name = resolved.attribute().name();
        return resolved.extension() ? resolved.schemaUrn() + ":" + name : name;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
