package io.vigil.detection.builtin.recon;

import static io.vigil.detection.testing.TestEvents.KDC_PREAUTH_FAILED;
import static io.vigil.detection.testing.TestEvents.KDC_PRINCIPAL_UNKNOWN;
import static io.vigil.detection.testing.TestEvents.NT_BAD_PASSWORD;
import static io.vigil.detection.testing.TestEvents.NT_NO_SUCH_USER;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.ntlmValidation;
import static io.vigil.detection.testing.TestEvents.preAuthFailed;
import static io.vigil.detection.testing.TestEvents.tgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.IdentityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccountEnumerationDetectorTest {

    private static final String IP = "172.18.39.9";

    private final DetectorHarness<?> harness =
            DetectorHarness.of(new AccountEnumerationDetector(AccountEnumerationConfig.DEFAULTS));

    @Test
    void ten_unknown_names_from_one_source_alert_and_list_the_names_that_exist() {
        List<IdentityEvent> events = new ArrayList<>(unknownNames(0, 5));
        events.add(preAuthFailed(at(6), "pgustavo", IP, KDC_PREAUTH_FAILED));
        events.addAll(unknownNames(5, 10));
        events.add(preAuthFailed(at(20), "pgustavo", IP, KDC_PREAUTH_FAILED));
        harness.feed(events);

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("account-enumeration");
        assertThat(alert.externalId()).isEqualTo("2003");
        assertThat(alert.alertTypeName()).isEqualTo("AccountEnumerationSecurityAlert");
        assertThat(alert.name()).isEqualTo("Account enumeration reconnaissance");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.tactics()).containsExactly(MitreTactic.DISCOVERY);
        assertThat(alert.techniqueIds()).containsExactly("T1087.002");
        assertThat(alert.entities()).contains(new Entity.IpEntity(IP))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE\\pgustavo"))
                .noneSatisfy(e -> assertThat(e.label()).contains("guess"));
        assertThat(alert.evidenceCount()).isEqualTo(11);
        assertThat(alert.extendedProperties()).containsEntry("UnknownAccountCount", "10")
                .containsEntry("MatchedAccounts", "pgustavo");
        assertThat(alert.description()).isEqualTo("172.18.39.9 tried 10 account names (guess0, guess1, guess2,"
                + " guess3, guess4, …) that do not exist in Active Directory over Kerberos within 9 seconds."
                + " 1 of the names tried from there exists (pgustavo).");
    }

    @Test
    void ntlm_unknown_names_count_too() {
        harness.feed(IntStream.range(0, 10)
                .mapToObj(i -> ntlmValidation(at(i), "user" + i, "WORKSTATION9", NT_NO_SUCH_USER)).toList());

        assertThat(harness.onlyAlert().extendedProperties()).containsEntry("Protocols", "NTLM");
    }

    @Test
    void nine_unknown_names_do_not_alert() {
        harness.feed(unknownNames(0, 9));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void wrong_passwords_for_existing_accounts_are_no_enumeration() {
        harness.feed(IntStream.range(0, 12)
                .mapToObj(i -> ntlmValidation(at(i), "user" + i, "WORKSTATION9", NT_BAD_PASSWORD)).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void unknown_names_spread_over_two_windows_do_not_alert() {
        harness.feed(unknownNames(0, 6));
        harness.feed(IntStream.range(6, 12)
                .mapToObj(i -> tgt(at(15 * 60 + i), "guess" + i, IP, KDC_PRINCIPAL_UNKNOWN, 0, 0)).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    private static List<IdentityEvent> unknownNames(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> tgt(at(4 + i), "guess" + i, IP, KDC_PRINCIPAL_UNKNOWN, 0, 0)).toList();
    }
}
