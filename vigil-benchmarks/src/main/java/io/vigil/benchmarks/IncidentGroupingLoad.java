package io.vigil.benchmarks;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.store.VigilDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Alert writing with incident grouping, as the server's alert writer does it: each alert is saved and
 * grouped ({@code IncidentRepository.place}, the server's 24-hour window), 1,000 alerts to a
 * transaction, one writer. Nobody closes an incident, so open incidents pile up as alerts arrive.
 *
 * <p>The alerts come in event-time order, one every 20 seconds, each about a random one of 50,000
 * accounts seen from a random one of 5,000 workstations with that workstation's address. One alert in
 * fifty comes through one of three shared addresses (VPN gateways) instead: those chain into a few
 * incidents that keep growing, while most incidents stay small.
 *
 * <p>Every 10,000 alerts the run prints the grouped alerts per second of that slice, the writer thread's
 * CPU time per alert (on a shared machine less noisy than the rate; on PostgreSQL also the server's
 * processes' CPU per alert), the open incidents and the largest incident so far, so a cost that grows
 * with either shows as a falling rate.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.IncidentGroupingLoad [alerts, default 100000] [h2 | postgres, default h2]
 *                                                      [data folder, default a temporary one]
 * </pre>
 */
public final class IncidentGroupingLoad {

    /** The server's grouping window (StoreAlertPublisher.INCIDENT_WINDOW). */
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final int PER_TRANSACTION = 1_000;
    private static final int SLICE = 10_000;
    private static final int ACCOUNTS = 50_000;
    private static final int WORKSTATIONS = 5_000;
    private static final int GATEWAYS = 3;

    private IncidentGroupingLoad() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String kind = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "h2";
        Path folder = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("vigil-grouping-load");
        Files.createDirectories(folder);
        System.out.printf("IncidentGroupingLoad: %,d alerts, %s in %s; %d processors, load average %.1f%n", alerts, kind,
                folder, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (BenchmarkDatabase database = BenchmarkDatabase.open(kind, folder)) {
            VigilDatabase.migrate(database.dataSource());
            run(alerts, VigilDatabase.open(database.dataSource()), database);
        }
        System.out.printf("load average at the end %.1f%n", loadAverage());
    }

    private static void run(int alerts, VigilDatabase db, BenchmarkDatabase database) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(42);
        // every alert is new, so counting where they go gives each incident's size without asking the store
        Map<String, Integer> alertsPerIncident = new HashMap<>();
        int largest = 0;
        long start = System.nanoTime();
        long sliceStart = start;
        long sliceCpu = threads.getCurrentThreadCpuTime();
        long sliceServerCpu = database.serverCpuNanos();
        for (int from = 0; from < alerts; from += PER_TRANSACTION) {
            List<Alert> batch = new ArrayList<>(PER_TRANSACTION);
            for (int n = from; n < Math.min(alerts, from + PER_TRANSACTION); n++) {
                batch.add(alert(n, random));
            }
            List<String> placedIn = new ArrayList<>(batch.size());
            db.inTransaction(() -> {
                for (Alert alert : batch) {
                    db.alerts().save(alert);
                    placedIn.add(db.incidents().place(alert.id(), WINDOW));
                }
            });
            for (String incident : placedIn) {
                largest = Math.max(largest, alertsPerIncident.merge(incident, 1, Integer::sum));
            }
            int done = Math.min(alerts, from + PER_TRANSACTION);
            if (done % SLICE == 0 || done == alerts) {
                long now = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                long serverCpu = database.serverCpuNanos();
                int inSlice = done % SLICE == 0 ? SLICE : done % SLICE;
                long open = db.incidents().countOpenBySeverity().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf("  %,7d alerts: %,6.0f alerts/s in the last %,d, writer CPU %.2f ms per alert%s;"
                                + " %,d open incidents, the largest of %,d alerts%n",
                        done, inSlice / ((now - sliceStart) / 1e9), inSlice, (cpu - sliceCpu) / 1e6 / inSlice,
                        database.server() == null ? "" : String.format(" + PostgreSQL %.2f ms", (serverCpu - sliceServerCpu) / 1e6 / inSlice),
                        open, largest);
                sliceStart = now;
                sliceCpu = cpu;
                sliceServerCpu = serverCpu;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("grouped %,d alerts in %.1f s = %,.0f alerts/s%n", alerts, seconds, alerts / seconds);
    }

    private static Alert alert(int n, Random random) {
        String account = String.format("user%05d", random.nextInt(ACCOUNTS));
        int workstation = random.nextInt(WORKSTATIONS);
        String address = random.nextInt(50) == 0 ? "10.255.0." + (1 + random.nextInt(GATEWAYS))
                : "10.20." + workstation / 250 + "." + (1 + workstation % 250);
        Instant start = T0.plusSeconds(20L * n);
        return new Alert(String.format("group-%08d", n), "brute-force", "2023", "BruteForceSecurityAlert",
                "Suspected Brute Force attack", Severity.values()[random.nextInt(Severity.values().length)],
                "Password guesses against " + account + " from " + address,
                List.of("Reset the password of the attacked account"), start, start.plusSeconds(60),
                List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1110.001", "Password Guessing")),
                "CONTOSO\\" + account, List.of(new Entity.AccountEntity(account, "CONTOSO", null),
                        new Entity.HostEntity(String.format("ws-%04d", workstation), "contoso.local"),
                        new Entity.IpEntity(address)),
                Map.of("ExternalId", "2023"), List.of(), 25, null, null);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
