package io.vigil.server.siem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.sentinel.ClientCredential;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.integrations.siem.sentinel.SentinelExporter;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.sentinel.IngestedRow;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertTriage;
import io.vigil.store.outbox.OutboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery worker against the Sentinel stand-in through every fault the issue names: Sentinel
 * down for a while, 429 with Retry-After, 500, 413, a response slower than the client waits, a token
 * that stops working mid-stream, a crash between Azure's acceptance and the delivery mark, and a
 * server restart. What the stand-in stored holds every outbox row exactly once after dropping
 * re-sent copies by their row id; the raw rows are counted separately. Waits are recorded, not slept.
 */
class SiemDeliveryFaultTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String EXPORTER = "sentinel";

    @TempDir
    Path data;

    private SentinelSimulator sentinel;

    @AfterEach
    void stop() {
        sentinel.close();
    }

    private VigilDatabase database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + data.resolve("vigil") + ";AUTO_SERVER=FALSE");
        h2.setUser("vigil");
        VigilDatabase.migrate(h2);
        return VigilDatabase.open(h2);
    }

    private static Alert alert(int n) {
        return new Alert("alert-" + n, "brute-force", "2023", "BruteForceSecurityAlert", "Suspected Brute Force attack",
                Severity.MEDIUM, "guesses against account u" + n, List.of("Reset the password"), T0.plusSeconds(n),
                T0.plusSeconds(n + 60), List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1110.003",
                "Password Spraying")), "CONTOSO\\u" + n, List.of(new Entity.AccountEntity("u" + n, "CONTOSO", null),
                new Entity.IpEntity("10.0.0." + (n % 250 + 1))), Map.of(), List.of(), 5, null, null);
    }

    private SentinelExporter exporter(Duration requestTimeout) {
        SentinelOptions o = sentinel.sentinelOptions();
        return new SentinelExporter(SentinelConfig.of(sentinel.authorityUrl(), o.tenantId(), o.clientId(),
                        new ClientCredential.Secret(SecretSupplier.of(SentinelOptions.DEFAULT_CLIENT_SECRET.toCharArray())),
                        sentinel.url(), o.dcrImmutableId(), o.streamName(), "https://vigil.contoso.local")
                .withMaxCallBytes(16 * 1024).withTimeouts(Duration.ofSeconds(5), requestTimeout));
    }

    private static DeliveryWorker worker(VigilDatabase db, SiemExporter exporter) {
        DeliveryWorker.Pacing pacing = new DeliveryWorker.Pacing(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                Duration.ofMinutes(5), Duration.ofMillis(250));
        return new DeliveryWorker(EXPORTER, db.outbox(), exporter, pacing, d -> { }, Clock.systemUTC());
    }

    private static DeliveryWorker worker(VigilDatabase db, SiemExporter exporter, boolean crashAfterAcceptance) {
        return worker(db, new SmallBatches(exporter, crashAfterAcceptance));
    }

    /**
     * The real exporter in batches of 50, so the faults meet a stream of calls; with {@code crash}, the
     * first accepted batch is followed by the process "dying" before the mark, so its rows stay pending.
     */
    private static final class SmallBatches implements SiemExporter {
        private final SiemExporter real;
        private boolean crashed;

        SmallBatches(SiemExporter real, boolean crash) {
            this.real = real;
            this.crashed = !crash;
        }

        @Override
        public int preferredBatchSize() {
            return 50;
        }

        @Override
        public DeliveryResult deliver(List<ExportRecord> records) {
            DeliveryResult result = real.deliver(records);
            if (!crashed && result.delivered() > 0) {
                crashed = true;
                throw new IllegalStateException("killed between acceptance and mark");
            }
            return result;
        }
    }

    @Test
    void everyAlertChangeArrivesExactlyOnceAfterDroppingResentCopies() throws Exception {
        sentinel = SentinelSimulator.start(SentinelOptions.of(SecurityAlertTable.STREAM, SecurityAlertTable.COLUMNS));
        VigilDatabase db = database();
        db.siemExporters().create(EXPORTER, "Sentinel", "SENTINEL", true, Map.of(), "admin");
        for (int n = 1; n <= 400; n++) {
            db.alerts().upsert(alert(n));
        }
        for (int n = 1; n <= 400; n += 10) {
            db.alerts().updateTriage("alert-" + n, 0, new AlertTriage(AlertStatus.RESOLVED, Classification.TRUE_POSITIVE, "bob"));
        }
        List<String> expected = db.outbox().pending(EXPORTER, 10_000).stream()
                .map(e -> ExportRecord.rowId(e.alert().id(), e.seq())).toList();
        assertThat(expected).hasSize(440);

        List<Duration> waits = new ArrayList<>();
        // 1. Sentinel unreachable for three attempts
        sentinel.goDown();
        DeliveryWorker first = worker(db, exporter(Duration.ofSeconds(30)), false);
        for (int i = 0; i < 3; i++) {
            waits.add(first.deliverOnce());
        }
        assertThat(db.outbox().status(EXPORTER).failures()).isEqualTo(3);
        assertThat(db.outbox().status(EXPORTER).lastError()).contains("refused the connection");
        sentinel.comeBack();
        // 2. 429 with Retry-After, then 500, then 413, then a token that stops working
        sentinel.faults().inject(Fault.tooManyRequests("30").onPath("/streams/"));
        Duration told = first.deliverOnce();
        assertThat(told).isEqualTo(Duration.ofSeconds(30));
        sentinel.faults().inject(Fault.status(500).onPath("/streams/"));
        waits.add(first.deliverOnce());
        sentinel.faults().inject(Fault.status(413).onPath("/streams/"));
        assertThat(first.deliverOnce()).isZero();
        sentinel.expireTokens();
        assertThat(first.deliverOnce()).isZero();
        // 3. a crash between Azure's acceptance and the mark
        waits.add(worker(db, exporter(Duration.ofSeconds(30)), true).deliverOnce());
        // 4. a response slower than the client waits: Azure stores the rows, the client never hears so
        sentinel.faults().inject(Fault.delay(Duration.ofMillis(1500)).onPath("/streams/"));
        waits.add(worker(db, exporter(Duration.ofMillis(500)), false).deliverOnce());
        // 5. the server restarts: a new exporter and worker pick up what is still pending
        DeliveryWorker afterRestart = worker(db, exporter(Duration.ofSeconds(30)), false);
        int passes = 0;
        while (db.outbox().backlog(EXPORTER).count() > 0 && passes++ < 100) {
            afterRestart.deliverOnce();
        }

        assertThat(db.outbox().backlog(EXPORTER).count()).isZero();
        waits.forEach(w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        List<IngestedRow> raw = sentinel.rows();
        Map<String, Long> copies = raw.stream().collect(Collectors.groupingBy(SiemDeliveryFaultTest::rowId,
                TreeMap::new, Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(raw.size()).as("raw deliveries include the re-sent copies").isGreaterThan(expected.size());
        assertThat(copies.values().stream().filter(c -> c > 1).count()).isPositive();
        Map<String, List<IngestedRow>> perAlert = raw.stream().collect(Collectors.groupingBy(r -> (String) r.get("SystemAlertId")));
        assertThat(perAlert).hasSize(400);
        assertThat(perAlert.get("alert-1").stream().map(r -> r.get("Status")).distinct()).containsExactlyInAnyOrder("New", "Resolved");
        assertThat(db.outbox().status(EXPORTER).delivered()).isEqualTo(expected.size());
    }

    private static String rowId(IngestedRow row) {
        return JSON.readTree((String) row.get("ExtendedProperties")).get("VigilRowId").stringValue();
    }

    @Test
    void aFailureWithoutRetryAfterBacksOffExponentiallyAndRecordsTheError() throws Exception {
        sentinel = SentinelSimulator.start(SentinelOptions.of(SecurityAlertTable.STREAM, SecurityAlertTable.COLUMNS));
        VigilDatabase db = database();
        db.siemExporters().create(EXPORTER, "Sentinel", "SENTINEL", true, Map.of(), "admin");
        db.alerts().upsert(alert(1));
        sentinel.faults().inject(Fault.status(503).onPath("/streams/").times(4));
        DeliveryWorker worker = worker(db, exporter(Duration.ofSeconds(30)));

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(worker.deliverOnce());
        }
        Duration done = worker.deliverOnce();

        for (int i = 0; i < 4; i++) {
            long ceiling = 1000L << i;
            assertThat(waits.get(i).toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(done).isZero();
        assertThat(sentinel.rows()).hasSize(1);
        assertThat(db.outbox().status(EXPORTER).failures()).isZero();
        List<OutboxEntry> left = db.outbox().pending(EXPORTER, 10);
        assertThat(left).isEmpty();
    }
}
