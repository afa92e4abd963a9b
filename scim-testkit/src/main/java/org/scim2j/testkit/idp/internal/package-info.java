/**
 * The HTTP client of the identity-provider suites. The classes in this package may break backwards compatibility at
 * any time, and are <em>not</em> supported.
 */
package org.scim2j.testkit.idp.internal;
