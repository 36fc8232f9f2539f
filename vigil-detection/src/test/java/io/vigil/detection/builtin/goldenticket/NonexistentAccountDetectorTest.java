package io.vigil.detection.builtin.goldenticket;

import static io.vigil.detection.testing.TestEvents.AES256;
import static io.vigil.detection.testing.TestEvents.KDC_OK;
import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.serviceTicket;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.testing.DetectorHarness;
import io.vigil.detection.testing.TestInventory;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonexistentAccountDetectorTest {

    private static final long KDC_TGT_REVOKED = 0x14;

    private final NonexistentAccountDetector detector = new NonexistentAccountDetector(NonexistentAccountConfig.DEFAULTS);

    /** An inventory of theshire.local read an hour after the tickets below: what a replay sees. */
    private static TestInventory readAfterwards() {
        return new TestInventory("theshire.local", at(3600), "pgustavo", "MORDORDC$");
    }

    @Test
    void a_ticket_used_by_an_account_missing_from_a_later_inventory_alerts_at_once() {
        var run = DetectorHarness.of(detector, readAfterwards());
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256),
                serviceTicket(at(5), "fakeadmin", "ldap/MORDORDC.theshire.local", "172.18.39.5", AES256),
                serviceTicket(at(9), "fakeadmin", "host/WORKSTATION6.theshire.local", "172.18.39.6", RC4,
                        KDC_TGT_REVOKED));

        Alert alert = run.onlyAlert();
        assertThat(alert.type()).isEqualTo("golden-ticket-nonexistent-account");
        assertThat(alert.externalId()).isEqualTo("2027");
        assertThat(alert.alertTypeName()).isEqualTo("ForgedPrincipalSecurityAlert");
        assertThat(alert.name()).isEqualTo("Suspected Golden Ticket usage (nonexistent account)");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.tactics()).containsExactly(MitreTactic.PERSISTENCE, MitreTactic.PRIVILEGE_ESCALATION,
                MitreTactic.LATERAL_MOVEMENT);
        assertThat(alert.techniqueIds()).containsExactly("T1558.001", "T1068", "T1210");
        assertThat(alert.compromisedEntity()).isEqualTo("THESHIRE.LOCAL\\fakeadmin");
        assertThat(alert.entities()).contains(new Entity.IpEntity("172.18.39.5"), new Entity.IpEntity("172.18.39.6"));
        assertThat(alert.evidenceCount()).isEqualTo(3);
        assertThat(alert.description()).isEqualTo("THESHIRE.LOCAL\\fakeadmin, which does not exist in Active"
                + " Directory, used a Kerberos ticket: 3 service ticket requests from 172.18.39.5, 172.18.39.6 to"
                + " access 3 resources (cifs/MORDORDC.theshire.local, ldap/MORDORDC.theshire.local,"
                + " host/WORKSTATION6.theshire.local) within 9 seconds, 2 granted.");
        assertThat(alert.extendedProperties()).containsEntry("TicketRequests", "3").containsEntry("TicketsGranted", "2");
        assertThat(run.context().emissions()).hasSize(3);
    }

    @Test
    void accounts_that_exist_do_not_alert_whatever_their_case() {
        var run = DetectorHarness.of(detector, readAfterwards());
        run.feed(serviceTicket(at(0), "PGustavo", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256),
                serviceTicket(at(1), "mordordc$", "ldap/MORDORDC.theshire.local", "172.18.39.1", AES256));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void without_a_directory_inventory_nothing_is_judged() {
        var run = DetectorHarness.of(detector, StaticDirectory.empty());
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256));

        assertThat(run.alerts()).isEmpty();
        assertThat(run.context().pendingTimers()).isEmpty();
    }

    @Test
    void accounts_of_a_realm_the_inventory_does_not_cover_are_not_judged() {
        var run = DetectorHarness.of(detector, new TestInventory("rivendell.local", at(3600), "elrond"));
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void an_account_created_after_the_last_sync_is_found_on_recheck_and_does_not_alert() {
        TestInventory live = new TestInventory("theshire.local", at(-600), "pgustavo");
        var run = DetectorHarness.of(detector, live);
        run.feed(serviceTicket(at(0), "newhire", "cifs/FILES.theshire.local", "172.18.39.7", AES256));
        assertThat(run.alerts()).isEmpty();

        live.syncedAt(at(300), "newhire");
        run.advanceTo(at(4000));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void an_account_still_missing_from_the_next_inventory_alerts_at_the_recheck() {
        TestInventory live = new TestInventory("theshire.local", at(-600), "pgustavo");
        var run = DetectorHarness.of(detector, live);
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256));
        assertThat(run.alerts()).isEmpty();

        live.syncedAt(at(900));
        run.advanceTo(at(Duration.ofMinutes(31).toSeconds()));

        assertThat(run.onlyAlert().description()).startsWith("THESHIRE.LOCAL\\fakeadmin, which does not exist");
    }

    @Test
    void an_inventory_that_stays_older_than_the_ticket_never_alerts() {
        TestInventory stale = new TestInventory("theshire.local", at(-600), "pgustavo");
        var run = DetectorHarness.of(detector, stale);
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256));
        run.advanceTo(at(2 * 3600));

        assertThat(run.alerts()).isEmpty();
        assertThat(run.state("fakeadmin").start).isNull();
    }

    @Test
    void excluded_accounts_do_not_alert() {
        var run = DetectorHarness.of(new NonexistentAccountDetector(new NonexistentAccountConfig(
                Duration.ofHours(1), Duration.ofMinutes(30), Set.of("trusted-*"))), readAfterwards());
        run.feed(serviceTicket(at(0), "trusted-svc", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256, KDC_OK));

        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void tickets_hours_apart_raise_two_alerts() {
        var run = DetectorHarness.of(detector, new TestInventory("theshire.local", at(4 * 3600)));
        run.feed(serviceTicket(at(0), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256),
                serviceTicket(at(2 * 3600), "fakeadmin", "cifs/MORDORDC.theshire.local", "172.18.39.5", AES256));

        assertThat(run.alerts()).hasSize(2);
    }
}
