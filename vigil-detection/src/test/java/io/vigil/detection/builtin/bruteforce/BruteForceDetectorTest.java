package io.vigil.detection.builtin.bruteforce;

import static io.vigil.detection.testing.TestEvents.KDC_PREAUTH_FAILED;
import static io.vigil.detection.testing.TestEvents.KDC_PRINCIPAL_UNKNOWN;
import static io.vigil.detection.testing.TestEvents.NT_BAD_PASSWORD;
import static io.vigil.detection.testing.TestEvents.NT_LOCKED_OUT;
import static io.vigil.detection.testing.TestEvents.NT_LOGON_FAILURE;
import static io.vigil.detection.testing.TestEvents.NT_NO_SUCH_USER;
import static io.vigil.detection.testing.TestEvents.NT_OK;
import static io.vigil.detection.testing.TestEvents.account;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.explicitCredentials;
import static io.vigil.detection.testing.TestEvents.logonFailed;
import static io.vigil.detection.testing.TestEvents.ntlmValidation;
import static io.vigil.detection.testing.TestEvents.preAuthFailed;
import static io.vigil.detection.testing.TestEvents.tgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BruteForceDetectorTest {

    private static final String WORKSTATION = "WORKSTATION5";
    private static final List<String> SPRAYED =
            List.of("lrodriguez", "pgustavo", "sysmonsvc", "sbeavers", "mscott", "pbeesly", "nxlogsvc");

    private final DetectorHarness<?> harness = DetectorHarness.of(new BruteForceDetector(BruteForceConfig.DEFAULTS));

    @Test
    void a_spray_recorded_on_the_workstation_and_the_dc_counts_each_guess_once() {
        harness.feed(spray(at(0), SPRAYED, NT_BAD_PASSWORD));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("brute-force");
        assertThat(alert.externalId()).isEqualTo("2023");
        assertThat(alert.alertTypeName()).isEqualTo("BruteForceSecurityAlert");
        assertThat(alert.name()).isEqualTo("Suspected Brute Force attack (Kerberos, NTLM)");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.techniqueIds()).containsExactly("T1110.001", "T1110.003");
        assertThat(alert.compromisedEntity()).isEqualTo(WORKSTATION);
        assertThat(alert.entities()).contains(new Entity.HostEntity(WORKSTATION, null))
                .anySatisfy(e -> assertThat(e.label()).endsWith("lrodriguez"))
                .anySatisfy(e -> assertThat(e.label()).endsWith("nxlogsvc"));
        assertThat(alert.evidenceCount()).isEqualTo(14);
        assertThat(alert.extendedProperties()).containsEntry("AttackType", "PasswordSpray")
                .containsEntry("AttackedAccountCount", "7").containsEntry("PasswordGuesses", "7")
                .containsEntry("GuessedAccounts", "");
        assertThat(alert.description()).isEqualTo("WORKSTATION5 made 7 password guesses against 7 accounts"
                + " (lrodriguez, pgustavo, sysmonsvc, sbeavers, mscott, …) over NTLM within 1 second:"
                + " a password spray. No password was guessed successfully.");
        assertThat(harness.context().emissions()).extracting(Alert::id).containsOnly(alert.id());
    }

    @Test
    void a_success_after_the_spray_marks_the_account_guessed_and_raises_severity() {
        harness.feed(spray(at(0), SPRAYED, NT_BAD_PASSWORD))
                .feed(ntlmValidation(at(30), "pbeesly", WORKSTATION, NT_OK),
                        ntlmValidation(at(31), "someoneelse", WORKSTATION, NT_OK));

        Alert alert = harness.onlyAlert();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.extendedProperties()).containsEntry("GuessedAccounts", "pbeesly");
        assertThat(alert.description()).contains("The password of 1 account (pbeesly) was guessed successfully.");
        assertThat(alert.evidenceCount()).isEqualTo(15);
    }

    @Test
    void many_wrong_passwords_for_one_account_are_a_vertical_brute_force() {
        harness.feed(IntStream.range(0, 10)
                .mapToObj(i -> preAuthFailed(at(i * 5L), "pgustavo", "172.18.39.9", KDC_PREAUTH_FAILED)).toList());

        Alert alert = harness.onlyAlert();
        assertThat(alert.extendedProperties()).containsEntry("AttackType", "BruteForce")
                .containsEntry("GuessesPerAccount", "pgustavo=10").containsEntry("Protocols", "Kerberos");
        assertThat(alert.entities()).contains(new Entity.IpEntity("172.18.39.9"));
    }

    @Test
    void lock_outs_count_as_attacked_accounts() {
        List<IdentityEvent> events = new ArrayList<>(spray(at(0), SPRAYED.subList(0, 4), NT_BAD_PASSWORD));
        events.add(ntlmValidation(at(1), "jdoe", WORKSTATION, NT_LOCKED_OUT));
        harness.feed(events);

        assertThat(harness.onlyAlert().extendedProperties()).containsEntry("LockedOutAccounts", "jdoe")
                .containsEntry("AttackedAccountCount", "5");
    }

    @Test
    void failures_below_both_thresholds_do_not_alert() {
        List<IdentityEvent> events = new ArrayList<>(spray(at(0), SPRAYED.subList(0, 4), NT_BAD_PASSWORD));
        // 4 accounts, and 9 guesses at pgustavo, each recorded twice (4625 + 4776): still 9
        IntStream.range(0, 8).forEach(i -> events.addAll(spray(at(10 + i), List.of("pgustavo"), NT_BAD_PASSWORD)));
        harness.feed(events);

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void unknown_user_names_are_not_password_guesses() {
        List<IdentityEvent> events = new ArrayList<>(spray(at(0), List.of("a1", "a2", "a3", "a4", "a5", "a6"), NT_NO_SUCH_USER));
        List.of("b1", "b2", "b3", "b4", "b5").forEach(n -> events.add(tgt(at(2), n, "172.18.39.9", KDC_PRINCIPAL_UNKNOWN, 0, 0)));
        harness.feed(events);

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void a_spray_spread_over_two_windows_does_not_alert() {
        harness.feed(spray(at(0), SPRAYED.subList(0, 3), NT_BAD_PASSWORD))
                .feed(spray(at(11 * 60), SPRAYED.subList(3, 6), NT_BAD_PASSWORD));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void a_success_without_earlier_failures_holds_no_state() {
        harness.feed(ntlmValidation(at(0), "pgustavo", WORKSTATION, NT_OK));

        var state = (io.vigil.detection.spi.ActivityWindow) harness.state(WORKSTATION);
        assertThat(state.start).isNull();
    }

    @Test
    void a_kerberos_spray_down_a_name_list_counts_the_names_that_do_not_exist() {
        // kerbrute passwordspray: most names unknown (0x6), a few wrong passwords (0x18)
        List<IdentityEvent> events = new ArrayList<>();
        List.of("hd01", "admin", "svc-02", "hd02").forEach(n -> events.add(tgt(at(0), n, "172.16.66.1", KDC_PRINCIPAL_UNKNOWN, 0, 0)));
        events.add(preAuthFailed(at(1), "Administrator", "172.16.66.1", KDC_PREAUTH_FAILED));
        harness.feed(events);

        Alert alert = harness.onlyAlert();
        assertThat(alert.extendedProperties()).containsEntry("AttackType", "PasswordSpray")
                .containsEntry("AttackedAccounts", "Administrator").containsEntry("PasswordGuesses", "1")
                .containsEntry("UnknownAccountNames", "hd01, admin, svc-02, hd02");
        assertThat(alert.description()).isEqualTo("172.16.66.1 made 1 password guess against 1 account (Administrator)"
                + " and tried 4 account names (hd01, admin, svc-02, hd02) that do not exist over Kerberos within"
                + " 1 second: a password spray. No password was guessed successfully.");
    }

    @Test
    void one_user_using_explicit_credentials_of_many_accounts_is_a_spray_from_that_computer() {
        Account jwrig = account("jwrig");
        harness.feed(IntStream.range(0, 12)
                .mapToObj(i -> explicitCredentials(at(i * 20L), jwrig, "user" + i, "WORKSTATION5", "fileserver")).toList());

        Alert alert = harness.onlyAlert();
        assertThat(alert.extendedProperties()).containsEntry("AttackType", "PasswordSpray")
                .containsEntry("ExplicitCredentialUsers", "jwrig").containsEntry("AttackedAccountCount", "12");
        assertThat(alert.entities()).contains(new Entity.HostEntity(WORKSTATION, null))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE\\jwrig"));
        assertThat(alert.description()).isEqualTo("jwrig used explicit credentials of 12 accounts (user0, user1,"
                + " user2, user3, user4, …) on WORKSTATION5 against FILESERVER within 4 minutes: a password spray run"
                + " from that computer (4648 does not record whether the attempts succeeded; the target servers' logs do).");
    }

    @Test
    void explicit_credentials_below_the_threshold_or_split_between_users_do_not_alert() {
        List<IdentityEvent> events = new ArrayList<>();
        IntStream.range(0, 9).forEach(i -> events.add(explicitCredentials(at(i), account("jwrig"), "user" + i, WORKSTATION, "fs")));
        IntStream.range(0, 9).forEach(i -> events.add(explicitCredentials(at(i), account("pgustavo"), "other" + i, WORKSTATION, "fs")));
        // the same account used again and again is one account
        IntStream.range(0, 20).forEach(i -> events.add(explicitCredentials(at(i), account("lrodriguez"), "adm-lr", WORKSTATION, "fs")));
        harness.feed(events);

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void logons_the_system_makes_for_users_are_not_explicit_credential_use() {
        // winlogon on a terminal server: subject the computer account / SYSTEM, target each user signing in
        Account system = new Account("THESHIRE", "WORKSTATION5$", "S-1-5-18");
        harness.feed(IntStream.range(0, 30)
                .mapToObj(i -> explicitCredentials(at(i), system, "user" + i, WORKSTATION, "localhost")).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    /** Each guess as the purplesharp corpus shows it: 4625 on the workstation, 4776 on the DC. */
    private static List<IdentityEvent> spray(Instant t, List<String> accounts, long status) {
        List<IdentityEvent> events = new ArrayList<>();
        for (String a : accounts) {
            events.add(logonFailed(t, a, WORKSTATION, NT_LOGON_FAILURE, status));
            events.add(ntlmValidation(t.plusMillis(400), a, WORKSTATION, status));
        }
        return events;
    }
}
