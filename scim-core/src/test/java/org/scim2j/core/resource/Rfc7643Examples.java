package org.scim2j.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.json.ScimJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the RFC 7643 §8 example resources from the test resources. */
final class Rfc7643Examples {

    static final String MINIMAL_USER = "8.1-minimal-user.json";
    static final String FULL_USER = "8.2-full-user.json";
    static final String ENTERPRISE_USER = "8.3-enterprise-user.json";
    static final String GROUP = "8.4-group.json";

    private Rfc7643Examples() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = Rfc7643Examples.class.getResourceAsStream("/org/scim2j/core/rfc7643/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return ScimJson.defaults().readObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
