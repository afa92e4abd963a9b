package org.scim2j.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.internal.AttributeLocator;
import org.scim2j.core.internal.DateTimes;
import org.scim2j.core.json.JsonFields;
import org.scim2j.core.schema.AttributeDefinition;
import org.scim2j.core.schema.AttributeType;
import org.scim2j.core.schema.ResolvedAttribute;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.filter.AttributePath;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * Orders resources by {@code sortBy} and {@code sortOrder} as RFC 7644 §3.4.2.3 says:
 * <ul>
 *   <li>a multi-valued attribute sorts by its {@code primary} value, else by its first value;</li>
 *   <li>a complex attribute sorts through its {@code value} sub-attribute ({@code emails} is {@code emails.value});
 *       a complex attribute without one ({@code name}) must be named with a sub-attribute ({@code name.givenName});</li>
 *   <li>strings compare case-insensitively unless {@code caseExact}, numbers numerically, dateTime values as
 *       instants, booleans {@code false} before {@code true};</li>
 *   <li>resources with no usable value (absent, null, empty, or of the wrong JSON type) sort last when ascending and
 *       first when descending: descending is exactly the reverse of ascending.</li>
 * </ul>
 * The comparator is a total order that is consistent with equality of the sort key: resources with equal keys (for
 * a case-insensitive string, keys that differ only in case) compare as 0. Add a tie-breaker such as {@code id} with
 * {@link Comparator#thenComparing} for a stable page order.
 *
 * <pre>{@code
 *   resources.sort(ResourceSorter.comparator(registry, Schemas.USER_RESOURCE_TYPE,
 *       AttributePath.parse("name.familyName"), SortOrder.parse(request.getParameter("sortOrder"))));
 * }</pre>
 */
public final class ResourceSorter {

    private ResourceSorter() {
    }

    /**
     * The comparator for {@code sortBy} on resources of a type; {@link SortKey#resolve} and
     * {@link SortKey#comparator()} in one step.
     *
     * @throws ScimException 400 {@code invalidValue} naming {@code sortBy} when it is unknown, names a complex
     *                       attribute without a {@code value} sub-attribute, or an attribute returned {@code never}
     */
    public static Comparator<JsonNode> comparator(SchemaRegistry registry, ResourceType type, AttributePath sortBy,
                                                  SortOrder order) {
        return SortKey.resolve(registry, type, sortBy, order).comparator();
    }

    /** The comparator of a resolved sort key. */
    static Comparator<JsonNode> comparator(SortKey sortKey) {
        ResolvedAttribute resolved = sortKey.attribute();
        AttributeDefinition key = sortKey.keyDefinition();
        // a complex attribute sorts through its value sub-attribute
        String sub = key == resolved.target() ? sub(resolved) : key.name();
        Comparator<JsonNode> ascending = new KeyComparator(AttributeLocator.of(resolved, sub), keyOrder(key));
        return sortKey.order() == SortOrder.DESCENDING ? ascending.reversed() : ascending;
    }

    private static String sub(ResolvedAttribute resolved) {
        return resolved.hasSubAttribute() ? resolved.subAttribute().name() : null;
    }

    /** How one type's values become comparable keys; {@code key} returns null for a value it cannot use. */
    private interface KeyOrder {
        Object key(JsonNode value);

        int compare(Object a, Object b);
    }

    private static KeyOrder keyOrder(AttributeDefinition definition) {
        switch (definition.type()) {
            case BOOLEAN:
                return new KeyOrder() {
                    @Override
                    public Object key(JsonNode v) {
                        return v.isBoolean() ? v.booleanValue() : null;
                    }

                    @Override
                    public int compare(Object a, Object b) {
                        return Boolean.compare((Boolean) a, (Boolean) b);
                    }
                };
            case INTEGER:
            case DECIMAL:
                return new KeyOrder() {
                    @Override
                    public Object key(JsonNode v) {
                        return v.isNumber() && !(v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()))
                                ? v.decimalValue() : null;
                    }

                    @Override
                    public int compare(Object a, Object b) {
                        return ((BigDecimal) a).compareTo((BigDecimal) b);
                    }
                };
            case DATE_TIME:
                return new KeyOrder() {
                    @Override
                    public Object key(JsonNode v) {
                        return v.isTextual() ? DateTimes.parse(v.textValue()) : null;
                    }

                    @Override
                    public int compare(Object a, Object b) {
                        return ((Instant) a).compareTo((Instant) b);
                    }
                };
            default:
                // string, reference and binary; binary values are base64 text and always exact
                boolean exact = definition.caseExact() || definition.type() == AttributeType.BINARY;
                Comparator<String> strings = exact ? Comparator.naturalOrder() : String.CASE_INSENSITIVE_ORDER;
                return new KeyOrder() {
                    @Override
                    public Object key(JsonNode v) {
                        return v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
                    }

                    @Override
                    public int compare(Object a, Object b) {
                        return strings.compare((String) a, (String) b);
                    }
                };
        }
    }

    /** Ascending order by key, resources without a key last. */
    private static final class KeyComparator implements Comparator<JsonNode> {
        private final AttributeLocator locator;
        private final KeyOrder order;

        KeyComparator(AttributeLocator locator, KeyOrder order) {
            this.locator = locator;
            this.order = order;
        }

        @Override
        public int compare(JsonNode a, JsonNode b) {
            Object ka = key(a);
            Object kb = key(b);
            if (ka == null || kb == null) {
                return ka == null ? (kb == null ? 0 : 1) : -1;
            }
            return order.compare(ka, kb);
        }

        /** The sort key of a resource: its value, or for a multi-valued attribute the primary value, else the first. */
        private Object key(JsonNode resource) {
            JsonNode attribute = locator.attribute(resource);
            if (attribute == null) {
                return null;
            }
            String sub = locator.subKey();
            if (!attribute.isArray()) {
                return usable(sub == null ? attribute : JsonFields.field(attribute, sub));
            }
            for (int i = 0, n = attribute.size(); i < n; i++) {
                JsonNode element = attribute.get(i);
                JsonNode primary = JsonFields.field(element, "primary");
                if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                    Object key = usable(sub == null ? element : JsonFields.field(element, sub));
                    if (key != null) {
                        return key;
                    }
                }
            }
            for (int i = 0, n = attribute.size(); i < n; i++) {
                JsonNode element = attribute.get(i);
                Object key = usable(sub == null ? element : JsonFields.field(element, sub));
                if (key != null) {
                    return key;
                }
            }
            return null;
        }

        private Object usable(JsonNode value) {
            return value == null || value.isNull() ? null : order.key(value);
        }
    }
}
