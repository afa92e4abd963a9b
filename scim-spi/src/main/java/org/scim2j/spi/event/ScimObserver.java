package org.scim2j.spi.event;

/**
 * Sees what a {@link org.scim2j.spi.service.ScimService} does, for audit logs, metrics and events. Register any
 * number with {@link org.scim2j.spi.service.ScimService.Builder#observer}; they are called in registration order, on
 * the request's thread.
 *
 * <pre>{@code
 *   ScimService scim = ScimService.builder()
 *       .users(users)
 *       .observer(new ScimObserver() {
 *           public void onWrite(WriteEvent e) {
 *               audit.info("{} {} {} by {}", e.kind(), e.resourceType(), e.id(), e.context().principal());
 *           }
 *       })
 *       .build();
 * }</pre>
 *
 * <p>An observer that throws is logged (WARN, logger {@code org.scim2j.spi.event.ScimObserver}) and never changes
 * the response; the other observers are still called. Both methods run before the response is sent, so they should
 * be quick: hand slow work (a message broker, a remote audit store) to a queue.
 */
public interface ScimObserver {

    /**
     * After a write succeeded in the repository: a create, a replace or PATCH that changed something, a delete. Not
     * called for a write that failed or changed nothing. In a bulk request, called for each operation that
     * succeeded.
     */
    default void onWrite(WriteEvent event) {
    }

    /**
     * After every request the service handled, whatever its status, and every request an HTTP entry point refused
     * before handing it on (401, 406, 413, 415: {@link org.scim2j.spi.service.ScimService#refused}); the response
     * body is not yet written. The operations of a bulk request are not requests of their own: the bulk request has
     * one outcome.
     */
    default void onOutcome(RequestOutcome outcome) {
    }
}
