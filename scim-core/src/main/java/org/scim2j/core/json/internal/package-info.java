/**
 * Helpers of {@code org.scim2j.core.json}. <strong>Not API:</strong> the classes in this package may change or
 * disappear in any release and are not supported for use outside scim2j.
 */
package org.scim2j.core.json.internal;
