package org.scim2j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

class ScimHttpSettingsTest {

    @Test
    void anEmptyBuilderGivesTheDefaults() {
        ScimHttpSettings settings = ScimHttpSettings.builder().build();
        assertThat(settings.enabled().getAsBoolean()).isTrue();
        assertThat(settings.maxPayloadBytes()).isEqualTo(ScimHttpSettings.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.trustForwardedHeaders()).isFalse();
    }

    @Test
    void toBuilderKeepsWhatItDoesNotChange() {
        BooleanSupplier off = () -> false;
        ScimHttpSettings settings = ScimHttpSettings.builder().enabled(off).maxPayloadBytes(64)
                .baseUrl("https://scim.example.com/api/scim/v2/").trustForwardedHeaders(true).build();
        assertThat(settings.baseUrl()).isEqualTo("https://scim.example.com/api/scim/v2");
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        ScimHttpSettings larger = settings.withMaxPayloadBytes(128);
        assertThat(larger.enabled()).isSameAs(off);
        assertThat(larger.trustForwardedHeaders()).isTrue();
        assertThat(larger.maxPayloadBytes()).isEqualTo(128);
    }

    @Test
    void buildChecksTheParts() {
        assertThatThrownBy(() -> ScimHttpSettings.builder().maxPayloadBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimHttpSettings.builder().enabled(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("enabled");
    }
}
