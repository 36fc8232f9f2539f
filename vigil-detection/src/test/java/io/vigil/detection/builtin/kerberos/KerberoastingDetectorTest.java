package io.vigil.detection.builtin.kerberos;

import static io.vigil.detection.testing.TestEvents.AES256;
import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.KDC_OK;
import static io.vigil.detection.testing.TestEvents.PRE_AUTH_ENC_TIMESTAMP;
import static io.vigil.detection.testing.TestEvents.serviceTicket;
import static io.vigil.detection.testing.TestEvents.tgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KerberoastingDetectorTest {

    private static final String ATTACKER_IP = "172.18.39.5";
    private static final List<String> SERVICES = List.of("sysmonsvc", "nxlogsvc", "defensesvc", "otrsvc", "mordorsvc");

    private final DetectorHarness<?> harness = DetectorHarness.of(new KerberoastingDetector(KerberoastingConfig.DEFAULTS));

    @Test
    void five_rc4_tickets_for_five_service_accounts_in_a_second_raise_one_alert() {
        harness.feed(rc4Tickets(at(0), SERVICES))
                .feed(serviceTicket(at(1), "pgustavo", "WEC$", ATTACKER_IP, AES256),
                        serviceTicket(at(1), "pgustavo", "krbtgt", ATTACKER_IP, AES256));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("kerberoasting");
        assertThat(alert.externalId()).isEqualTo("2410");
        assertThat(alert.alertTypeName()).isEqualTo("KerberoastingSecurityAlert");
        assertThat(alert.name()).isEqualTo("Suspected Kerberos SPN exposure");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.tactics()).containsExactly(MitreTactic.CREDENTIAL_ACCESS);
        assertThat(alert.techniqueIds()).containsExactly("T1558.003");
        assertThat(alert.entities()).contains(new Entity.IpEntity(ATTACKER_IP))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("THESHIRE.LOCAL\\pgustavo"))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("sysmonsvc"));
        assertThat(alert.evidenceCount()).isEqualTo(5);
        assertThat(alert.evidence()).hasSize(5).allSatisfy(e -> assertThat(e.eventId()).isEqualTo(4769));
        assertThat(alert.description()).isEqualTo("pgustavo requested RC4 service tickets for 5 service accounts"
                + " (sysmonsvc, nxlogsvc, defensesvc, otrsvc, mordorsvc) from 172.18.39.5 within 1 second.");
        assertThat(alert.extendedProperties()).containsEntry("ServiceAccountCount", "5")
                .containsEntry("RequestingAccounts", "pgustavo").containsEntry("EncryptionTypes", "RC4");
        assertThat(alert.remediationSteps()).isNotEmpty();
    }

    @Test
    void alert_is_emitted_when_the_threshold_is_crossed_and_updated_under_the_same_id() {
        harness.feed(rc4Tickets(at(0), SERVICES));

        List<Alert> emissions = harness.context().emissions();
        assertThat(emissions).hasSize(3);
        assertThat(emissions).extracting(Alert::id).containsOnly(emissions.get(0).id());
        assertThat(emissions).extracting(Alert::evidenceCount).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aes_tickets_do_not_count() {
        harness.feed(SERVICES.stream().map(s -> serviceTicket(at(0), "pgustavo", s, ATTACKER_IP, AES256)).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void machine_account_and_krbtgt_tickets_do_not_count_even_in_rc4() {
        harness.feed(Stream.of("WEC$", "WORKSTATION6$", "MORDORDC$", "krbtgt", "WORKSTATION7$")
                .map(s -> serviceTicket(at(0), "pgustavo", s, ATTACKER_IP, RC4)).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void rc4_tickets_below_the_threshold_or_for_one_service_only_do_not_alert() {
        harness.feed(rc4Tickets(at(0), SERVICES.subList(0, 2)))
                .feed(serviceTicket(at(2), "pgustavo", "sysmonsvc", ATTACKER_IP, RC4),
                        serviceTicket(at(3), "pgustavo", "sysmonsvc", ATTACKER_IP, RC4));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void failed_ticket_requests_do_not_count() {
        harness.feed(SERVICES.stream().map(s -> serviceTicket(at(0), "pgustavo", s, ATTACKER_IP, RC4, 0x1b)).toList());

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void tickets_spread_over_two_windows_do_not_alert() {
        harness.feed(rc4Tickets(at(0), SERVICES.subList(0, 2)))
                .feed(rc4Tickets(at(11 * 60), SERVICES.subList(2, 4)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void excluded_services_are_not_counted() {
        var detector = new KerberoastingDetector(new KerberoastingConfig(3, true, java.time.Duration.ofMinutes(10),
                java.util.Set.of("sysmon*", "nxlogsvc"), java.util.Set.of()));
        var run = DetectorHarness.of(detector).feed(rc4Tickets(at(0), SERVICES.subList(0, 4)));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void the_window_end_timer_resets_the_source_state() {
        harness.feed(rc4Tickets(at(0), SERVICES));
        assertThat(harness.context().pendingTimers()).hasSize(1);

        harness.advanceTo(at(3600));

        var state = (io.vigil.detection.spi.ActivityWindow) harness.state(ATTACKER_IP);
        assertThat(state.start).isNull();
        assertThat(state.evidence).isEmpty();
    }

    @Test
    void one_rc4_ticket_after_an_rc4_tgt_for_the_same_requester_alerts() {
        // Impacket GetUserSPNs with a password: RC4 TGT, then one RC4 ticket for the one SPN it found
        harness.feed(tgt(at(0), "pgustavo", ATTACKER_IP, KDC_OK, RC4, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, RC4));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("kerberoasting");
        assertThat(alert.description()).isEqualTo("pgustavo requested a service ticket in RC4 for the service"
                + " account sqlsvc from 172.18.39.5 within 1 second; pgustavo got a TGT in RC4 or DES from there just"
                + " before, which Windows clients with AES keys never ask for.");
        assertThat(alert.extendedProperties()).containsEntry("Trigger", "WeakTgt")
                .containsEntry("WeakTgtRequesters", "pgustavo").containsEntry("TicketRequests", "1");
        assertThat(alert.evidence()).extracting(e -> e.eventId()).containsExactly(4768, 4769);
    }

    @Test
    void one_rc4_ticket_after_an_aes_tgt_does_not_alert() {
        harness.feed(tgt(at(0), "pgustavo", ATTACKER_IP, KDC_OK, AES256, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, RC4));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void aes_tgt_and_aes_ticket_do_not_alert() {
        harness.feed(tgt(at(0), "pgustavo", ATTACKER_IP, KDC_OK, AES256, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, AES256));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void an_rc4_tgt_followed_by_an_aes_ticket_or_another_requesters_rc4_ticket_does_not_alert() {
        harness.feed(tgt(at(0), "pgustavo", ATTACKER_IP, KDC_OK, RC4, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, AES256),
                serviceTicket(at(2), "lrodriguez", "sqlsvc", ATTACKER_IP, RC4),
                serviceTicket(at(3), "pgustavo", "WORKSTATION6$", ATTACKER_IP, RC4));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void an_rc4_tgt_from_another_source_does_not_corroborate() {
        harness.feed(tgt(at(0), "pgustavo", "172.18.39.6", KDC_OK, RC4, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, RC4));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void the_single_ticket_rule_can_be_turned_off() {
        var detector = new KerberoastingDetector(new KerberoastingConfig(3, false, java.time.Duration.ofMinutes(10),
                java.util.Set.of(), java.util.Set.of()));
        var run = DetectorHarness.of(detector).feed(
                tgt(at(0), "pgustavo", ATTACKER_IP, KDC_OK, RC4, PRE_AUTH_ENC_TIMESTAMP),
                serviceTicket(at(1), "pgustavo", "sqlsvc", ATTACKER_IP, RC4));

        assertThat(run.alerts()).isEmpty();
    }

    private static List<IdentityEvent> rc4Tickets(Instant start, List<String> services) {
        return services.stream()
                .map(s -> serviceTicket(s.equals(services.get(0)) ? start : start.plusMillis(700), "pgustavo", s,
                        ATTACKER_IP, RC4))
                .toList();
    }
}
