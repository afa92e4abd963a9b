package org.scim2j.spi.sql;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multi-valued complex attribute whose values are rows: of a correlated sub-query ({@code existsSubquery}), or,
 * when that is {@code null}, at most one value held in columns of the resource's own row.
 *
 * @param attribute      the canonical attribute name, for messages
 * @param existsSubquery {@code SELECT ... WHERE <correlation>}, extended with {@code AND (...)}; or {@code null}
 * @param subAttributes  the mapped sub-attributes by lower-case name
 * @param valueArrays    by lower-case sub-attribute name, an indexed SQL array of that sub-attribute's values
 *                       ({@link JsonbIndexes}), lower-cased unless the sub-attribute is {@code caseExact}: an
 *                       {@code eq} on it is also written as {@code array @> ARRAY[?]}, which the index serves
 */
record MultiValuedMapping(String attribute, String existsSubquery, Map<String, ColumnMapping> subAttributes,
                          Map<String, String> valueArrays) {

    MultiValuedMapping {
        // sorted, so that the SQL written for "any sub-attribute present" is the same on every run
        subAttributes = Collections.unmodifiableMap(new TreeMap<>(subAttributes));
        valueArrays = Map.copyOf(valueArrays);
    }

    MultiValuedMapping(String attribute, String existsSubquery, Map<String, ColumnMapping> subAttributes) {
        this(attribute, existsSubquery, subAttributes, Map.of());
    }

    MultiValuedMapping withValueArray(String subAttribute, String arraySql) {
        Map<String, String> arrays = new java.util.HashMap<>(valueArrays);
        arrays.put(subAttribute, arraySql);
        return new MultiValuedMapping(attribute, existsSubquery, subAttributes, arrays);
    }

    boolean inline() {
        return existsSubquery == null;
    }

    Collection<ColumnMapping> columns() {
        return subAttributes.values();
    }
}
