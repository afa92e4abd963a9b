package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of a user's {@code addresses} (RFC 7643 §4.1.2).
 *
 * @param formatted     the full address for display or mailing labels, possibly with newlines
 * @param streetAddress the street, house number and suite
 * @param locality      the city
 * @param region        the state or region
 * @param postalCode    the postal code
 * @param country       the ISO 3166-1 alpha-2 country code
 * @param type          a label such as {@code work}, {@code home}, {@code other}
 * @param primary       whether this is the preferred address; at most one per user (RFC 7643 §2.4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String formatted, String streetAddress, String locality, String region, String postalCode,
                      String country, String type, Boolean primary) {
}
