package org.scim2j.spi;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;

/**
 * Thrown by a repository when a write would break a uniqueness constraint; the service answers 409
 * {@code uniqueness} (RFC 7644 §3.3, §3.12). Say which value is taken, not how the store noticed.
 */
public class UniquenessException extends ScimException {

    private static final long serialVersionUID = 1L;

    /** @param detail e.g. {@code userName 'bjensen' is already taken} */
    public UniquenessException(String detail) {
        super(409, ScimType.UNIQUENESS, detail);
    }

    /** @param detail the message for the client; @param cause the store's exception, for the log only */
    public UniquenessException(String detail, Throwable cause) {
        super(409, ScimType.UNIQUENESS, detail, cause);
    }
}
