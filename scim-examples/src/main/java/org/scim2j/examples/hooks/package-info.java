/**
 * Host hooks the README shows: an audit log on the service's observer, and writes run in the host's transaction
 * by a repository decorator.
 */
package org.scim2j.examples.hooks;
