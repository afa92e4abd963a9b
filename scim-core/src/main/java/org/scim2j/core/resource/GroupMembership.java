package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of a user's {@code groups} (RFC 7643 §4.1.2): a read-only view of a group the user belongs to, directly or
 * through a nested group. Clients change memberships through the Group resource.
 *
 * @param value   the group's {@code id}
 * @param ref     the group's URI ({@code $ref})
 * @param display the group's {@code displayName}
 * @param type    {@code direct} or {@code indirect}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMembership(String value, @JsonProperty("$ref") String ref, String display, String type) {
}
