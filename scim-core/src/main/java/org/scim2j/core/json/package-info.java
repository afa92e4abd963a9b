/**
 * SCIM JSON (RFC 7644 §3.1): {@link org.scim2j.core.json.ScimJson} reads untrusted request bodies within limits and
 * converts between trees and typed resources; {@link org.scim2j.core.json.ResourceNormalizer} brings a body into
 * canonical form for its resource type (RFC 7643 §2.1, §2.5); {@link org.scim2j.core.json.SchemaValidator} checks it
 * against the schemas and reports every problem at once.
 */
package org.scim2j.core.json;
