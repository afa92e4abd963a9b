/**
 * Typed SCIM resources of RFC 7643: {@link org.scim2j.core.resource.User} (§4.1) with the Enterprise User extension
 * (§4.3), {@link org.scim2j.core.resource.Group} (§4.2), their complex values and {@link
 * org.scim2j.core.resource.Meta} (§3.1), plus the schema-agnostic {@link org.scim2j.core.resource.GenericResource}.
 * Every type is immutable and safe to share between threads. Convert with {@link org.scim2j.core.json.ScimJson}.
 */
package org.scim2j.core.resource;
