package io.vigil.server.siem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.sentinel.ClientCredential;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.integrations.siem.sentinel.SentinelExporter;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.sentinel.IngestedRow;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import io.vigil.store.VigilDatabase;
import io.vigil.store.outbox.OutboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery cursor as the worker drives it: it moves over exactly what the SIEM accepted, a batch
 * read ahead is never used after a partial acceptance, a restart resumes right after the cursor, an
 * outage leaves it where it was, and 413 splitting delivers every row once.
 */
class DeliveryCursorTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String EXPORTER = "hook";

    @TempDir
    Path data;

    private VigilDatabase database(int alerts) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + data.resolve("vigil") + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1");
        h2.setUser("vigil");
        VigilDatabase.migrate(h2);
        VigilDatabase db = VigilDatabase.open(h2);
        db.siemExporters().create(EXPORTER, "Hook", "WEBHOOK", true, Map.of(), "admin");
        for (int n = 1; n <= alerts; n++) {
            db.alerts().upsert(alert(n));
        }
        return db;
    }

    private static Alert alert(int n) {
        return new Alert("alert-" + n, "brute-force", "2023", "BruteForceSecurityAlert", "Suspected Brute Force attack",
                Severity.MEDIUM, "guesses against account u" + n, List.of("Reset the password"), T0.plusSeconds(n),
                T0.plusSeconds(n + 60), List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1110.003",
                "Password Spraying")), "CONTOSO\\u" + n, List.of(new Entity.AccountEntity("u" + n, "CONTOSO", null)),
                Map.of(), List.of(), 5, null, null);
    }

    private static DeliveryWorker worker(VigilDatabase db, SiemExporter exporter) {
        DeliveryWorker.Pacing pacing = new DeliveryWorker.Pacing(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                Duration.ofMinutes(5), Duration.ofMillis(250));
        return new DeliveryWorker(EXPORTER, db.outbox(), exporter, pacing, d -> { }, Clock.systemUTC());
    }

    private static List<String> rowIds(VigilDatabase db) {
        return db.outbox().after(0, 10_000).stream().map(e -> ExportRecord.rowId(e.alert().id(), e.seq())).toList();
    }

    /**
     * Takes batches of {@code size}; of each call's records it accepts as many as {@code accept} says
     * (all by default) and fails on the rest; with {@link #dieAfterAcceptance} the call "dies" after the
     * SIEM took the records, before the worker hears of it.
     */
    private static final class Scripted implements SiemExporter {
        private final int size;
        final List<List<String>> calls = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        IntUnaryOperator accept = n -> n;
        boolean dieAfterAcceptance;
        boolean down;

        Scripted(int size) {
            this.size = size;
        }

        @Override
        public int preferredBatchSize() {
            return size;
        }

        @Override
        public DeliveryResult deliver(List<ExportRecord> records) {
            calls.add(records.stream().map(ExportRecord::rowId).toList());
            if (down) {
                return DeliveryResult.partial(0, DeliveryFailure.retryable(0, null, "SIEM refused the connection."));
            }
            int taken = Math.min(records.size(), accept.applyAsInt(records.size()));
            records.subList(0, taken).forEach(r -> accepted.add(r.rowId()));
            if (dieAfterAcceptance) {
                dieAfterAcceptance = false;
                throw new IllegalStateException("process died after the SIEM accepted");
            }
            return taken == records.size() ? DeliveryResult.all(taken)
                    : DeliveryResult.partial(taken, DeliveryFailure.retryable(503, null, "SIEM answered 503."));
        }
    }

    @Test
    void aPartlyAcceptedBatchMovesTheCursorOverTheAcceptedRowsOnlyAndTheReadAheadIsNotUsed() {
        VigilDatabase db = database(30);
        List<String> all = rowIds(db);
        Scripted siem = new Scripted(10);
        DeliveryWorker worker = worker(db, siem);

        siem.accept = n -> 4;
        assertThat(worker.deliverOnce()).isPositive();
        assertThat(db.outbox().backlog(EXPORTER).count()).isEqualTo(26);
        siem.accept = n -> n;
        while (worker.deliverOnce().isZero()) {
            // drain
        }

        // the second call starts right after the 4 accepted rows, not after the 10 the read-ahead followed
        assertThat(siem.calls.get(1)).first().isEqualTo(all.get(4));
        assertThat(siem.accepted).containsExactlyElementsOf(all);
        assertThat(db.outbox().backlog(EXPORTER).count()).isZero();
        assertThat(db.outbox().status(EXPORTER).delivered()).isEqualTo(30);
    }

    @Test
    void aRestartResumesRightAfterTheCursorAndResendsOnlyTheBatchWhoseAcceptanceWasNotRecorded() {
        VigilDatabase db = database(25);
        List<String> all = rowIds(db);
        Scripted siem = new Scripted(10);
        DeliveryWorker before = worker(db, siem);
        assertThat(before.deliverOnce()).isZero();
        siem.dieAfterAcceptance = true;
        assertThat(before.deliverOnce()).isPositive();

        DeliveryWorker afterRestart = worker(db, siem);
        while (afterRestart.deliverOnce().isZero()) {
            // drain
        }

        assertThat(siem.calls.get(2)).first().isEqualTo(all.get(10));
        List<String> twice = new ArrayList<>(siem.accepted);
        all.forEach(twice::remove);
        assertThat(twice).as("sent again: exactly the batch the process died in").containsExactlyElementsOf(all.subList(10, 20));
        assertThat(siem.accepted).containsAll(all);
        assertThat(db.outbox().backlog(EXPORTER).count()).isZero();
    }

    @Test
    void anOutageLeavesTheCursorWhereItWasUntilTheSiemIsBack() {
        VigilDatabase db = database(12);
        List<String> all = rowIds(db);
        Scripted siem = new Scripted(5);
        DeliveryWorker worker = worker(db, siem);
        assertThat(worker.deliverOnce()).isZero();
        long cursor = db.outbox().deliveredThrough(EXPORTER);

        siem.down = true;
        for (int i = 0; i < 3; i++) {
            assertThat(worker.deliverOnce()).isPositive();
        }
        assertThat(db.outbox().deliveredThrough(EXPORTER)).isEqualTo(cursor);
        assertThat(db.outbox().status(EXPORTER).failures()).isEqualTo(3);
        assertThat(db.outbox().backlog(EXPORTER).count()).isEqualTo(7);

        siem.down = false;
        while (worker.deliverOnce().isZero()) {
            // drain
        }
        assertThat(siem.accepted).containsExactlyElementsOf(all);
        assertThat(db.outbox().status(EXPORTER).failures()).isZero();
        assertThat(db.outbox().status(EXPORTER).lastError()).isNull();
    }

    @Test
    void a413SplitsTheCallAndEveryRowArrivesOnceWithTheCursorAtTheEnd() {
        VigilDatabase db = database(120);
        List<String> all = rowIds(db);
        try (SentinelSimulator sentinel = SentinelSimulator.start(SentinelOptions.of(SecurityAlertTable.STREAM,
                SecurityAlertTable.COLUMNS))) {
            SentinelOptions o = sentinel.sentinelOptions();
            SentinelExporter exporter = new SentinelExporter(SentinelConfig.of(sentinel.authorityUrl(), o.tenantId(),
                    o.clientId(), new ClientCredential.Secret(SecretSupplier.of(SentinelOptions.DEFAULT_CLIENT_SECRET
                            .toCharArray())), sentinel.url(), o.dcrImmutableId(), o.streamName(), "https://vigil.contoso.local")
                    .withMaxCallBytes(32 * 1024));
            sentinel.faults().inject(Fault.status(413).onPath("/streams/").times(2));
            DeliveryWorker worker = worker(db, exporter);

            while (worker.deliverOnce().isZero()) {
                // drain
            }

            JsonMapper json = JsonMapper.builder().build();
            List<String> arrived = sentinel.rows().stream().map(IngestedRow::columns)
                    .map(c -> json.readTree((String) c.get("ExtendedProperties")).get("VigilRowId").stringValue()).toList();
            assertThat(arrived).containsExactlyElementsOf(all);
            List<RecordedRequest> calls = sentinel.requestsTo("/streams/" + o.streamName());
            assertThat(calls).allSatisfy(call -> assertThat(call.body().length()).isLessThanOrEqualTo(32 * 1024));
            assertThat(calls.size()).isGreaterThan(2);
        }
        OutboxEntry last = db.outbox().after(0, 10_000).get(119);
        assertThat(db.outbox().deliveredThrough(EXPORTER)).isEqualTo(last.seq());
        assertThat(db.outbox().status(EXPORTER).delivered()).isEqualTo(120);
    }
}
