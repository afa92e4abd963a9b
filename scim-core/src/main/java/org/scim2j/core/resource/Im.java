package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of a user's instant messaging addresses, {@code ims} (RFC 7643 §4.1.2).
 *
 * @param value   the handle, e.g. {@code someaimhandle}
 * @param display a human-readable form of the value, for display
 * @param type    a label such as {@code aim}, {@code xmpp}, {@code skype};
 *                the schema's canonical values are suggestions
 * @param primary whether this is the preferred value; at most one per attribute (RFC 7643 §2.4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Im(String value, String display, String type, Boolean primary) {

    /** A value with a type and no other parts. */
    public static Im of(String value, String type) {
        return new Im(value, null, type, null);
    }
}
