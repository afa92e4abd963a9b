package org.scim2j.servlet;

import org.scim2j.http.Authenticator;
import org.scim2j.http.ScimHttpSettings;
import org.scim2j.spi.service.ScimService;

import java.util.Map;
import java.util.Objects;

/**
 * Builds the parts of a {@link ScimServlet} registered declaratively (web.xml), from its init parameters. The
 * implementation needs a public no-argument constructor.
 */
@FunctionalInterface
public interface ScimServletFactory {

    /**
     * The servlet's parts.
     *
     * @param service       the protocol service
     * @param authenticator who may call it
     * @param settings      HTTP-level settings
     */
    record Parts(ScimService service, Authenticator authenticator, ScimHttpSettings settings) {
        /** Requires every part. */
        public Parts {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(authenticator, "authenticator");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** Builds the parts; {@link org.scim2j.http.ScimConfiguration#of(Map)} reads the documented keys from the parameters. */
    Parts create(Map<String, String> initParameters);
}
