package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of a user's {@code photos} (RFC 7643 §4.1.2); the value is a URI reference to an image.
 *
 * @param value   the image URI
 * @param display a human-readable form of the value, for display
 * @param type    a label such as {@code photo} or {@code thumbnail}; the schema's canonical values are suggestions
 * @param primary whether this is the preferred value; at most one per attribute (RFC 7643 §2.4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Photo(String value, String display, String type, Boolean primary) {

    /** A value with a type and no other parts. */
    public static Photo of(String value, String type) {
        return new Photo(value, null, type, null);
    }
}
