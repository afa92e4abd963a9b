package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * The {@code meta} attribute of RFC 7643 §3.1. All parts are assigned by the service provider.
 *
 * @param resourceType the resource type name, e.g. {@code User}
 * @param created      when the resource was created
 * @param lastModified when the resource last changed
 * @param location     the URI of the resource
 * @param version      the version (entity tag, RFC 7644 §3.14), e.g. {@code W/"3694e05e9dff590"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(String resourceType, OffsetDateTime created, OffsetDateTime lastModified, String location,
                   String version) {
}
