package io.vigil.detection.builtin.replication;

import static io.vigil.detection.testing.TestEvents.DC;
import static io.vigil.detection.testing.TestEvents.account;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.replication;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DcSyncDetectorTest {

    private static final String ALL_RIGHTS = "DS-Replication-Get-Changes, DS-Replication-Get-Changes-All";
    private static final StaticDirectory NO_DC_LIST = StaticDirectory.empty();
    private static final StaticDirectory DC_LIST = new StaticDirectory(List.of(), List.of("MORDORDC.theshire.local"));

    private final DcSyncDetector detector = new DcSyncDetector(DcSyncConfig.DEFAULTS);

    @Test
    void a_user_account_replicating_raises_one_alert_updated_with_each_request() {
        var run = DetectorHarness.of(detector, NO_DC_LIST);
        run.feed(replication(at(0), account("pgustavo"), DC, "DS-Replication-Get-Changes"),
                replication(at(1), account("pgustavo"), DC, "DS-Replication-Get-Changes-All"));

        Alert alert = run.onlyAlert();
        assertThat(alert.type()).isEqualTo("dcsync");
        assertThat(alert.externalId()).isEqualTo("2006");
        assertThat(alert.alertTypeName()).isEqualTo("DirectoryServicesReplicationSecurityAlert");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.tactics()).containsExactly(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.PERSISTENCE);
        assertThat(alert.techniqueIds()).containsExactly("T1003.006");
        assertThat(alert.compromisedEntity()).isEqualTo("THESHIRE\\pgustavo");
        assertThat(alert.entities()).anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE\\pgustavo"))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo(DC));
        assertThat(alert.evidenceCount()).isEqualTo(2);
        assertThat(alert.description()).isEqualTo("THESHIRE\\pgustavo, which is not a domain controller, sent"
                + " 2 replication requests (DS-Replication-Get-Changes, DS-Replication-Get-Changes-All) to " + DC
                + " within 1 second.");
        assertThat(alert.extendedProperties()).containsEntry("ActorAccountType", "User");
        assertThat(run.context().emissions()).hasSize(2);
    }

    @Test
    void a_computer_that_the_directory_says_is_no_dc_raises_an_alert() {
        var run = DetectorHarness.of(detector, DC_LIST);
        run.feed(replication(at(0), account("WORKSTATION6$"), DC, ALL_RIGHTS));

        assertThat(run.onlyAlert().extendedProperties()).containsEntry("ActorAccountType", "Computer");
    }

    @Test
    void a_domain_controller_replicating_does_not_alert() {
        var run = DetectorHarness.of(detector, DC_LIST);
        run.feed(replication(at(0), account("MORDORDC$"), DC, ALL_RIGHTS));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void a_machine_account_is_taken_for_a_dc_when_the_directory_cannot_say() {
        var run = DetectorHarness.of(detector, NO_DC_LIST);
        run.feed(replication(at(0), account("MORDORDC$"), DC, ALL_RIGHTS));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void excluded_accounts_do_not_alert() {
        var run = DetectorHarness.of(new DcSyncDetector(new DcSyncConfig(Duration.ofHours(1), Set.of("MSOL_*"))),
                NO_DC_LIST);
        run.feed(replication(at(0), account("MSOL_0a1b2c3d4e5f"), DC, ALL_RIGHTS));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void requests_an_hour_apart_raise_two_alerts() {
        var run = DetectorHarness.of(detector, NO_DC_LIST);
        run.feed(replication(at(0), account("pgustavo"), DC, ALL_RIGHTS),
                replication(at(2 * 3600), account("pgustavo"), DC, ALL_RIGHTS));

        assertThat(run.alerts()).hasSize(2);
    }
}
