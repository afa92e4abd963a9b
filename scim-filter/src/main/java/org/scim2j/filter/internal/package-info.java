/**
 * Implementation of the filter parser and printer. The classes in this package (and the ANTLR-generated
 * {@code internal.antlr} package) may change incompatibly at any time and are <em>not</em> supported API.
 */
package org.scim2j.filter.internal;
