package org.scim2j.spi.internal;

/**
 * Entity tags from resource versions (RFC 7644 §3.14, RFC 9110 §8.8.3). A repository's {@code meta.version} is an
 * opaque string; the service always presents it as a weak entity tag {@code W/"<version>"} (in {@code ETag} and in
 * {@code meta.version}), and compares tags weakly.
 */
public final class Versions {

    private Versions() {
    }

    /** The weak entity tag for a repository version; a version that already is an entity tag is kept. */
    public static String etag(String version) {
        if (version == null) {
            return null;
        }
        if (version.startsWith("W/\"") || version.startsWith("\"")) {
            return version.startsWith("\"") ? "W/" + version : version;
        }
        return "W/\"" + version.replace("\"", "") + "\"";
    }

    /** The repository version inside an entity tag ({@code W/"3"} and {@code "3"} give {@code 3}). */
    public static String opaque(String etag) {
        if (etag == null) {
            return null;
        }
        String tag = etag.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    /**
     * Whether an {@code If-Match} / {@code If-None-Match} header value matches the current version: {@code *}
     * matches any, a comma-separated list matches if one tag matches (weak comparison).
     */
    public static boolean matches(String header, String currentVersion) {
        if (header == null || currentVersion == null) {
            return false;
        }
        String current = opaque(currentVersion);
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || opaque(t).equals(current)) {
                return true;
            }
        }
        return false;
    }
}
