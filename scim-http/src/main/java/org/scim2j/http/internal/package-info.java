/**
 * Implementation of the HTTP entry point. The classes in this package may change incompatibly at any time and are
 * <em>not</em> supported API.
 */
package org.scim2j.http.internal;
