package io.vigil.store.outbox;

import static io.vigil.store.testing.TestAlerts.T0;
import static io.vigil.store.testing.TestAlerts.account;
import static io.vigil.store.testing.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import io.vigil.store.VigilDatabase;
import io.vigil.store.internal.Json;
import io.vigil.store.testing.DatabaseTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The per-exporter cursor: what it relies on (sequences in commit order) and what it drives (backlog, purge, upgrade). */
class OutboxCursorTest {

    private static void exporter(VigilDatabase db, String id) {
        db.siemExporters().create(id, id, "WEBHOOK", true, Map.of(), "admin");
    }

    private static void raise(VigilDatabase db, String id) {
        db.alerts().upsert(alert(id, Severity.MEDIUM, T0, account("u-" + id)));
    }

    private static List<String> pendingAlerts(VigilDatabase db, String exporter) {
        return db.outbox().pending(exporter, 100).stream().map(e -> e.alert().id()).toList();
    }

    @DatabaseTest
    void aTransactionThatCommitsLaterGetsTheHigherSequenceSoACursorNeverSkipsIt(VigilDatabase db, DataSource dataSource)
            throws Exception {
        exporter(db, "hook");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = other.submit(() -> transaction.executeWithoutResult(status -> {
                raise(db, "slow");
                written.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            raise(db, "fast");

            // the worker delivers what it sees and moves its cursor past it, while "slow" is still open
            assertThat(pendingAlerts(db, "hook")).containsExactly("fast");
            db.outbox().delivered("hook", db.outbox().pending("hook", 100).get(0).seq());
            commit.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }

        assertThat(pendingAlerts(db, "hook")).containsExactly("slow");
    }

    @DatabaseTest
    void aNewExporterStartsAtTheEndOfTheOutbox(VigilDatabase db) {
        exporter(db, "first");
        raise(db, "a-1");

        exporter(db, "second");
        raise(db, "a-2");

        assertThat(pendingAlerts(db, "first")).containsExactly("a-1", "a-2");
        assertThat(pendingAlerts(db, "second")).containsExactly("a-2");
        assertThat(db.outbox().backlog("second").count()).isEqualTo(1);
    }

    @DatabaseTest
    void movingTheCursorCountsEveryRowItPassesOnce(VigilDatabase db) {
        exporter(db, "hook");
        for (int i = 0; i < 5; i++) {
            raise(db, "a-" + i);
        }
        List<OutboxEntry> rows = db.outbox().pending("hook", 100);

        db.outbox().delivered("hook", rows.get(1).seq());
        db.outbox().delivered("hook", rows.get(0).seq());
        db.outbox().delivered("hook", rows.get(4).seq());

        assertThat(db.outbox().status("hook").delivered()).isEqualTo(5);
        assertThat(db.outbox().deliveredThrough("hook")).isEqualTo(rows.get(4).seq());
        assertThat(db.outbox().backlog("hook")).isEqualTo(new Backlog(0, null));
    }

    @DatabaseTest
    void theBacklogIsWhatLiesPastTheCursorWithItsOldestTime(VigilDatabase db) {
        exporter(db, "hook");
        raise(db, "a-1");
        raise(db, "a-2");
        raise(db, "a-3");
        List<OutboxEntry> rows = db.outbox().pending("hook", 100);

        db.outbox().delivered("hook", rows.get(0).seq());

        Backlog backlog = db.outbox().backlog("hook");
        assertThat(backlog.count()).isEqualTo(2);
        assertThat(backlog.oldest()).isEqualTo(rows.get(1).createdAt());
    }

    @DatabaseTest
    void purgingKeepsWhatTheSlowestExporterStillNeeds(VigilDatabase db) {
        exporter(db, "fast");
        exporter(db, "slow");
        for (int i = 0; i < 4; i++) {
            raise(db, "a-" + i);
        }
        List<OutboxEntry> rows = db.outbox().pending("fast", 100);
        db.outbox().delivered("fast", rows.get(3).seq());
        db.outbox().delivered("slow", rows.get(1).seq());
        Instant later = Instant.now().plusSeconds(3600);

        assertThat(db.outbox().purgeDelivered(rows.get(0).createdAt())).isZero();
        assertThat(db.outbox().purgeDelivered(later)).isEqualTo(2);

        assertThat(pendingAlerts(db, "slow")).containsExactly("a-2", "a-3");
        assertThat(db.outbox().after(0, 100)).extracting(OutboxEntry::seq).containsExactly(rows.get(2).seq(), rows.get(3).seq());
    }

    @DatabaseTest
    void withoutExportersEveryOldRowIsPurged(VigilDatabase db) {
        raise(db, "a-1");

        assertThat(db.outbox().purgeDelivered(Instant.now().plusSeconds(3600))).isEqualTo(1);
    }

    @DatabaseTest
    void theUpgradeTurnsPendingMarksIntoCursorsAndLosesNothing(DataSource dataSource) {
        VigilDatabase.migrateTo(dataSource, "15");
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        Json json = new Json();
        for (String id : List.of("behind", "current", "partly")) {
            sql.update("INSERT INTO siem_exporters (id, name, kind, enabled, settings, created_at, updated_at, updated_by)"
                    + " VALUES (?, ?, 'WEBHOOK', TRUE, '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'admin')", id, id);
        }
        long[] seqs = new long[5];
        for (int i = 0; i < 5; i++) {
            sql.update("INSERT INTO siem_outbox (alert_id, change_kind, alert, created_at)"
                    + " VALUES (?, 'NEW', ?, CURRENT_TIMESTAMP)", "a-" + i,
                    json.write(OutboxJson.withoutEvidence(alert("a-" + i, Severity.MEDIUM, T0, account("u")))));
            seqs[i] = sql.queryForObject("SELECT MAX(seq) FROM siem_outbox", Long.class);
        }
        // "behind" has everything pending, "current" nothing, "partly" the last two and, out of order, row 1
        for (int i = 0; i < 5; i++) {
            sql.update("INSERT INTO siem_pending (exporter_id, seq) VALUES ('behind', ?)", seqs[i]);
        }
        for (int i : new int[] {1, 3, 4}) {
            sql.update("INSERT INTO siem_pending (exporter_id, seq) VALUES ('partly', ?)", seqs[i]);
        }
        sql.update("INSERT INTO siem_delivery_status (exporter_id, delivered, failures) VALUES ('current', 5, 0)");

        VigilDatabase.migrate(dataSource);
        VigilDatabase db = VigilDatabase.open(dataSource);

        assertThat(db.outbox().deliveredThrough("behind")).isEqualTo(seqs[0] - 1);
        assertThat(db.outbox().deliveredThrough("current")).isEqualTo(seqs[4]);
        assertThat(db.outbox().deliveredThrough("partly")).isEqualTo(seqs[0]);
        assertThat(db.outbox().status("current").delivered()).isEqualTo(5);
        assertThat(pendingAlerts(db, "behind")).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4");
        assertThat(pendingAlerts(db, "partly")).containsExactly("a-1", "a-2", "a-3", "a-4");

        raise(db, "after");
        assertThat(db.outbox().pending("current", 100)).singleElement()
                .satisfies(e -> assertThat(e.seq()).isGreaterThan(seqs[4]))
                .satisfies(e -> assertThat(e.alert().id()).isEqualTo("after"));
    }
}
