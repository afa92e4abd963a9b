package org.scim2j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.json.JsonFields;
import org.scim2j.core.schema.ResolvedAttribute;

/**
 * Where a resolved attribute sits in a resource's JSON: an optional extension object (keyed by its URN), the
 * attribute, and an optional sub-attribute; every key in canonical spelling. Immutable; reading allocates nothing when
 * the resource uses canonical keys.
 */
public final class AttributeLocator {

    /** Tests one leaf value; implementations must not throw on values of an unexpected JSON type. */
    @FunctionalInterface
    public interface ValueTest {
        /** Whether the (non-null) value matches. */
        boolean test(JsonNode value);
    }

    private final String extensionKey;
    private final String attributeKey;
    private final String subKey;

    /**
     * @param extensionKey the extension URN holding the attribute, or {@code null}
     * @param attributeKey the attribute name
     * @param subKey       the sub-attribute name, or {@code null}
     */
    public AttributeLocator(String extensionKey, String attributeKey, String subKey) {
        this.extensionKey = extensionKey;
        this.attributeKey = attributeKey;
        this.subKey = subKey;
    }

    /** The locator of a resolved path, optionally redirected to {@code subAttribute} (e.g. {@code value}). */
    public static AttributeLocator of(ResolvedAttribute resolved, String subAttribute) {
        return new AttributeLocator(resolved.extension() ? resolved.schemaUrn() : null, resolved.attribute().name(),
                subAttribute);
    }

    /** The sub-attribute read, or {@code null}. */
    public String subKey() {
        return subKey;
    }

    /** The attribute's JSON value (an array for a multi-valued attribute), ignoring the sub-attribute; or null. */
    public JsonNode attribute(JsonNode context) {
        JsonNode base = extensionKey == null ? context : JsonFields.field(context, extensionKey);
        return JsonFields.field(base, attributeKey);
    }

    /**
     * Whether any non-null leaf value matches: the attribute's value, each element of a multi-valued attribute, or
     * the sub-attribute of the attribute or of each of its elements (RFC 7644 §3.4.2.2: a multi-valued attribute
     * matches when any value does).
     */
    public boolean anyValue(JsonNode context, ValueTest test) {
        JsonNode a = attribute(context);
        if (a == null) {
            return false;
        }
        if (subKey == null) {
            return anyOf(a, test);
        }
        if (a.isArray()) {
            for (int i = 0, n = a.size(); i < n; i++) {
                JsonNode v = JsonFields.field(a.get(i), subKey);
                if (v != null && anyOf(v, test)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode v = JsonFields.field(a, subKey);
        return v != null && anyOf(v, test);
    }

    private static boolean anyOf(JsonNode v, ValueTest test) {
        if (v.isArray()) {
            for (int i = 0, n = v.size(); i < n; i++) {
                JsonNode e = v.get(i);
                if (e != null && !e.isNull() && test.test(e)) {
                    return true;
                }
            }
            return false;
        }
        return !v.isNull() && !v.isMissingNode() && test.test(v);
    }

    @Override
    public String toString() {
        return (extensionKey == null ? "" : extensionKey + ":") + attributeKey + (subKey == null ? "" : "." + subKey);
    }
}
