package org.scim2j.spi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scim2j.core.json.ResourceNormalizer;
import org.scim2j.core.patch.PatchOptions;

import java.util.List;
import java.util.Set;

class ScimServiceConfigTest {

    @Test
    void anEmptyBuilderGivesTheDefaults() {
        ScimServiceConfig built = ScimServiceConfig.builder().build();
        assertThat(built).isEqualTo(ScimServiceConfig.defaults()).hasSameHashCodeAs(ScimServiceConfig.defaults());
        assertThat(built.defaultCount()).isEqualTo(100);
        assertThat(built.maxResults()).isEqualTo(1000);
        assertThat(built.unsupportedFilters()).isEqualTo(ScimServiceConfig.UnsupportedFilters.EVALUATE_IN_MEMORY);
        assertThat(built.authenticationSchemes()).extracting(AuthenticationScheme::type)
                .containsExactly("oauthbearertoken", "httpbasic");
    }

    @Test
    void toBuilderKeepsEverySettingItDoesNotChange() {
        ScimServiceConfig config = ScimServiceConfig.builder().defaultCount(5).maxResults(10).lenientFilters(true)
                .unsupportedFilters(ScimServiceConfig.UnsupportedFilters.REJECT).maxInMemoryScan(7)
                .patchOptions(PatchOptions.strict()).noContentOnPatch(Set.of("Group"))
                .unknownAttributes(ResourceNormalizer.UnknownAttributes.REJECT).bulkMaxOperations(3)
                .bulkMaxPayloadBytes(4096).maxConflictRetries(1)
                .authenticationSchemes(List.of(AuthenticationScheme.httpBasic(true)))
                .documentationUri("https://example.com/scim").build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
        ScimServiceConfig changed = config.toBuilder().maxConflictRetries(9).build();
        assertThat(changed.maxConflictRetries()).isEqualTo(9);
        assertThat(changed.toBuilder().maxConflictRetries(1).build()).isEqualTo(config);
        assertThat(changed.noContentOnPatch("group")).isTrue();
        assertThat(changed.documentationUri()).isEqualTo("https://example.com/scim");
    }

    @Test
    void theShortcutsChangeOnlyTheirSettings() {
        ScimServiceConfig config = ScimServiceConfig.defaults().withPaging(5, 10).withBulkLimits(2, 1024);
        assertThat(config).isEqualTo(ScimServiceConfig.builder().defaultCount(5).maxResults(10)
                .bulkMaxOperations(2).bulkMaxPayloadBytes(1024).build());
    }

    @Test
    void buildChecksRanges() {
        assertThatThrownBy(() -> ScimServiceConfig.builder().defaultCount(20).maxResults(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultCount <= maxResults");
        assertThatThrownBy(() -> ScimServiceConfig.builder().maxConflictRetries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ScimServiceConfig.builder().patchOptions(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("patchOptions");
    }
}
