package org.scim2j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The documents the benchmarks read: the full User of RFC 7643 §8.2 with the enterprise extension of §8.3, and a Group
 * with 100 members. Every library starts from the same bytes.
 */
public final class Fixtures {

    /** The RFC 7643 §8.2 User with the §8.3 enterprise extension, as UTF-8 bytes (pretty-printed, 4.4 KB). */
    public static final String USER_RESOURCE = "user-rfc7643-8.2-enterprise.json";

    /** Members of {@link #group100()}. */
    public static final int GROUP_MEMBERS = 100;

    private Fixtures() {
    }

    /** The full User as bytes. */
    public static byte[] user() {
        try (InputStream in = Fixtures.class.getResourceAsStream(USER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + USER_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of member {@code i} of {@link #group100()}, {@code 0 <= i < 100}. */
    public static String memberId(int i) {
        return String.format(Locale.ROOT, "5d48a0a8-e3a6-4fd4-9c2b-%012d", i);
    }

    /** A Group with {@link #GROUP_MEMBERS} user members, each with {@code value}, {@code $ref} and {@code display}. */
    public static byte[] group100() {
        StringBuilder json = new StringBuilder(16_384)
                .append("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],")
                .append("\"id\":\"e9e30dba-f08f-4109-8486-d5c6a331660a\",")
                .append("\"displayName\":\"Tour Guides\",\"members\":[");
        for (int i = 0; i < GROUP_MEMBERS; i++) {
            if (i > 0) {
                json.append(',');
            }
            String id = memberId(i);
            json.append("{\"value\":\"").append(id)
                    .append("\",\"$ref\":\"https://example.com/v2/Users/").append(id)
                    .append("\",\"display\":\"User ").append(i).append("\",\"type\":\"User\"}");
        }
        json.append("],\"meta\":{\"resourceType\":\"Group\",\"created\":\"2010-01-23T04:56:22Z\",")
                .append("\"lastModified\":\"2011-05-13T04:42:34Z\",\"version\":\"W/\\\"3694e05e9dff592\\\"\",")
                .append("\"location\":\"https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a\"}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
