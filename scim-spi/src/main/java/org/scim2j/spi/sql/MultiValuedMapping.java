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
 */
record MultiValuedMapping(String attribute, String existsSubquery, Map<String, ColumnMapping> subAttributes) {

    MultiValuedMapping {
        // sorted, so that the SQL written for "any sub-attribute present" is the same on every run
        subAttributes = Collections.unmodifiableMap(new TreeMap<>(subAttributes));
    }

    boolean inline() {
        return existsSubquery == null;
    }

    Collection<ColumnMapping> columns() {
        return subAttributes.values();
    }
}
