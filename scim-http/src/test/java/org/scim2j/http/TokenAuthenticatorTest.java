package org.scim2j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

class TokenAuthenticatorTest {

    private final Authenticator auth = TokenAuthenticator.bearerOrBasic(
            TokenVerifier.sha256(TokenVerifier.hash("tok3n"), "admin"));

    private AuthenticationResult with(String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return auth.authenticate(headers::get);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entraBearerTokenAuthenticates() {
        assertThat(with("Bearer tok3n")).isEqualTo(AuthenticationResult.authenticated("admin"));
        assertThat(with("bearer   tok3n")).isEqualTo(AuthenticationResult.authenticated("admin"));
    }

    @Test
    void oktaBasicWithTheTokenAsUserNameAndAnEmptyPasswordAuthenticates() {
        assertThat(with(basic("tok3n:"))).isEqualTo(AuthenticationResult.authenticated("admin"));
        assertThat(with(basic(":tok3n"))).isEqualTo(AuthenticationResult.authenticated("admin"));
    }

    @Test
    void everythingElseIsUnauthenticatedWithoutEchoingCredentials() {
        for (String header : new String[] {null, "", "Bearer", "Bearer wrong", "Basic !!notbase64", basic("tok3n:pw"),
                basic("wrong:"), "Digest tok3n", "tok3n"}) {
            AuthenticationResult result = with(header);
            assertThat(result).as(String.valueOf(header)).isInstanceOf(AuthenticationResult.Unauthenticated.class);
            assertThat(((AuthenticationResult.Unauthenticated) result).detail()).doesNotContain("tok3n")
                    .doesNotContain("wrong");
        }
    }

    @Test
    void theChallengeNamesBothSchemes() {
        assertThat(auth.challenge()).contains("Bearer").contains("Basic");
    }

    @Test
    void hashesAreHexSha256() {
        assertThat(TokenVerifier.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
