/**
 * Hooks for what the SCIM service does: a {@link org.scim2j.spi.event.ScimObserver} registered on the service sees
 * every successful write ({@link org.scim2j.spi.event.WriteEvent}: created, replaced, patched or deleted, with the
 * group membership delta) and the outcome of every request ({@link org.scim2j.spi.event.RequestOutcome}: method,
 * resource type, status, {@code scimType} of RFC 7644 §3.12, duration). Audit logs and metrics are built on them.
 */
package org.scim2j.spi.event;
