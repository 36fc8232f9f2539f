package io.vigil.detection.builtin.kerberos;

import static io.vigil.detection.testing.TestEvents.AES256;
import static io.vigil.detection.testing.TestEvents.KDC_OK;
import static io.vigil.detection.testing.TestEvents.KDC_PREAUTH_FAILED;
import static io.vigil.detection.testing.TestEvents.PRE_AUTH_ENC_TIMESTAMP;
import static io.vigil.detection.testing.TestEvents.PRE_AUTH_NONE;
import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.tgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsRepRoastingDetectorTest {

    private static final String IP = "172.18.39.5";

    private final DetectorHarness<?> harness = DetectorHarness.of(new AsRepRoastingDetector(AsRepRoastingConfig.DEFAULTS));

    @Test
    void tickets_without_pre_authentication_raise_one_alert_per_source_listing_the_accounts() {
        harness.feed(tgt(at(0), "svc-legacy", IP, KDC_OK, RC4, PRE_AUTH_NONE),
                tgt(at(2), "jdoe", IP, KDC_OK, RC4, PRE_AUTH_NONE));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("asrep-roasting");
        assertThat(alert.externalId()).isEqualTo("2412");
        assertThat(alert.alertTypeName()).isEqualTo("AsRepRoastingSecurityAlert");
        assertThat(alert.name()).isEqualTo("Suspected AS-REP Roasting attack");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.techniqueIds()).containsExactly("T1558.004");
        assertThat(alert.entities()).contains(new Entity.IpEntity(IP))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE\\svc-legacy"))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE\\jdoe"));
        assertThat(alert.evidenceCount()).isEqualTo(2);
        assertThat(alert.description()).startsWith("172.18.39.5 requested Kerberos tickets without pre-authentication"
                + " (AS-REP) for 2 accounts (svc-legacy, jdoe) within 2 seconds").contains("RC4");
        assertThat(alert.extendedProperties()).containsEntry("Confidence", "High")
                .containsEntry("Rc4Accounts", "svc-legacy, jdoe");
        assertThat(harness.context().emissions()).hasSize(2).extracting(Alert::id).containsOnly(alert.id());
    }

    @Test
    void an_aes_reply_still_alerts_with_medium_confidence() {
        harness.feed(tgt(at(0), "svc-legacy", IP, KDC_OK, AES256, PRE_AUTH_NONE));

        assertThat(harness.onlyAlert().extendedProperties()).containsEntry("Confidence", "Medium");
    }

    @Test
    void pre_authenticated_requests_do_not_alert() {
        harness.feed(tgt(at(0), "jdoe", IP, KDC_OK, RC4, PRE_AUTH_ENC_TIMESTAMP));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void machine_accounts_failures_and_excluded_accounts_do_not_alert() {
        var run = DetectorHarness.of(new AsRepRoastingDetector(
                new AsRepRoastingConfig(1, Duration.ofMinutes(10), Set.of("svc-unix*"))));
        run.feed(tgt(at(0), "WORKSTATION6$", IP, KDC_OK, RC4, PRE_AUTH_NONE),
                tgt(at(1), "jdoe", IP, KDC_PREAUTH_FAILED, RC4, PRE_AUTH_NONE),
                tgt(at(2), "svc-unix01", IP, KDC_OK, RC4, PRE_AUTH_NONE));

        assertThat(run.alerts()).isEmpty();
    }
}
