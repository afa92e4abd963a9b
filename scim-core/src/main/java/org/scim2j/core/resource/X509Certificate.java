package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of a user's {@code x509Certificates} (RFC 7643 §4.1.2).
 *
 * @param value   the DER certificate, base64-encoded (RFC 7643 §2.3.6)
 * @param display a human-readable form of the value, for display
 * @param type    a label such as {@code work}; the schema's canonical values are suggestions
 * @param primary whether this is the preferred value; at most one per attribute (RFC 7643 §2.4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record X509Certificate(String value, String display, String type, Boolean primary) {

    /** A value with a type and no other parts. */
    public static X509Certificate of(String value, String type) {
        return new X509Certificate(value, null, type, null);
    }
}
