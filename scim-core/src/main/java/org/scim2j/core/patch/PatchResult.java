package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The outcome of applying a PATCH request.
 *
 * @param resource the patched resource (a new object; the input is never modified)
 * @param changed  whether any value changed; when {@code false} a server can skip the write and keep the version
 */
public record PatchResult(ObjectNode resource, boolean changed) {

    /** Rejects a null resource. */
    public PatchResult {
        Objects.requireNonNull(resource, "resource");
    }
}
