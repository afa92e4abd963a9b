package org.scim2j.examples.sonar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests SCIM_MAX_CONCURRENT_REQUESTS holds back: those whose answers may hold whole groups. */
class ConcurrencyLimitTest {

    @Test
    void groupsRootSearchAndBulkAreLimitedUsersAndDiscoveryAreNot() {
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/Groups")).isTrue();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/Groups/8f3c")).isTrue();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/groups/.search")).isTrue();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/.search")).isTrue();
        assertThat(SonarScimServer.mayCarryGroups("/API/SCIM/V2/Bulk")).isTrue();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/Users")).isFalse();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/Users/8f3c")).isFalse();
        assertThat(SonarScimServer.mayCarryGroups("/api/scim/v2/ServiceProviderConfig")).isFalse();
        assertThat(SonarScimServer.mayCarryGroups("/elsewhere/Groups")).isFalse();
        assertThat(SonarScimServer.mayCarryGroups(null)).isFalse();
    }
}
