package io.vigil.detection.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A detector's defaults as text, and settings checked without creating a detector. */
class DetectorSettingsTest {

    private final DetectorRegistry registry = DetectorRegistry.discover();

    @Test
    void every_detectors_defaults_read_back_as_valid_settings() {
        for (String id : registry.ids()) {
            Map<String, String> defaults = registry.defaultSettings(id);
            assertThat(defaults).as(id).containsEntry("enabled", "true");
            assertThatCode(() -> registry.validate(id, defaults)).as(id).doesNotThrowAnyException();
        }
    }

    @Test
    void defaults_are_the_config_records_components_in_the_text_the_binder_takes() {
        assertThat(registry.defaultSettings("kerberoasting"))
                .containsKeys("enabled", "threshold", "window")
                .hasEntrySatisfying("window", window -> assertThat(window).startsWith("PT"));
    }

    @Test
    void validation_names_the_unknown_setting_and_the_bad_value() {
        assertThatThrownBy(() -> registry.validate("kerberoasting", Map.of("treshold", "3")))
                .hasMessageContaining("kerberoasting.treshold");
        assertThatThrownBy(() -> registry.validate("kerberoasting", Map.of("threshold", "many")))
                .hasMessageContaining("kerberoasting.threshold").hasMessageContaining("many");
        assertThatThrownBy(() -> registry.validate("kerberoasting", Map.of("enabled", "maybe")))
                .hasMessageContaining("kerberoasting.enabled");
        assertThatThrownBy(() -> registry.validate("no-such-detector", Map.of()))
                .hasMessageContaining("no-such-detector");
    }

    @Test
    void validation_accepts_what_create_accepts() {
        assertThatCode(() -> registry.validate("kerberoasting",
                Map.of("threshold", "4", "window", "15m", "enabled", "false"))).doesNotThrowAnyException();
    }
}
