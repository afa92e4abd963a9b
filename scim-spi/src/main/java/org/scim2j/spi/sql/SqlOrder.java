package org.scim2j.spi.sql;

import java.util.Objects;

/**
 * An SQL {@code ORDER BY} list, without the keywords, e.g. {@code LOWER(NULLIF(u.login, '')) ASC NULLS LAST, u.uuid
 * ASC}. It holds column expressions configured by the host and SQL keywords only, no client-supplied text, so it has
 * no parameters.
 *
 * @param sql the sort keys, to follow {@code ORDER BY }
 */
public record SqlOrder(String sql) {

    /** Rejects a null or blank list. */
    public SqlOrder {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("blank ORDER BY list");
        }
    }
}
