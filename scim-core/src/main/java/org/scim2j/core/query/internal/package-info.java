/**
 * The projection plan behind {@link org.scim2j.core.query.AttributeSelection}: which attributes and sub-attributes of
 * a resource type a selection keeps, decided once per resource type.
 *
 * <p>The classes in this package may break backwards compatibility at any time, and are <em>not</em> supported.
 */
package org.scim2j.core.query.internal;
