package org.scim2j.core.filter.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled filter node, tested against a resource or, inside a value path, against one value of the attribute. */
@FunctionalInterface
public interface Matcher {
    /** Whether the context matches; never throws on unexpected JSON. */
    boolean matches(JsonNode context);
}
