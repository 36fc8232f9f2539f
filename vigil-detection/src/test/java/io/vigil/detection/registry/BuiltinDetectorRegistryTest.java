package io.vigil.detection.registry;

import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.serviceTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detection.spi.Detector;
import io.vigil.detection.testing.DetectorHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinDetectorRegistryTest {

    private final DetectorRegistry registry = DetectorRegistry.discover();

    @Test
    void discovers_the_nine_built_in_detectors_through_service_loader() {
        assertThat(registry.ids()).containsExactlyInAnyOrder("kerberoasting", "asrep-roasting", "dcsync",
                "brute-force", "account-enumeration", "sensitive-group-addition", "honeytoken-activity",
                "golden-ticket-nonexistent-account", "outside-pam-session");
        assertThat(registry.create(Map.of()))
                .extracting(d -> d.descriptor().externalId())
                .containsExactlyInAnyOrder("2410", "2412", "2006", "2023", "2003", "2024", "2014", "2027", null);
    }

    @Test
    void binds_a_setting_onto_the_detector_config() {
        Detector<?> kerberoasting = only(registry.create(Map.of("kerberoasting.threshold", "2")), "kerberoasting");

        var run = DetectorHarness.of(kerberoasting).feed(
                serviceTicket(at(0), "pgustavo", "sysmonsvc", "172.18.39.5", RC4),
                serviceTicket(at(1), "pgustavo", "nxlogsvc", "172.18.39.5", RC4));

        assertThat(run.alerts()).hasSize(1);
    }

    @Test
    void binds_durations_and_lists() {
        List<Detector<?>> detectors = registry.create(Map.of("brute-force.window", "30m",
                "dcsync.excludedAccounts", "MSOL_*, AAD_*", "honeytoken-activity.enabled", "false"));

        assertThat(detectors).extracting(d -> d.descriptor().id()).doesNotContain("honeytoken-activity").hasSize(8);
    }

    @Test
    void rejects_unknown_settings_and_bad_values() {
        assertThatThrownBy(() -> registry.create(Map.of("kerberoasting.treshold", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kerberoasting.treshold");
        assertThatThrownBy(() -> registry.create(Map.of("kerberoast.threshold", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kerberoast.threshold");
        assertThatThrownBy(() -> registry.create(Map.of("kerberoasting.threshold", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> registry.create(Map.of("brute-force.window", "ten minutes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brute-force.window");
    }

    private static Detector<?> only(List<Detector<?>> detectors, String id) {
        return detectors.stream().filter(d -> d.descriptor().id().equals(id)).findFirst().orElseThrow();
    }
}
