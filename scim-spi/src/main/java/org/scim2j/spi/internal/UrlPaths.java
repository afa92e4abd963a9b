package org.scim2j.spi.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one path segment (ids in {@code Location} and {@code meta.location}). */
public final class UrlPaths {

    private UrlPaths() {
    }

    /** {@code segment} encoded for use as one URL path segment (spaces as {@code %20}, {@code /} encoded). */
    public static String encodeSegment(String segment) {
        boolean plain = true;
        for (int i = 0; i < segment.length() && plain; i++) {
            char c = segment.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~';
        }
        return plain ? segment : URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
