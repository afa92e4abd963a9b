package org.scim2j.examples.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
                "SCIM_ADMIN_TOKEN", "t0ken", "SCIM_JDBC_URL", "jdbc:postgresql://db/sonar", "SCIM_JDBC_USER", "sonar",
                "SCIM_JDBC_PASSWORD", "pw", "SCIM_ENABLED", "FALSE"));
        assertThat(config.port()).isZero();
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.adminToken()).isEqualTo("t0ken");
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
}
