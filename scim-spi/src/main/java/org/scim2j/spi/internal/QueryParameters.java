package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.json.JsonFields;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of RFC 7644 §3.4.2 as the client gave it, from URL parameters ({@code GET}) or from a SearchRequest
 * body ({@code POST /.search}, §3.4.3), with the paging rules of §3.4.2.4 and RFC 9865 §2 applied:
 * <ul>
 *   <li>{@code startIndex} below 1 is 1; {@code count} absent is {@link ScimServiceConfig#defaultCount()}, negative
 *       is 0, above {@link ScimServiceConfig#maxResults()} is capped;</li>
 *   <li>a {@code cursor} parameter, even empty (the first page), asks for cursor paging; giving it together with
 *       {@code startIndex} is 400 {@code invalidValue};</li>
 *   <li>a {@code startIndex} or {@code count} that is not an integer is 400 {@code invalidValue} (with a cursor, a
 *       bad count is RFC 9865's {@code invalidCount}).</li>
 * </ul>
 *
 * @param filter     the filter text, or null
 * @param sortBy     the sortBy text, or null
 * @param sortOrder  the sort order
 * @param startIndex the 1-based start index
 * @param count      the page size, 0 to {@code maxResults}
 * @param cursor     the cursor, {@code ""} for the first cursor page, null for index paging
 * @param selection  attributes / excludedAttributes
 */
record QueryParameters(String filter, String sortBy, SortOrder sortOrder, int startIndex, int count, String cursor,
                       AttributeSelection selection) {

    /** The query of a GET on a collection. */
    static QueryParameters fromUrl(ScimRequest request, ScimServiceConfig config) {
        String cursor = parameter(request.query(), "cursor");
        String startIndex = parameter(request.query(), "startIndex");
        return create(filter(request.queryParameter("filter")), blankToNull(request.queryParameter("sortBy")),
                request.queryParameter("sortOrder"), startIndex, parameter(request.query(), "count"), cursor,
                Presenter.selection(request), config);
    }

    /**
     * The query of a SearchRequest body.
     *
     * @throws ScimException 400 {@code invalidSyntax} if the body is not a SearchRequest, {@code invalidValue} for
     *                       a member of the wrong type
     */
    static QueryParameters fromBody(ObjectNode body, ScimServiceConfig config) {
        JsonNode schemas = JsonFields.field(body, "schemas");
        boolean isSearch = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                isSearch |= s.isTextual() && s.asText().equalsIgnoreCase(Schemas.SEARCH_REQUEST);
            }
        }
        if (!isSearch) {
            throw ScimException.invalidSyntax("the body of a /.search request must be a SearchRequest whose "
                    + "'schemas' contains " + Schemas.SEARCH_REQUEST + " (RFC 7644 §3.4.3)");
        }
        AttributeSelection selection = AttributeSelection.of(names(body, "attributes"),
                names(body, "excludedAttributes"));
        return create(filter(text(body, "filter")), blankToNull(text(body, "sortBy")), text(body, "sortOrder"),
                number(body, "startIndex"), number(body, "count"), text(body, "cursor"), selection, config);
    }

    private static QueryParameters create(String filter, String sortBy, String sortOrder, String startIndexText,
                                          String countText, String cursor, AttributeSelection selection,
                                          ScimServiceConfig config) {
        if (cursor != null && startIndexText != null) {
            throw ScimException.invalidValue("give either startIndex (index paging, RFC 7644 §3.4.2.4) or cursor "
                    + "(cursor paging, RFC 9865), not both");
        }
        int startIndex = startIndexText == null ? 1 : (int) Math.max(1, Math.min(integer("startIndex",
                startIndexText, ScimType.INVALID_VALUE), Integer.MAX_VALUE));
        int count = config.defaultCount();
        if (countText != null) {
            long c = integer("count", countText, cursor == null ? ScimType.INVALID_VALUE : ScimType.INVALID_COUNT);
            count = (int) Math.max(0, Math.min(c, config.maxResults()));
        }
        return new QueryParameters(filter, sortBy, SortOrder.parse(sortOrder), startIndex, count, cursor, selection);
    }

    /** Whether this asks for RFC 9865 cursor paging. */
    boolean usesCursor() {
        return cursor != null;
    }

    /** This query with another window (root search pages each resource type). */
    QueryParameters withWindow(int newStartIndex, int newCount) {
        return new QueryParameters(filter, sortBy, sortOrder, newStartIndex, newCount, cursor, selection);
    }

    private static long integer(String name, String text, ScimType type) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            String t = text.strip();
            if (t.matches("[+-]?\\d{19,}")) {
                // more digits than a long holds: still an integer, clamped like any other out-of-range value
                return t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw ScimException.badRequest(type, name + " must be an integer, not '" + shown + "'");
        }
    }

    /** A URL parameter ignoring case; a parameter given without value ({@code ?cursor}) is {@code ""}. */
    private static String parameter(Map<String, List<String>> query, String name) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isEmpty() ? "" : e.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * The filter text, or null when there is none. RFC 7644 §3.4.2.2: a {@code filter} that is given must hold an
     * expression; {@code filter=} is 400 {@code invalidFilter}, not "no filter".
     */
    private static String filter(String text) {
        if (text != null && text.isBlank()) {
            throw ScimException.invalidFilter("the filter is empty: give an expression such as userName eq "
                    + "\"bjensen\", or leave the filter parameter out (RFC 7644 §3.4.2.2)");
        }
        return text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(ObjectNode body, String name) {
        JsonNode value = JsonFields.field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue("SearchRequest '" + name + "' must be a string");
        }
        return value.asText();
    }

    private static String number(ObjectNode body, String name) {
        JsonNode value = JsonFields.field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() || value.isTextual()) {
            return value.asText();
        }
        throw ScimException.invalidValue("SearchRequest '" + name + "' must be an integer");
    }

    private static List<String> names(ObjectNode body, String name) {
        JsonNode value = JsonFields.field(body, name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isTextual()) {
            // tolerate the URL form "a,b" in a body
            out.addAll(List.of(value.asText().split(",")));
            return out;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("SearchRequest '" + name + "' must be an array of attribute names");
        }
        for (JsonNode n : value) {
            if (!n.isTextual()) {
                throw ScimException.invalidValue("SearchRequest '" + name + "' must be an array of attribute names");
            }
            out.add(n.asText());
        }
        return out;
    }
}
