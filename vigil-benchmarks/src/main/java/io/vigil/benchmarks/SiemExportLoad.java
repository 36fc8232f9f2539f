package io.vigil.benchmarks;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.sentinel.ClientCredential;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.integrations.siem.sentinel.SentinelExporter;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.server.siem.DeliveryWorker;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import io.vigil.store.VigilDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SIEM export throughput: an outbox backlog of N alerts (H2 file database, as {@code start-dev}
 * keeps it) drained by the server's delivery worker through the Sentinel exporter (gzip, 1 MB calls,
 * client-credentials token) into the Sentinel stand-in over loopback, which checks every row against
 * the stream's columns and types and only counts it.
 *
 * <p>The backlog is written straight into the outbox ({@code recordChange} of a new alert, 1,000 per
 * transaction), as the alert writer does for each new alert, without the alert rows themselves:
 * what is measured is the drain. Then one worker drains it; the run prints alerts/s delivered and
 * the drain time.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.SiemExportLoad [alerts, default 1000000] [data folder, default a temporary one]
 * </pre>
 */
public final class SiemExportLoad {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private SiemExportLoad() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("vigil-siem-load");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("vigil").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        h2.setUser("vigil");
        VigilDatabase.migrate(h2);
        VigilDatabase db = VigilDatabase.open(h2);
        db.siemExporters().create("sentinel", "Sentinel", "SENTINEL", true, Map.of(), "benchmark");

        long fillStart = System.nanoTime();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
        for (int from = 0; from < alerts; from += 1_000) {
            int start = from;
            transaction.executeWithoutResult(status -> {
                for (int n = start; n < Math.min(alerts, start + 1_000); n++) {
                    Alert alert = alert(n);
                    db.outbox().recordChange(null, alert);
                }
            });
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf("outbox filled: %,d alerts in %.1f s (%,.0f alerts/s)%n", alerts, fillSeconds, alerts / fillSeconds);

        try (SentinelSimulator sentinel = SentinelSimulator.start(
                SentinelOptions.of(SecurityAlertTable.STREAM, SecurityAlertTable.COLUMNS).countingRowsOnly())) {
            SentinelOptions o = sentinel.sentinelOptions();
            SentinelExporter exporter = new SentinelExporter(SentinelConfig.of(sentinel.authorityUrl(), o.tenantId(),
                    o.clientId(), new ClientCredential.Secret(SecretSupplier.of(SentinelOptions.DEFAULT_CLIENT_SECRET.toCharArray())),
                    sentinel.url(), o.dcrImmutableId(), o.streamName(), "https://vigil.example"));
            DeliveryWorker worker = new DeliveryWorker("sentinel", db.outbox(), exporter,
                    new DeliveryWorker.Pacing(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), Duration.ofSeconds(5),
                            Duration.ZERO), d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
            long start = System.nanoTime();
            long next = 100_000;
            while (sentinel.acceptedRows() < alerts) {
                worker.deliverOnce();
                if (sentinel.acceptedRows() >= next) {
                    System.out.printf("  %,d delivered after %.1f s%n", sentinel.acceptedRows(), (System.nanoTime() - start) / 1e9);
                    next += 100_000;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("drained: %,d alerts in %.1f s = %,.0f alerts/s delivered; %,d calls (%.0f rows per call); "
                            + "backlog left %d%n", sentinel.acceptedRows(), seconds, sentinel.acceptedRows() / seconds,
                    sentinel.acceptedCalls(), (double) sentinel.acceptedRows() / sentinel.acceptedCalls(),
                    db.outbox().backlog("sentinel").count());
        }
    }

    private static Alert alert(int n) {
        return new Alert(String.format("load-%08d", n), "brute-force", "2023", "BruteForceSecurityAlert",
                "Suspected Brute Force attack", Severity.MEDIUM, "Password guesses against u" + n + " from 10.0.0." + (n % 250),
                List.of("Reset the password of the attacked account"), T0.plusSeconds(n), T0.plusSeconds(n + 60),
                List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1110.003", "Password Spraying")),
                "CONTOSO\\u" + n, List.of(new Entity.AccountEntity("u" + n, "CONTOSO", null),
                new Entity.IpEntity("10.0.0." + (n % 250))), Map.of("ExternalId", "2023"), List.of(), 25, null, null);
    }
}
