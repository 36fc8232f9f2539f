package io.vigil.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * SIEM export throughput: an outbox backlog of N alerts drained by the server's delivery worker
 * through the Sentinel exporter (gzip, 1 MB calls, client-credentials token) into the Sentinel
 * stand-in over loopback, which checks every row against the stream's columns and types and only
 * counts it.
 *
 * <p>The database is an H2 file database as {@code start-dev} keeps it, or PostgreSQL (zonky's
 * embedded server, default settings), behind a HikariCP pool as the server has it. The backlog is
 * written through the outbox ({@code recordChange} of a new alert, 1,000 per transaction), as the
 * alert writer does for each new alert, without the alert rows themselves: what is measured is the
 * drain. Then one worker drains it; the run prints alerts/s delivered, the drain time and the
 * process CPU time (the stand-in runs in the same JVM and takes its share).
 *
 * <p>The harness uses only what the outbox had before the cursor (issue 7) as well, so it runs against
 * older store and server jars too: that is how old and new are compared in one run.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.SiemExportLoad [alerts, default 1000000] [h2 | postgres, default h2]
 *                                                [data folder, default a temporary one]
 * </pre>
 */
public final class SiemExportLoad {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final int PER_TRANSACTION = 1_000;

    private SiemExportLoad() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String database = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "h2";
        Path folder = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("vigil-siem-load");
        Files.createDirectories(folder);
        System.out.printf("SiemExportLoad: %,d alerts, %s in %s; %d processors, load average %.1f%n", alerts, database,
                folder, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (BenchmarkDatabase db = BenchmarkDatabase.open(database, folder)) {
            run(alerts, db);
        }
        System.out.printf("load average at the end %.1f%n", loadAverage());
    }

    private static void run(int alerts, BenchmarkDatabase database) throws Exception {
        HikariDataSource dataSource = database.dataSource();
        VigilDatabase.migrate(dataSource);
        VigilDatabase db = VigilDatabase.open(dataSource);
        db.siemExporters().create("sentinel", "Sentinel", "SENTINEL", true, Map.of(), "benchmark");

        long fillStart = System.nanoTime();
        for (int from = 0; from < alerts; from += PER_TRANSACTION) {
            int start = from;
            db.inTransaction(() -> {
                for (int n = start; n < Math.min(alerts, start + PER_TRANSACTION); n++) {
                    db.outbox().recordChange(null, alert(n));
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
            ThreadCpu threadCpu = new ThreadCpu();
            long cpuStart = processCpuNanos();
            long serverCpuStart = database.serverCpuNanos();
            long start = System.nanoTime();
            long next = Math.max(1, alerts / 10);
            while (sentinel.acceptedRows() < alerts) {
                worker.deliverOnce();
                if (sentinel.acceptedRows() >= next) {
                    System.out.printf("  %,d delivered after %.1f s%n", sentinel.acceptedRows(), (System.nanoTime() - start) / 1e9);
                    next += Math.max(1, alerts / 10);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            double serverCpuSeconds = (database.serverCpuNanos() - serverCpuStart) / 1e9;
            System.out.printf("drained: %,d alerts in %.1f s = %,.0f alerts/s delivered; %,d calls (%.0f rows per call); "
                            + "process CPU %.1f s (%.1f cores busy); backlog left %d%n", sentinel.acceptedRows(), seconds,
                    sentinel.acceptedRows() / seconds, sentinel.acceptedCalls(),
                    (double) sentinel.acceptedRows() / sentinel.acceptedCalls(), cpuSeconds, cpuSeconds / seconds,
                    db.outbox().backlog("sentinel").count());
            System.out.println("  CPU seconds by thread: " + threadCpu.since(cpuSeconds));
            System.out.printf("  CPU per alert delivered: %.1f µs in this process%s%n", cpuSeconds * 1e6 / alerts,
                    database.server() == null ? " (the database runs in it)" : String.format(
                            ", %.1f µs in the PostgreSQL server's processes (%.1f s), %.1f µs together",
                            serverCpuSeconds * 1e6 / alerts, serverCpuSeconds, (cpuSeconds + serverCpuSeconds) * 1e6 / alerts));
        }
    }

    /** CPU time per Java thread since a start, to tell the worker, its read-ahead and the stand-in apart. */
    private static final class ThreadCpu {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> atStart = new HashMap<>();

        ThreadCpu() {
            for (long id : threads.getAllThreadIds()) {
                atStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
        }

        /** Seconds per thread name (trailing numbers dropped, so a pool is one entry), largest first; the rest of the process last. */
        String since(double processCpuSeconds) {
            Map<String, Double> byName = new TreeMap<>();
            double javaThreads = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    double seconds = (cpu - atStart.getOrDefault(info.getThreadId(), 0L)) / 1e9;
                    javaThreads += seconds;
                    byName.merge(info.getThreadName().replaceAll("[-\\d]+$", ""), seconds, Double::sum);
                }
            }
            return byName.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))
                    + String.format(", not in Java threads (JIT, GC) %.1f", processCpuSeconds - javaThreads);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
