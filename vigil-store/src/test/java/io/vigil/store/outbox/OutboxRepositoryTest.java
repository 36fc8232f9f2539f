package io.vigil.store.outbox;

import static io.vigil.store.testing.TestAlerts.T0;
import static io.vigil.store.testing.TestAlerts.account;
import static io.vigil.store.testing.TestAlerts.alert;
import static io.vigil.store.testing.TestAlerts.evidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.store.StaleVersionException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertTriage;
import io.vigil.store.alerts.StoredAlert;
import io.vigil.store.testing.DatabaseTest;
import io.vigil.store.testing.TestAlerts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxRepositoryTest {

    private static void twoExporters(VigilDatabase db) {
        db.siemExporters().create("sentinel", "Sentinel", "SENTINEL", true, Map.of("tenantId", "t"), "admin");
        db.siemExporters().create("hook", "Webhook", "WEBHOOK", true, Map.of(), "admin");
    }

    @DatabaseTest
    void aNewAlertIsPendingForEveryExporterWithoutItsEvidence(VigilDatabase db) {
        twoExporters(db);
        Alert raised = alert("a-1", Severity.HIGH, T0, account("alice"));

        db.alerts().upsert(raised);

        for (String exporter : List.of("sentinel", "hook")) {
            List<OutboxEntry> pending = db.outbox().pending(exporter, 10);
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).change()).isEqualTo(OutboxChange.NEW);
            assertThat(pending.get(0).alert().id()).isEqualTo("a-1");
            assertThat(pending.get(0).alert().evidence()).isEmpty();
            assertThat(pending.get(0).alert().evidenceCount()).isEqualTo(raised.evidenceCount());
            assertThat(pending.get(0).alert().entities()).isEqualTo(raised.entities());
        }
    }

    @DatabaseTest
    void onlyChangesASiemSeesAreQueued(VigilDatabase db) {
        twoExporters(db);
        Alert raised = alert("a-1", Severity.HIGH, T0, account("alice"));
        StoredAlert stored = db.alerts().upsert(raised);

        db.alerts().upsert(raised);
        db.alerts().upsert(TestAlerts.withEvidence(raised, T0.plusSeconds(300),
                List.of(evidence(T0, 1), evidence(T0.plusSeconds(300), 9)), "More tickets"));
        db.alerts().updateTriage("a-1", stored.version(), new AlertTriage(AlertStatus.NEW, Classification.TRUE_POSITIVE, "bob"));
        db.alerts().updateTriage("a-1", stored.version() + 1, new AlertTriage(AlertStatus.RESOLVED,
                Classification.TRUE_POSITIVE, "bob"));

        List<OutboxEntry> pending = db.outbox().pending("sentinel", 10);
        assertThat(pending).extracting(OutboxEntry::change)
                .containsExactly(OutboxChange.NEW, OutboxChange.UPDATE, OutboxChange.STATUS);
        assertThat(pending.get(1).alert().description()).isEqualTo("More tickets");
        assertThat(pending.get(2).alert().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(pending).extracting(OutboxEntry::seq).isSorted().doesNotHaveDuplicates();
    }

    @DatabaseTest
    void theOutboxRowIsWrittenOnlyWhenTheAlertIsCommitted(VigilDatabase db, DataSource dataSource) {
        twoExporters(db);
        TransactionTemplate outer = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice")));
            throw new IllegalStateException("crash after the alert write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.alerts().findById("a-1")).isEmpty();
        assertThat(db.outbox().pending("sentinel", 10)).isEmpty();
    }

    @DatabaseTest
    void aLostTriageRaceQueuesNothing(VigilDatabase db) {
        twoExporters(db);
        db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice")));

        assertThatThrownBy(() -> db.alerts().updateTriage("a-1", 7, new AlertTriage(AlertStatus.RESOLVED,
                Classification.FALSE_POSITIVE, null))).isInstanceOf(StaleVersionException.class);

        assertThat(db.outbox().pending("sentinel", 10)).extracting(OutboxEntry::change).containsExactly(OutboxChange.NEW);
    }

    @DatabaseTest
    void deliveryIsMarkedPerExporterAndCounted(VigilDatabase db) {
        twoExporters(db);
        for (int i = 0; i < 5; i++) {
            db.alerts().upsert(alert("a-" + i, Severity.MEDIUM, T0.plusSeconds(i), account("u" + i)));
        }
        long third = db.outbox().pending("sentinel", 3).get(2).seq();

        db.outbox().delivered("sentinel", third);

        assertThat(db.outbox().pending("sentinel", 10)).extracting(e -> e.alert().id()).containsExactly("a-3", "a-4");
        assertThat(db.outbox().pending("hook", 10)).hasSize(5);
        assertThat(db.outbox().backlog("sentinel").count()).isEqualTo(2);
        assertThat(db.outbox().backlog("hook").count()).isEqualTo(5);
        DeliveryStatus status = db.outbox().status("sentinel");
        assertThat(status.delivered()).isEqualTo(3);
        assertThat(status.failures()).isZero();
        assertThat(db.outbox().status("hook")).isEqualTo(DeliveryStatus.NONE);
    }

    @DatabaseTest
    void markingTheSameRowsTwiceCountsThemOnce(VigilDatabase db) {
        twoExporters(db);
        db.alerts().upsert(alert("a-1", Severity.MEDIUM, T0, account("u")));
        long seq = db.outbox().pending("sentinel", 10).get(0).seq();

        db.outbox().delivered("sentinel", seq);
        db.outbox().delivered("sentinel", seq);

        assertThat(db.outbox().status("sentinel").delivered()).isEqualTo(1);
    }

    @DatabaseTest
    void failuresAreRecordedUntilTheNextSuccess(VigilDatabase db) {
        twoExporters(db);
        db.alerts().upsert(alert("a-1", Severity.MEDIUM, T0, account("u")));
        Instant retry = Instant.parse("2030-01-01T00:00:00Z");

        db.outbox().failed("sentinel", "Azure Monitor answered 503", retry);
        db.outbox().failed("sentinel", "Azure Monitor answered 429", retry);

        DeliveryStatus failing = db.outbox().status("sentinel");
        assertThat(failing.failures()).isEqualTo(2);
        assertThat(failing.lastError()).isEqualTo("Azure Monitor answered 429");
        assertThat(failing.nextAttemptAt()).isEqualTo(retry);

        db.outbox().delivered("sentinel", db.outbox().pending("sentinel", 10).get(0).seq());

        DeliveryStatus recovered = db.outbox().status("sentinel");
        assertThat(recovered.failures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.delivered()).isEqualTo(1);
    }

    @DatabaseTest
    void deliveredRowsArePurgedOnceEveryExporterHasThem(VigilDatabase db) {
        twoExporters(db);
        db.alerts().upsert(alert("a-1", Severity.MEDIUM, T0, account("u")));
        long seq = db.outbox().pending("sentinel", 10).get(0).seq();
        Instant later = Instant.now().plusSeconds(3600);

        db.outbox().delivered("sentinel", seq);
        assertThat(db.outbox().purgeDelivered(later)).isZero();

        db.outbox().delivered("hook", seq);
        assertThat(db.outbox().purgeDelivered(later)).isEqualTo(1);
    }

    @DatabaseTest
    void deletingAnExporterDropsItsQueueOnly(VigilDatabase db) {
        twoExporters(db);
        db.alerts().upsert(alert("a-1", Severity.MEDIUM, T0, account("u")));

        assertThat(db.siemExporters().delete("hook")).isTrue();

        assertThat(db.outbox().pending("hook", 10)).isEmpty();
        assertThat(db.outbox().pending("sentinel", 10)).hasSize(1);
    }

    @DatabaseTest
    void exporterSettingsUpdateUnderOptimisticLocking(VigilDatabase db) {
        StoredExporter created = db.siemExporters().create("cef", "CEF", "CEF_SYSLOG", true,
                Map.of("host", "siem.local", "port", "6514"), "admin");

        StoredExporter updated = db.siemExporters().update("cef", created.version(), "CEF over TLS", false,
                Map.of("host", "siem.local", "port", "6514", "transport", "TLS"), "alice");

        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.settings()).containsEntry("transport", "TLS");
        assertThat(updated.updatedBy()).isEqualTo("alice");
        assertThatThrownBy(() -> db.siemExporters().update("cef", created.version(), "x", true, Map.of(), "bob"))
                .isInstanceOf(StaleVersionException.class);
        assertThat(db.siemExporters().list()).extracting(StoredExporter::id).containsExactly("cef");
    }
}
