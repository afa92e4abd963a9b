/**
 * Implementation of the servlet binding. The classes in this package may change incompatibly at any time and are
 * <em>not</em> supported API.
 */
package org.scim2j.servlet.internal;
