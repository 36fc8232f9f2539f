package io.vigil.detection.builtin.pam;

import static io.vigil.detection.testing.TestEvents.AES256;
import static io.vigil.detection.testing.TestEvents.KDC_OK;
import static io.vigil.detection.testing.TestEvents.KDC_PREAUTH_FAILED;
import static io.vigil.detection.testing.TestEvents.NT_OK;
import static io.vigil.detection.testing.TestEvents.PRE_AUTH_ENC_TIMESTAMP;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.logon;
import static io.vigil.detection.testing.TestEvents.ntlmValidation;
import static io.vigil.detection.testing.TestEvents.tgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.detection.testing.TestEvents;
import io.vigil.detection.testing.TestVault;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutsidePamSessionDetectorTest {

    private static final String PSM_IP = "172.18.39.50";
    private static final String WORKSTATION_IP = "172.18.39.5";
    private static final long HOUR = 3600;

    private final OutsidePamSessionDetector detector = new OutsidePamSessionDetector(OutsidePamSessionConfig.DEFAULTS);

    /** CyberArk manages adm_frodo; read well after the sign-ins below, as a replay of past logs finds it. */
    private static TestVault cyberArk() {
        return new TestVault("CyberArk", at(6 * HOUR), "adm_frodo");
    }

    private DetectorHarness<OutsidePamSessionState> run(TestVault vault) {
        return DetectorHarness.of(detector, vault.directory(), vault);
    }

    @Test
    void sign_ins_through_the_psm_server_during_a_session_do_not_alert() {
        TestVault vault = cyberArk().session("adm_frodo", "12", at(0), at(1800), PSM_IP);
        var run = run(vault).feed(
                tgt(at(20), "adm_frodo", PSM_IP, KDC_OK, AES256, PRE_AUTH_ENC_TIMESTAMP),
                logon(at(25), "adm_frodo", "PSM01", PSM_IP, "FILES01.theshire.local", 10),
                logon(at(1700), "adm_frodo", "PSM01", PSM_IP));
        run.advanceTo(at(6 * HOUR));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void a_sign_in_from_a_workstation_with_no_vault_session_alerts_at_once_when_the_vault_was_read_since() {
        TestVault vault = cyberArk().session("adm_frodo", "12", at(-3 * HOUR), at(-2 * HOUR), PSM_IP);
        var run = run(vault).feed(
                tgt(at(0), "adm_frodo", WORKSTATION_IP, KDC_OK, AES256, PRE_AUTH_ENC_TIMESTAMP),
                logon(at(4), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));

        Alert alert = run.onlyAlert();
        assertThat(alert.type()).isEqualTo("outside-pam-session");
        assertThat(alert.externalId()).isNull();
        assertThat(alert.name()).isEqualTo("Privileged account used outside a PAM session");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.tactics()).contains(MitreTactic.DEFENSE_EVASION, MitreTactic.PERSISTENCE,
                MitreTactic.PRIVILEGE_ESCALATION, MitreTactic.INITIAL_ACCESS);
        assertThat(alert.techniqueIds()).containsExactly("T1078", "T1078.002");
        assertThat(alert.compromisedEntity()).isEqualTo("THESHIRE\\adm_frodo");
        assertThat(alert.entities()).contains(new Entity.IpEntity(WORKSTATION_IP),
                new Entity.HostEntity("MORDORDC", "theshire.local"));
        assertThat(alert.description()).isEqualTo("THESHIRE\\adm_frodo, whose password CyberArk manages, signed in"
                + " 2 times over Kerberos and NTLM from WORKSTATION5 (172.18.39.5) at MORDORDC.theshire.local within"
                + " 4 seconds, with no session or checkout of the account in the vault at those times.");
        assertThat(alert.extendedProperties()).containsEntry("Vaults", "CyberArk").containsEntry("SignIns", "2")
                .containsEntry("Protocols", "Kerberos, NTLM").containsEntry("VaultSessionsElsewhere", "");
        assertThat(alert.evidenceCount()).isEqualTo(2);
        assertThat(alert.evidence()).extracting(e -> e.eventId()).containsExactly(4768, 4624);
        assertThat(alert.startTime()).isEqualTo(at(0));
        assertThat(alert.endTime()).isEqualTo(at(4));
    }

    @Test
    void a_sign_in_from_elsewhere_while_a_psm_session_is_open_alerts_and_names_the_session() {
        TestVault vault = cyberArk().session("adm_frodo", "12", at(0), null, PSM_IP);
        var run = run(vault).feed(logon(at(600), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));

        assertThat(run.onlyAlert().description()).endsWith("The vault had 1 session (CyberArk session 12 via "
                + PSM_IP + ") of the account open then, but these sign-ins did not come through it.");
        assertThat(run.onlyAlert().extendedProperties()).containsEntry("VaultSessionsElsewhere",
                "CyberArk session 12 via " + PSM_IP);
    }

    @Test
    void a_workstation_that_claims_the_psm_servers_name_is_judged_by_its_address() {
        TestVault vault = cyberArk().session("adm_frodo", "12", at(0), null, PSM_IP, "PSM01.theshire.local");
        var run = run(vault).feed(
                logon(at(60), "adm_frodo", "PSM01", WORKSTATION_IP),
                ntlmValidation(at(70), "adm_frodo", "PSM01", NT_OK));

        Alert alert = run.onlyAlert();
        assertThat(alert.extendedProperties()).containsEntry("SignIns", "1");
        assertThat(alert.evidence()).extracting(e -> e.eventId()).containsExactly(4624);
    }

    @Test
    void a_checkout_covers_sign_ins_from_anywhere_while_it_lasts() {
        TestVault vault = cyberArk().checkout("adm_frodo", "c-7", at(0), at(HOUR));
        var run = run(vault).feed(
                logon(at(300), "adm_frodo", "WORKSTATION5", WORKSTATION_IP),
                ntlmValidation(at(900), "adm_frodo", "WORKSTATION9", NT_OK),
                logon(at(2 * HOUR), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));

        assertThat(run.onlyAlert().startTime()).isEqualTo(at(2 * HOUR));
    }

    @Test
    void sign_ins_a_little_before_the_session_starts_belong_to_it_but_not_long_before() {
        TestVault vault = cyberArk().session("adm_frodo", "12", at(HOUR), at(2 * HOUR), PSM_IP);
        var run = run(vault).feed(
                logon(at(HOUR - 240), "adm_frodo", "PSM01", PSM_IP),
                logon(at(2 * HOUR + 240), "adm_frodo", "PSM01", PSM_IP),
                logon(at(HOUR - 600), "adm_frodo", "PSM01", PSM_IP));

        assertThat(run.onlyAlert().startTime()).isEqualTo(at(HOUR - 600));
        assertThat(run.onlyAlert().evidenceCount()).isEqualTo(1);
    }

    @Test
    void a_session_the_next_sync_brings_within_the_grace_period_clears_the_sign_in() {
        TestVault live = new TestVault("CyberArk", at(-60), "adm_frodo");
        var run = run(live).feed(logon(at(0), "adm_frodo", "PSM01", PSM_IP));
        assertThat(run.alerts()).isEmpty();
        assertThat(run.state("adm_frodo").pending).hasSize(1);

        live.session("adm_frodo", "12", at(-5), null, PSM_IP).readUntil(at(300));
        run.advanceTo(at(HOUR));

        assertThat(run.alerts()).isEmpty();
        assertThat(run.state("adm_frodo").pending).isEmpty();
    }

    @Test
    void a_sign_in_the_next_sync_still_finds_no_session_for_alerts_once_the_grace_period_is_over() {
        TestVault live = new TestVault("CyberArk", at(-60), "adm_frodo");
        var run = run(live).feed(logon(at(0), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));
        live.readUntil(at(300));

        run.advanceTo(at(Duration.ofMinutes(19).toSeconds()));
        assertThat(run.alerts()).isEmpty();
        run.advanceTo(at(Duration.ofMinutes(21).toSeconds()));
        assertThat(run.onlyAlert().startTime()).isEqualTo(at(0));
    }

    @Test
    void a_vault_that_is_never_read_again_raises_nothing_and_the_sign_in_is_dropped_after_giving_up() {
        TestVault down = new TestVault("CyberArk", at(-60), "adm_frodo");
        var run = run(down).feed(logon(at(0), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));

        run.advanceTo(at(3 * HOUR));

        assertThat(run.alerts()).isEmpty();
        assertThat(run.state("adm_frodo").pending).isEmpty();
        assertThat(run.context().pendingTimers()).isEmpty();
    }

    @Test
    void sign_ins_older_than_what_the_vault_still_holds_are_never_judged() {
        TestVault vault = cyberArk().readFrom(at(HOUR));
        var run = run(vault).feed(logon(at(0), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));
        run.advanceTo(at(5 * HOUR));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void accounts_no_vault_manages_machines_failures_and_excluded_sign_ins_are_not_judged() {
        TestVault vault = new TestVault("CyberArk", at(6 * HOUR), "adm_frodo", "svc_backup", "MORDORDC$");
        var detector = new OutsidePamSessionDetector(new OutsidePamSessionConfig(Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(2), Set.of("4", "5"),
                Set.of("svc_*"), Set.of("CPM01", "172.18.39.60")));
        var run = DetectorHarness.of(detector, vault.directory(), vault).feed(
                logon(at(0), "pgustavo", "WORKSTATION5", WORKSTATION_IP),
                logon(at(1), "MORDORDC$", null, "172.18.39.1"),
                tgt(at(2), "adm_frodo", WORKSTATION_IP, KDC_PREAUTH_FAILED, AES256, PRE_AUTH_ENC_TIMESTAMP),
                logon(at(3), "svc_backup", "WORKSTATION5", WORKSTATION_IP),
                logon(at(4), "adm_frodo", "CPM01", null),
                logon(at(5), "adm_frodo", null, "172.18.39.60"),
                logon(at(6), "adm_frodo", "SRV01", "172.18.39.70", "SRV01.theshire.local", 5));
        run.advanceTo(at(6 * HOUR));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void sign_ins_hours_apart_raise_two_alerts() {
        var run = run(cyberArk()).feed(
                logon(at(0), "adm_frodo", "WORKSTATION5", WORKSTATION_IP),
                logon(at(2 * HOUR), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));

        assertThat(run.alerts()).hasSize(2);
        assertThat(run.alerts().get(0).id()).isNotEqualTo(run.alerts().get(1).id());
    }

    @Test
    void sign_ins_judged_late_still_join_the_alert_of_their_window() {
        TestVault live = new TestVault("CyberArk", at(-60), "adm_frodo");
        var run = run(live).feed(logon(at(0), "adm_frodo", "WORKSTATION5", WORKSTATION_IP),
                logon(at(3000), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));
        live.readUntil(at(3300));

        run.advanceTo(at(5 * HOUR));

        assertThat(run.onlyAlert().evidenceCount()).isEqualTo(2);
        assertThat(run.onlyAlert().startTime()).isEqualTo(at(0));
    }

    @Test
    void a_flood_of_sign_ins_is_held_up_to_a_cap_and_reported_with_the_count_left_unjudged() {
        TestVault live = new TestVault("CyberArk", at(-60), "adm_frodo");
        var run = run(live);
        for (int i = 0; i < OutsidePamSessionState.PENDING_CAP + 50; i++) {
            run.feed(logon(at(i), "adm_frodo", "WORKSTATION5", WORKSTATION_IP));
        }
        assertThat(run.state("adm_frodo").pending).hasSize(OutsidePamSessionState.PENDING_CAP);

        live.readUntil(at(HOUR));
        run.advanceTo(at(2 * HOUR));

        assertThat(run.onlyAlert().evidenceCount()).isEqualTo(OutsidePamSessionState.PENDING_CAP);
        assertThat(run.onlyAlert().extendedProperties()).containsEntry("SignInsNotJudged", "50");
    }

    @Test
    void events_with_missing_parts_are_ignored_without_failing() {
        TestVault vault = cyberArk();
        IdentityEvent noActor = IdentityEvent.builder(IdentityEventKind.LOGON, null).time(at(0))
                .outcome(Outcome.SUCCESS).build();
        IdentityEvent sidOnly = IdentityEvent.builder(IdentityEventKind.NTLM_VALIDATION, null).time(at(1))
                .actor(new Account(null, null, TestEvents.DOMAIN_SID + "-1105")).outcome(Outcome.SUCCESS).build();
        IdentityEvent bare = IdentityEvent.builder(IdentityEventKind.LOGON, null).time(at(2))
                .actor(new Account(null, "adm_frodo", null)).outcome(Outcome.SUCCESS).build();
        var run = run(vault);

        detector.onEvent(detector.newState(), noActor, run.context().forKey("x"));
        run.feed(sidOnly, bare);

        assertThat(run.onlyAlert().description()).startsWith("adm_frodo, whose password CyberArk manages, signed in once,");
        assertThat(run.onlyAlert().evidence()).singleElement().satisfies(e -> assertThat(e.eventId()).isEqualTo(-1));
    }
}
