/**
 * In-memory, schema-aware evaluation of SCIM filters (RFC 7644 §3.4.2.2) against resources held as Jackson JSON:
 * {@link org.scim2j.core.filter.FilterEvaluator} validates a filter once and compiles it into a
 * {@link org.scim2j.core.filter.ResourceFilter}.
 */
package org.scim2j.core.filter;
