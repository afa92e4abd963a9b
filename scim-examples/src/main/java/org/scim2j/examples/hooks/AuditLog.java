package org.scim2j.examples.hooks;

// tag::imports[]
import org.scim2j.spi.event.RequestOutcome;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.event.WriteEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
// end::imports[]

/**
 * An audit log of what identity providers changed, one line per successful write and one per refused request,
 * on the SLF4J logger {@code audit} (route it to its own file or store in the logging configuration).
 */
// tag::audit[]
public final class AuditLog implements ScimObserver {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    @Override
    public void onWrite(WriteEvent e) {
        AUDIT.info("{} {} {} by {} tenant={} request={} members +{} -{}", e.kind(), e.resourceType(), e.id(),
                e.context().principal(), e.context().tenant(), e.context().requestId(),
                e.membership().added().size(), e.membership().removed().size());
    }

    @Override
    public void onOutcome(RequestOutcome o) {
        if (o.status() == 401 || o.status() == 403) {
            AUDIT.warn("refused {} {}: {} request={}", o.method(), o.resourceType(), o.status(),
                    o.context().requestId());
        }
    }
}
// end::audit[]
