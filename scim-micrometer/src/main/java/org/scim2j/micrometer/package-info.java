/**
 * Micrometer metrics for scim2j: {@link org.scim2j.micrometer.ScimMetrics} is a
 * {@link org.scim2j.spi.event.ScimObserver} that records every request's outcome as the timer {@code scim.requests}
 * and every write as the counter {@code scim.writes}.
 */
package org.scim2j.micrometer;
