package io.vigil.detection.builtin.honeytoken;

import static io.vigil.detection.testing.TestEvents.DC;
import static io.vigil.detection.testing.TestEvents.NT_BAD_PASSWORD;
import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.logon;
import static io.vigil.detection.testing.TestEvents.ntlmValidation;
import static io.vigil.detection.testing.TestEvents.serviceTicket;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoneytokenActivityDetectorTest {

    private static final StaticDirectory DIRECTORY =
            new StaticDirectory(List.of("THESHIRE\\decoy-admin", "decoy-svc"), List.of());

    private final DetectorHarness<?> harness = DetectorHarness.of(
            new HoneytokenActivityDetector(HoneytokenActivityConfig.DEFAULTS), DIRECTORY);

    @Test
    void any_authentication_by_a_honeytoken_raises_one_alert_per_window() {
        harness.feed(ntlmValidation(at(0), "decoy-admin", "WORKSTATION5", NT_BAD_PASSWORD),
                logon(at(40), "decoy-admin", "WORKSTATION5", "172.18.39.5"));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("honeytoken-activity");
        assertThat(alert.externalId()).isEqualTo("2014");
        assertThat(alert.alertTypeName()).isEqualTo("HoneytokenActivitySecurityAlert");
        assertThat(alert.name()).isEqualTo("Honeytoken authentication activity");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.tactics()).containsExactly(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.DISCOVERY);
        assertThat(alert.techniqueIds()).containsExactly("T1087.002");
        assertThat(alert.compromisedEntity()).isEqualTo("decoy-admin");
        assertThat(alert.entities()).contains(new Entity.HostEntity("WORKSTATION5", null),
                new Entity.IpEntity("172.18.39.5"));
        assertThat(alert.evidenceCount()).isEqualTo(2);
        assertThat(alert.description()).isEqualTo("The honeytoken account decoy-admin showed 2 authentication"
                + " activities over NTLM from WORKSTATION5 (172.18.39.5) against " + DC + " within 40 seconds,"
                + " 1 successful.");
    }

    @Test
    void a_service_ticket_requested_for_a_honeytoken_alerts_naming_the_requester() {
        harness.feed(serviceTicket(at(0), "pgustavo", "decoy-svc", "172.18.39.5", RC4));

        Alert alert = harness.onlyAlert();
        assertThat(alert.extendedProperties()).containsEntry("Honeytokens", "decoy-svc")
                .containsEntry("OtherAccounts", "pgustavo");
    }

    @Test
    void ordinary_accounts_do_not_alert() {
        harness.feed(ntlmValidation(at(0), "pgustavo", "WORKSTATION5", NT_BAD_PASSWORD),
                logon(at(1), "jdoe", "WORKSTATION5", "172.18.39.5"));

        assertThat(harness.alerts()).isEmpty();
    }
}
