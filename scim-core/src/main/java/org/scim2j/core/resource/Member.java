package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of a group's {@code members} (RFC 7643 §4.2).
 *
 * @param value   the member's {@code id}
 * @param ref     the member's URI ({@code $ref})
 * @param display the member's display name
 * @param type    {@code User} or {@code Group}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(String value, @JsonProperty("$ref") String ref, String display, String type) {

    /** A member given by id only, as IdPs send it in PATCH requests. */
    public static Member of(String value) {
        return new Member(value, null, null, null);
    }
}
