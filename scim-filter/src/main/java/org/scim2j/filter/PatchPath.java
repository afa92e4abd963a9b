package org.scim2j.filter;

import org.scim2j.filter.internal.FilterPrinter;

import java.util.Objects;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code PATH = attrPath / valuePath [subAttr]}.
 *
 * <pre>
 *   name.givenName                       attribute name, subAttribute givenName
 *   members[value eq "2819c223"]         attribute members, valueFilter value eq "2819c223"
 *   emails[type eq "work"].value         attribute emails, valueFilter type eq "work", subAttribute value
 * </pre>
 *
 * @param attribute    the attribute addressed, always without sub-attribute (it may carry a schema URN)
 * @param valueFilter  the filter selecting values of a multi-valued attribute, or {@code null}
 * @param subAttribute the sub-attribute addressed, or {@code null}
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    /** Normalises nothing; rejects a sub-attribute inside {@code attribute} and a nested value path. */
    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.hasSubAttribute()) {
            throw new IllegalArgumentException("give the sub-attribute as subAttribute, not inside " + attribute);
        }
        if (subAttribute != null) {
            attribute.withSubAttribute(subAttribute); // validates the name
        }
        if (valueFilter != null && FilterPrinter.containsValuePath(valueFilter)) {
            throw new IllegalArgumentException("a value path's filter cannot hold another value path");
        }
    }

    /**
     * Parses a PATCH path with the strict {@link FilterParser}.
     *
     * @throws FilterParseException if the text is not a PATCH path
     */
    public static PatchPath parse(String path) {
        return FilterParser.strict().parsePatchPath(path);
    }

    /** Whether the path has a value filter ({@code attr[...]}). */
    public boolean hasValueFilter() {
        return valueFilter != null;
    }

    /** The attribute with its sub-attribute, ignoring any value filter ({@code emails.value} for the last example). */
    public AttributePath attributePath() {
        return subAttribute == null ? attribute : attribute.withSubAttribute(subAttribute);
    }

    /** The canonical text, which {@link #parse(String)} reads back to an equal path. */
    @Override
    public String toString() {
        if (valueFilter == null) {
            return attributePath().toString();
        }
        StringBuilder text = new StringBuilder().append(attribute).append('[');
        FilterPrinter.print(valueFilter, text);
        text.append(']');
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
