package org.scim2j.spi;

import org.scim2j.core.error.ScimException;

/**
 * Thrown by a repository when a compare-and-set write finds another version than the expected one. With a client
 * {@code If-Match} the service answers 412 (RFC 7644 §3.14); without one it re-reads and retries, bounded.
 */
public class VersionConflictException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail what was expected and what was found */
    public VersionConflictException(String detail) {
        super(412, null, detail);
    }
}
