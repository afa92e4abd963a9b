package org.scim2j.core.error;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code scimType} keywords of RFC 7644 §3.12 (Table 9), plus the cursor keywords of RFC 9865.
 */
public enum ScimType {
    /** The filter syntax is invalid, or the filter names an unknown attribute or compares unordered types. */
    INVALID_FILTER("invalidFilter"),
    /** The filter yields more results than the server is willing to compute or return. */
    TOO_MANY("tooMany"),
    /** A value conflicts with a uniqueness constraint ({@code userName}, a group's {@code displayName}). */
    UNIQUENESS("uniqueness"),
    /** The change is incompatible with an attribute's mutability (readOnly, immutable). */
    MUTABILITY("mutability"),
    /** The request body is not valid SCIM JSON (not JSON, wrong structure, missing {@code schemas}). */
    INVALID_SYNTAX("invalidSyntax"),
    /** A PATCH {@code path} is invalid or names an unknown attribute. */
    INVALID_PATH("invalidPath"),
    /** A PATCH path's filter matched nothing where a match is required. */
    NO_TARGET("noTarget"),
    /** A value is missing, of the wrong type, or not allowed. */
    INVALID_VALUE("invalidValue"),
    /** The protocol version is not supported. */
    INVALID_VERS("invalidVers"),
    /** The request carried sensitive data in the URI (e.g. a filter on a password). */
    SENSITIVE("sensitive"),
    /** RFC 9865: the cursor is not valid. */
    INVALID_CURSOR("invalidCursor"),
    /** RFC 9865: the cursor has expired. */
    EXPIRED_CURSOR("expiredCursor"),
    /** RFC 9865: the count is not valid for cursor pagination. */
    INVALID_COUNT("invalidCount");

    private static final Map<String, ScimType> BY_WIRE_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.wireName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String wireName;

    ScimType(String wireName) {
        this.wireName = wireName;
    }

    /** The keyword as it appears in the Error response, e.g. {@code invalidFilter}. */
    public String wireName() {
        return wireName;
    }

    /** The type for a wire keyword, ignoring case; {@code null} if unknown. */
    public static ScimType fromWireName(String keyword) {
        return keyword == null ? null : BY_WIRE_NAME.get(keyword.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
