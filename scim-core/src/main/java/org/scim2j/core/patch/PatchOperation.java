package org.scim2j.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.filter.PatchPath;

import java.util.Objects;

/**
 * One operation of a PATCH request (RFC 7644 §3.5.2). The value is a private deep copy; treat what
 * {@link #value()} returns as read-only.
 *
 * @param op    add, remove or replace
 * @param path  the target, or {@code null} for the resource itself
 * @param value the value, or {@code null} (a remove normally has none)
 */
public record PatchOperation(PatchOp op, PatchPath path, JsonNode value) {

    /** Copies the value. */
    public PatchOperation {
        Objects.requireNonNull(op, "op");
        value = value == null || value.isNull() && op != PatchOp.REPLACE ? null : value.deepCopy();
    }

    /** An operation on a path given as text, e.g. {@code PatchOperation.of(PatchOp.REPLACE, "active", false)}. */
    public static PatchOperation of(PatchOp op, String path, JsonNode value) {
        return new PatchOperation(op, path == null ? null : PatchPath.parse(path), value);
    }

    @Override
    public String toString() {
        return op.wireName() + (path == null ? "" : " " + path) + (value == null ? "" : " " + value);
    }
}
