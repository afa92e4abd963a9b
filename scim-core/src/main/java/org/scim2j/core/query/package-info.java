/**
 * The query parameters of RFC 7644 §3.4.2 that shape a result once resources are found: sorting
 * ({@link org.scim2j.core.query.ResourceSorter}, {@link org.scim2j.core.query.SortOrder}, §3.4.2.3) and attribute
 * projection ({@link org.scim2j.core.query.AttributeSelection}, §3.4.2.5 and §3.9).
 */
package org.scim2j.core.query;
