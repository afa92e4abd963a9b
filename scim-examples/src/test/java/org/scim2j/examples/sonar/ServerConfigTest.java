package org.scim2j.examples.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.examples.sonar.store.SearchTimeout;

import java.util.Map;

class ServerConfigTest {

    @Test
    void defaultsAreLoopback8080AGeneratedTokenAndAnH2FileUnderData() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.adminToken()).isNull();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/scim");
        assertThat(config.enabled()).isTrue();
        assertThat(config.noContentOnPatch()).containsExactly("Group");
    }

    @Test
    void searchTimeoutIsWholeSecondsTenByDefaultAndZeroForNone() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).searchTimeout()).isEqualTo(SearchTimeout.DEFAULT);
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_SEARCH_TIMEOUT", "30")).searchTimeout().limit())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_SEARCH_TIMEOUT", "0")).searchTimeout())
                .isEqualTo(SearchTimeout.NONE);
        for (String bad : new String[] {"-1", "10s", "1.5"}) {
            assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_SEARCH_TIMEOUT", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCIM_SEARCH_TIMEOUT");
        }
    }

    @Test
    void patchNoContentTakesResourceTypeNamesOrNone() {
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_PATCH_NO_CONTENT", "Group, User")).noContentOnPatch())
                .containsExactlyInAnyOrder("Group", "User");
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_PATCH_NO_CONTENT", "none")).noContentOnPatch())
                .isEmpty();
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_PATCH_NO_CONTENT", "Group;drop")))
                .hasMessageContaining("SCIM_PATCH_NO_CONTENT");
    }

    @Test
    void readsEveryVariable() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SCIM_PORT", "0", "SCIM_BIND_ADDRESS", "0.0.0.0",
                "SCIM_ADMIN_TOKEN", "t0ken-9c4e1f7a2b8d6053e1f4a7c9b2d8e6f1", "SCIM_JDBC_URL", "jdbc:postgresql://db/sonar", "SCIM_JDBC_USER", "sonar",
                "SCIM_JDBC_PASSWORD", "pw", "SCIM_ENABLED", "FALSE"));
        assertThat(config.port()).isZero();
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.adminToken()).isEqualTo("t0ken-9c4e1f7a2b8d6053e1f4a7c9b2d8e6f1");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/sonar");
        assertThat(config.jdbcUser()).isEqualTo("sonar");
        assertThat(config.jdbcPassword()).isEqualTo("pw");
        assertThat(config.enabled()).isFalse();
        assertThat(config.toString()).doesNotContain("t0ken").doesNotContain("pw");
    }

    @Test
    void concurrentRequestsFollowTheHeapUnlessSet() {
        long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(ServerConfig.fromEnvironment(Map.of()).maxConcurrentRequests())
                .isEqualTo(ServerConfig.defaultMaxConcurrentRequests())
                .isEqualTo((int) Math.max(2, Math.min(200, heapMiB / 64)));
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_MAX_CONCURRENT_REQUESTS", "3")).maxConcurrentRequests())
                .isEqualTo(3);
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_MAX_CONCURRENT_REQUESTS", "0")))
                .hasMessageContaining("SCIM_MAX_CONCURRENT_REQUESTS");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_MAX_CONCURRENT_REQUESTS", "many")))
                .hasMessageContaining("SCIM_MAX_CONCURRENT_REQUESTS");
    }

    @Test
    void malformedValuesNameTheVariable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_PORT", "http")))
                .hasMessageContaining("SCIM_PORT");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_PORT", "70000")))
                .hasMessageContaining("SCIM_PORT");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_ENABLED", "yes")))
                .hasMessageContaining("SCIM_ENABLED");
    }

    /** Issue 13, finding 10: an operator-chosen token of one character was accepted. */
    @Test
    void anAdminTokenWithTooLittleEntropyIsRefusedNamingTheMinimum() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_ADMIN_TOKEN", "my-weak-t0ken")))
                .as("the token is never echoed").hasMessageNotContaining("my-weak-t0ken");
        for (String weak : new String[] {"x", "secret", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababababababababababab", "0123456789012345678901234567890",
                "11111111111111111111111111111111111111112"}) {
            assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_ADMIN_TOKEN", weak)))
                    .as(weak).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SCIM_ADMIN_TOKEN").hasMessageContaining("32 characters")
                    .hasMessageContaining("128 bits");
        }
        // what the server generates itself, and what `openssl rand -hex 16` / `-base64 32` print
        for (String strong : new String[] {"scim_" + "9a37c0d1e2f3a4b5c6d7e8f90123456789abcdef0123456789abcdef01234567",
                "3f9a1c7e0b2d4f6a8c1e3b5d7f9a2c4e", "q2V0Zk9sY2hqT3pMbWp1eGZtS1p3cGd6Rk1hU3dLVGQ="}) {
            assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_ADMIN_TOKEN", strong)).adminToken()).isEqualTo(strong);
        }
    }

    /** Issue 13, findings 4, 5, 9: settings the example maps onto the library's keys. */
    @Test
    void bodyLimitBaseUrlAndCursorSecretMapOntoTheLibraryKeys() {
        String secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0-shared";
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SCIM_MAX_PAYLOAD_BYTES", "8388608",
                "SCIM_BASE_URL", "https://sonar.example.com/api/scim/v2/", "SCIM_CURSOR_SECRET", secret));

        assertThat(config.scimSettings()).containsEntry("scim.maxPayloadBytes", "8388608")
                .containsEntry("scim.baseUrl", "https://sonar.example.com/api/scim/v2/")
                .containsEntry("scim.cursor.secret", secret);
        assertThat(config.toString()).doesNotContain(secret).contains("sonar.example.com");
        assertThat(ServerConfig.fromEnvironment(Map.of()).scimSettings()).isEmpty();
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_MAX_PAYLOAD_BYTES", "1MB")))
                .hasMessageContaining("SCIM_MAX_PAYLOAD_BYTES");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_BASE_URL", "sonar.example.com/scim")))
                .hasMessageContaining("SCIM_BASE_URL");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_CURSOR_SECRET", "short")))
                .hasMessageContaining("SCIM_CURSOR_SECRET").hasMessageContaining("32");
    }

    /** Issue 13, finding 3: which host users POST /Users may adopt. */
    @Test
    void adoptableProvidersAreSamlUnlessSet() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).adoptProviders()).containsExactly("saml");
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_ADOPT_PROVIDERS", "none")).adoptProviders()).isEmpty();
        assertThat(ServerConfig.fromEnvironment(Map.of("SCIM_ADOPT_PROVIDERS", "saml, GitHub")).adoptProviders())
                .containsExactlyInAnyOrder("saml", "github");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SCIM_ADOPT_PROVIDERS", "saml;drop")))
                .hasMessageContaining("SCIM_ADOPT_PROVIDERS");
    }
}
