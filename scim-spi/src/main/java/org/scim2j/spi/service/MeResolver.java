package org.scim2j.spi.service;

import java.util.Optional;

/**
 * Maps the authenticated subject to the id of its User, for the {@code /Me} alias (RFC 7644 §3.11). Without a
 * resolver {@code /Me} answers 501.
 */
@FunctionalInterface
public interface MeResolver {

    /** The SCIM id of the User the principal is, or empty (then {@code /Me} answers 404). */
    Optional<String> userId(String principal);
}
