package org.scim2j.testkit.idp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The SCIM endpoint the identity-provider suites talk to: its base URL (what an administrator types as Okta's "SCIM
 * connector base URL" or Entra ID's "Tenant URL") and the {@code Authorization} header they send.
 *
 * <pre>{@code
 *   ScimTarget.bearer("http://127.0.0.1:8080/api/scim/v2", token)     // Okta "HTTP Header", Entra "Secret Token"
 *   ScimTarget.basic("http://127.0.0.1:8080/api/scim/v2", token, "")  // Okta "Basic Auth"
 * }</pre>
 *
 * @param baseUrl       the SCIM base URL, e.g. {@code https://sonar.example.com/api/scim/v2}
 * @param authorization the {@code Authorization} header value, or {@code null} for none
 */
public record ScimTarget(URI baseUrl, String authorization) {

    /** Checks the URL: absolute http(s), no query; a trailing slash is removed. */
    public ScimTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || baseUrl.getQuery() != null
                || !(baseUrl.getScheme().equalsIgnoreCase("http") || baseUrl.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("the SCIM base URL must be an absolute http(s) URL without a query, "
                    + "not " + baseUrl);
        }
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
    }

    /** {@code Authorization: Bearer <token>}, as Okta's "HTTP Header" mode and Entra ID's "Secret Token" send it. */
    public static ScimTarget bearer(String baseUrl, String token) {
        return new ScimTarget(URI.create(baseUrl), "Bearer " + Objects.requireNonNull(token, "token"));
    }

    /** {@code Authorization: Basic base64(user:password)}, as Okta's "Basic Auth" mode sends it. */
    public static ScimTarget basic(String baseUrl, String user, String password) {
        String pair = Objects.requireNonNull(user, "user") + ":" + Objects.requireNonNull(password, "password");
        return new ScimTarget(URI.create(baseUrl),
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        // never print the credentials
        return "ScimTarget[" + baseUrl + (authorization == null ? ", no credentials]" : ", credentials given]");
    }
}
