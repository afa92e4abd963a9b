package org.scim2j.examples.sonar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.http.AuthenticationResult;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The admin token check resists guessing: only the exact token passes, whatever it shares with a guess, and the
 * comparison is {@link java.security.MessageDigest#isEqual} over two 32-byte SHA-256 digests, so its running time
 * does not depend on how much of a guess is right (nor on the guess's length: every guess is hashed first).
 *
 * <p>Timing is deliberately not measured: the difference a short-circuiting comparison would leak is a few
 * nanoseconds per byte, far below the noise of JIT compilation, garbage collection and a shared CI machine, so a
 * timing test would either flake or need millions of samples. Instead the tests pin the behaviour (prefix-sharing
 * guesses fail) and the implementation property (the verifier's code calls {@code MessageDigest.isEqual} on
 * SHA-256 digests).
 */
class TokenSecurityTest {

    private static final String TOKEN = "scim_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final TokenVerifier VERIFIER = TokenVerifier.sha256(TokenVerifier.hash(TOKEN), "scim-admin");

    @Test
    void onlyTheExactTokenPassesWhateverPrefixAGuessShares() {
        assertThat(VERIFIER.verify(TOKEN)).contains("scim-admin");
        for (int shared : new int[] {0, 8, 31, TOKEN.length() - 1}) {
            String guess = TOKEN.substring(0, shared) + (TOKEN.charAt(shared) == 'x' ? 'y' : 'x')
                    + TOKEN.substring(shared + 1);
            assertThat(guess).hasSameSizeAs(TOKEN).isNotEqualTo(TOKEN);
            assertThat(VERIFIER.verify(guess)).as("a guess sharing %d characters", shared).isEmpty();
            assertThat(VERIFIER.verify(TOKEN.substring(0, Math.max(shared, 1)))).as("a %d-character prefix", shared)
                    .isEmpty();
        }
        assertThat(VERIFIER.verify(TOKEN + "x")).isEmpty();
        assertThat(VERIFIER.verify(TOKEN.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(VERIFIER.verify(" " + TOKEN)).isEmpty();
        assertThat(VERIFIER.verify("")).isEmpty();
        assertThat(VERIFIER.verify("x".repeat(1_000_000))).isEmpty();
        // The stored hash itself is not a token.
        assertThat(VERIFIER.verify(TokenVerifier.hash(TOKEN))).isEmpty();
    }

    @Test
    void bothHeaderFormsCheckTheWholeToken() {
        TokenAuthenticator authenticator = TokenAuthenticator.bearerOrBasic(VERIFIER);
        String basicOk = Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
        String basicPrefix = Base64.getEncoder().encodeToString((TOKEN.substring(0, 31) + ":")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(authenticator.authenticate(Map.of("Authorization", "Bearer " + TOKEN)::get))
                .isInstanceOf(AuthenticationResult.Authenticated.class);
        assertThat(authenticator.authenticate(Map.of("Authorization", "Basic " + basicOk)::get))
                .isInstanceOf(AuthenticationResult.Authenticated.class);
        for (String header : new String[] {"Bearer " + TOKEN.substring(0, 31), "Basic " + basicPrefix,
                "Bearer " + TOKEN + TOKEN, "Basic " + TOKEN, "Token " + TOKEN, TOKEN}) {
            AuthenticationResult result = authenticator.authenticate(Map.of("Authorization", header)::get);
            assertThat(result).as(header).isInstanceOf(AuthenticationResult.Unauthenticated.class);
            assertThat(((AuthenticationResult.Unauthenticated) result).detail()).doesNotContain(TOKEN.substring(5));
        }
    }

    @Test
    void theComparisonIsMessageDigestIsEqualOverSha256Digests() throws IOException {
        String code;
        try (InputStream in = TokenVerifier.class.getResourceAsStream("TokenVerifier.class")) {
            assertThat(in).isNotNull();
            // The constant pool holds the UTF-8 names of every class and method the code refers to.
            code = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(code).contains("java/security/MessageDigest").contains("isEqual").contains("SHA-256");
        assertThat(code).as("no early-exit comparison of tokens or digests")
                .doesNotContain("java/util/Arrays").doesNotContain("contentEquals").doesNotContain("equalsIgnoreCase");
    }

    @Test
    void aStoredHashThatIsNoSha256IsRefusedWhenTheVerifierIsBuilt() {
        // A truncated or mistyped hash would otherwise lock every client out without a word.
        assertThatThrownBy(() -> TokenVerifier.sha256("", "scim-admin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenVerifier.sha256(TokenVerifier.hash(TOKEN).substring(2), "scim-admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenVerifier.sha256(TokenVerifier.hash(TOKEN) + "00", "scim-admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenVerifier.sha256(TokenVerifier.hash(TOKEN).toUpperCase(java.util.Locale.ROOT), "p")
                .verify(TOKEN)).isEqualTo(Optional.of("p"));
    }

    /**
     * Issue 13, finding 10: an operator-chosen {@code SCIM_ADMIN_TOKEN} of one character was accepted. The server
     * refuses to start with it, says why (the minimum, never the token), and exits with 2 (a configuration error).
     */
    @Test
    void theServerRefusesToStartWithAWeakAdminToken(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ServerProcess.Refusal refusal = ServerProcess.refusedStart(TestDatabase.h2File(dir), "k", dir);

        assertThat(refusal.exitCode()).isEqualTo(2);
        assertThat(refusal.output()).contains("SCIM_ADMIN_TOKEN is too weak").contains("32 characters")
                .contains("128 bits").doesNotContain("SCIM base URL");
    }
}
