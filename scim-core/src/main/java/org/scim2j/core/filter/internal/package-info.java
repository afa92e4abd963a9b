/**
 * The filter compiler behind {@link org.scim2j.core.filter.FilterEvaluator}: it validates a filter against a resource
 * type once and turns it into a tree of matchers.
 *
 * <p>The classes in this package may break backwards compatibility at any time, and are <em>not</em> supported.
 */
package org.scim2j.core.filter.internal;
