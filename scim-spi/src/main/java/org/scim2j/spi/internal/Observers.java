package org.scim2j.spi.internal;

import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.event.WriteEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The registered observers, called in order; one that throws is logged and the request goes on. */
public final class Observers {

    private static final Logger LOG = LoggerFactory.getLogger(ScimObserver.class);

    private final List<ScimObserver> observers;

    /** @param observers in registration order */
    public Observers(List<ScimObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** Tells every observer about a successful write. */
    public void written(WriteEvent event) {
        for (ScimObserver observer : observers) {
            try {
                observer.onWrite(event);
            } catch (RuntimeException e) {
                LOG.warn("SCIM observer {} failed on {} {} {} (request {}); the request goes on",
                        observer.getClass().getName(), event.kind(), event.resourceType(), event.id(),
                        event.context().requestId(), e);
            }
        }
    }

    /** Tells every observer how a request ended. */
    public void ended(RequestOutcome outcome) {
        for (ScimObserver observer : observers) {
            try {
                observer.onOutcome(outcome);
            } catch (RuntimeException e) {
                LOG.warn("SCIM observer {} failed on the outcome of request {}; the request goes on",
                        observer.getClass().getName(), outcome.context().requestId(), e);
            }
        }
    }
}
