package org.scim2j.spi;

import org.scim2j.core.resource.GenericResource;

/** The store of a custom resource type registered with its schema (RFC 7643 §6). */
public interface GenericRepository extends ResourceRepository<GenericResource> {
}
