package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The components of a user's name (RFC 7643 §4.1.1, {@code name}).
 *
 * @param formatted       the full name for display, e.g. {@code Ms. Barbara J Jensen, III}
 * @param familyName      the family name
 * @param givenName       the given name
 * @param middleName      the middle name(s)
 * @param honorificPrefix e.g. {@code Ms.}
 * @param honorificSuffix e.g. {@code III}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Name(String formatted, String familyName, String givenName, String middleName,
                   String honorificPrefix, String honorificSuffix) {
}
