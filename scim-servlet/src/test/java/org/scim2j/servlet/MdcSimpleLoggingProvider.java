package org.scim2j.servlet;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (slf4j-simple's own is a no-op), so that the tests can see what the servlet puts
 * there. Chosen with the system property {@code slf4j.provider} in this module's Surefire configuration.
 */
public final class MdcSimpleLoggingProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
