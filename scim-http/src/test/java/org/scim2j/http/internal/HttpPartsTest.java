package org.scim2j.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.error.ScimException;

import java.util.List;
import java.util.Map;

class HttpPartsTest {

    /** The base URL of a request seen by the server at http://10.0.0.5:8080/sq/api/scim/v2 with these headers. */
    private static String baseUrl(Map<String, String> headers, boolean trusted) {
        return HttpParts.baseUrl("http", "10.0.0.5", 8080, "/sq/api/scim/v2", headers::get, trusted);
    }

    @Test
    void baseUrlComesFromTheRequestUnlessProxyHeadersAreTrusted() {
        Map<String, String> proxied = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "sonar.example.com");
        assertThat(baseUrl(proxied, false)).isEqualTo("http://10.0.0.5:8080/sq/api/scim/v2");
        assertThat(baseUrl(proxied, true)).isEqualTo("https://sonar.example.com/sq/api/scim/v2");
        assertThat(baseUrl(Map.of("Forwarded", "for=1.2.3.4;proto=https;host=sq.example.org"), true)).isEqualTo("https://sq.example.org/sq/api/scim/v2");
    }

    @Test
    void hostileProxyHeadersAreIgnored() {
        Map<String, String> hostile = Map.of("X-Forwarded-Host", "evil.com/\r\nSet-Cookie: x", "X-Forwarded-Proto",
                "javascript");
        assertThat(baseUrl(hostile, true)).isEqualTo("http://10.0.0.5:8080/sq/api/scim/v2");
    }

    @Test
    void queryStringsDecodePlusPercent20AndPercent22() {
        assertThat(HttpParts.query("filter=userName+eq+%22a%20b%22&count=2&attributes"))
                .isEqualTo(Map.of("filter", List.of("userName eq \"a b\""), "count", List.of("2"),
                        "attributes", List.of("")));
        assertThatThrownBy(() -> HttpParts.query("filter=%zz")).isInstanceOf(ScimException.class);
    }

    @Test
    void mediaTypes() {
        assertThat(HttpParts.isJson("application/scim+json; charset=utf-8")).isTrue();
        assertThat(HttpParts.isJson("Application/JSON")).isTrue();
        assertThat(HttpParts.isJson("text/plain")).isFalse();
        assertThat(HttpParts.accepts(null)).isTrue();
        assertThat(HttpParts.accepts("text/html, application/*;q=0.1")).isTrue();
        assertThat(HttpParts.accepts("application/json;q=0")).isFalse();
        assertThat(HttpParts.accepts("text/html")).isFalse();
    }

    @Test
    void requestIdsAreOnlyTakenWhenSafeToLog() {
        assertThat(HttpParts.requestId("abc-123", 7)).isEqualTo("abc-123");
        assertThat(HttpParts.requestId("a b\r\n", 35)).isEqualTo("z");
    }
}
