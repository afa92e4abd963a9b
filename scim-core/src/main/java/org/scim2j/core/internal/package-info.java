/**
 * Helpers shared by scim-core's filter, sort and projection code: JSON field lookup, RFC 3339 date-time parsing and
 * attribute location in a resource's JSON.
 *
 * <p>The classes in this package may break backwards compatibility at any time, and are <em>not</em> supported.
 */
package org.scim2j.core.internal;
