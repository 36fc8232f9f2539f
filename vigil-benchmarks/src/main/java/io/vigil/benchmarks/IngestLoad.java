package io.vigil.benchmarks;

import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.store.VigilDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.ObjectMapper;

/**
 * Sustained HTTP ingest with durable acknowledgement, and alert latency, on this machine.
 *
 * <p>Starts the server in a child JVM (start-dev settings, a temporary data folder, H2), so that the
 * load generator's own JIT and garbage do not count against it; then for the
 * given time several client threads POST batches of the OTRF purplesharp recording's lines to
 * {@code /api/v1/events} over loopback; only 202 answers (journaled, fsync'd) count. The clients send
 * as fast as the server answers, or, given a rate, pace themselves to that many events a second in
 * total: latency is a property of a load, and at saturation it only measures the length of the
 * queues. Several times a second (one at a time) a marker batch — a Kerberoasting burst from an
 * address used once — is sent, and the time from its acknowledgement until its alert is returned by
 * {@code /api/v1/alerts} is measured; with a few hundred markers a run, p99 is not just its slowest.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.IngestLoad [corpus] [seconds, default 60] [client threads, default 8]
 *                                           [lines per batch, default 1000] [events/s, default 0 = unpaced]
 *                                           [markers/s, default 4]
 * </pre>
 */
public final class IngestLoad {

    private static final String PASSWORD = "load-harness-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String READY = "load-server-ready ";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            serve();
            return;
        }
        Path corpus = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("VIGIL_CORPUS", "../shared/data"));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int linesPerBatch = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        Load load = new Load(seconds, threads, linesPerBatch, args.length > 4 ? Integer.parseInt(args[4]) : 0,
                args.length > 5 ? Integer.parseInt(args[5]) : 4);

        List<byte[]> batches = batches(corpus, linesPerBatch);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestLoad.class.getName(), "serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String base = awaitReady(server);
            run(base, batches, load);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The child: a start-dev server on a temporary data folder with a sender account; prints its address. */
    private static void serve() throws Exception {
        Path data = Files.createTempDirectory("vigil-load");
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, data.toString()), Map.of(), null));
        ConfigurableApplicationContext server = VigilServer.run(config);
        server.getBean(VigilDatabase.class).users().create("load",
                server.getBean(PasswordEncoder.class).encode(PASSWORD), Role.SECURITY_ADMIN);
        System.out.println(READY + "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String awaitReady(Process server) throws Exception {
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> drain(out), "load-server-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring(READY.length()).strip();
            }
        }
        throw new IllegalStateException("the load server exited before it was ready");
    }

    /** What a run offers the server: for how long, from how many clients, how paced, how many markers. */
    private record Load(int seconds, int threads, int linesPerBatch, int eventsPerSecond, int markersPerSecond) {

        /** Nanoseconds between one client's batches, or 0 when unpaced. */
        long batchInterval() {
            return eventsPerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * threads * linesPerBatch / eventsPerSecond;
        }
    }

    /** Reads the child's output until it ends, so that it never blocks on a full pipe. */
    private static void drain(java.io.BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded
            }
        } catch (java.io.IOException closedWhenTheServerStops) {
            // nothing left to drain
        }
    }

    private static void run(String base, List<byte[]> batches, Load load) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Bearer " + apiToken(http, base);
        AtomicLong events = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(load.seconds());
        ExecutorService clients = Executors.newFixedThreadPool(load.threads());
        for (int t = 0; t < load.threads(); t++) {
            int offset = t;
            clients.submit(() -> {
                int next = offset;
                long interval = load.batchInterval();
                // clients start spread over one interval so that paced batches do not arrive in bursts
                long due = start + interval * offset / load.threads();
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                        due += interval;
                    }
                    byte[] body = batches.get(next++ % batches.size());
                    if (post(http, base, auth, body) == 202) {
                        events.addAndGet(load.linesPerBatch());
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        List<Long> latencies = markers(http, base, auth, end, load.markersPerSecond());
        clients.shutdown();
        clients.awaitTermination(load.seconds() + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        metrics.body().lines().filter(l -> l.startsWith("vigil_ingest_refused") || l.startsWith("vigil_detection_lag")
                || l.startsWith("vigil_journal_unconsumed")).forEach(l -> System.out.println("metric " + l));
        System.out.printf("sustained: %,d events acknowledged in %.1f s = %,.0f events/s (%s, %d client threads, %d lines "
                + "per batch, %d batches refused or failed)%n", events.get(), elapsed, events.get() / elapsed,
                load.eventsPerSecond() > 0 ? String.format("paced to %,d events/s", load.eventsPerSecond()) : "unpaced",
                load.threads(), load.linesPerBatch(), refused.get());
        if (latencies.isEmpty()) {
            System.out.println("alert latency: no marker alert was seen");
        } else {
            System.out.printf("alert latency (ack → queryable), %d markers: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    latencies.size(), percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                    latencies.get(latencies.size() - 1));
        }
    }

    /**
     * Senders authenticate with an API token, as automation does: a password is checked with a
     * deliberately slow hash on every request, a token with one SHA-256.
     */
    private static String apiToken(HttpClient http, String base) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("load:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load harness\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(created.body()).get("token").asString();
    }

    /**
     * Sends Kerberoasting markers at up to the given rate, each from an address of its own, one at a
     * time: each is watched until its alert can be read before the next is sent, so that watching never
     * adds more load than one poller (concurrent pollers would slow the server they measure).
     */
    private static List<Long> markers(HttpClient http, String base, String auth, long end, int perSecond)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
        for (int marker = 0; System.nanoTime() < end; marker++) {
            long due = System.nanoTime() + interval;
            // the alert query matches any part of an entity: three-digit last octets keep one address from
            // being a part of another
            String address = "10.99." + (marker / 150) + "." + (100 + marker % 150);
            if (post(http, base, auth, markerBatch(address)) == 202) {
                long acked = System.nanoTime();
                awaitAlert(http, base, auth, address, acked).ifPresent(latencies::add);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        }
        return latencies;
    }

    private static Optional<Long> awaitAlert(HttpClient http, String base, String auth, String address,
            long acked) throws Exception {
        while (System.nanoTime() - acked < TimeUnit.SECONDS.toNanos(10)) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/alerts?type=kerberoasting&entity=" + address)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && JSON.readTree(page.body()).get("total").asLong() > 0) {
                return Optional.of(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acked));
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    private static byte[] markerBatch(String address) {
        StringBuilder lines = new StringBuilder();
        String now = java.time.Instant.now().toString();
        for (int service = 0; service < 3; service++) {
            lines.append("{\"EventID\":4769,\"Channel\":\"Security\",\"Hostname\":\"DC01.corp.local\",\"@timestamp\":\"")
                    .append(now).append("\",\"TargetUserName\":\"marker@CORP.LOCAL\",\"ServiceName\":\"svc_marker_")
                    .append(service).append("\",\"TicketEncryptionType\":\"0x17\",\"Status\":\"0x0\",\"IpAddress\":\"")
                    .append(address).append("\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int post(HttpClient http, String base, String auth, byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<byte[]> batches(Path corpus, int linesPerBatch) throws Exception {
        byte[] recording = ScanThroughput.unzipFirstEntry(corpus.resolve(ScanThroughput.PURPLESHARP));
        List<String> lines = new String(recording, StandardCharsets.UTF_8).lines().toList();
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from + linesPerBatch <= lines.size(); from += linesPerBatch) {
            batches.add(String.join("\n", lines.subList(from, from + linesPerBatch)).getBytes(StandardCharsets.UTF_8));
        }
        return batches;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
