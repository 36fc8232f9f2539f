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
 * {@code /api/v1/events} over loopback; only 202 answers (journaled, fsync'd) count. Once a second a
 * marker batch — a Kerberoasting burst from an address used once — is sent, and a poller measures
 * the time from its acknowledgement until its alert is returned by {@code /api/v1/alerts}.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.IngestLoad [corpus] [seconds, default 60] [client threads, default 8] [lines per batch, default 1000]
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

        List<byte[]> batches = batches(corpus, linesPerBatch);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestLoad.class.getName(), "serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String base = awaitReady(server);
            run(base, batches, linesPerBatch, seconds, threads);
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
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "load-server-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring(READY.length()).strip();
            }
        }
        throw new IllegalStateException("the load server exited before it was ready");
    }

    private static void run(String base, List<byte[]> batches, int linesPerBatch, int seconds, int threads)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Bearer " + apiToken(http, base);
        AtomicLong events = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            clients.submit(() -> {
                int next = offset;
                while (System.nanoTime() < end) {
                    byte[] body = batches.get(next++ % batches.size());
                    int status = post(http, base, auth, body);
                    if (status == 202) {
                        events.addAndGet(linesPerBatch);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        List<Long> latencies = markers(http, base, auth, end);
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        Collections.sort(latencies);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        metrics.body().lines().filter(l -> l.startsWith("vigil_ingest_refused") || l.startsWith("vigil_detection_lag")
                || l.startsWith("vigil_journal_unconsumed")).forEach(l -> System.out.println("metric " + l));
        System.out.printf("sustained: %,d events acknowledged in %d s = %,.0f events/s (%d client threads, %d lines per "
                + "batch, %d batches refused or failed)%n", events.get(), seconds, events.get() / (double) seconds,
                threads, linesPerBatch, refused.get());
        if (latencies.isEmpty()) {
            System.out.println("alert latency: no marker alert was seen");
        } else {
            System.out.printf("alert latency (ack → queryable), %d markers: p50 %d ms, p99 %d ms, max %d ms%n",
                    latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
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

    /** Sends one Kerberoasting marker a second and measures how long until its alert can be read. */
    private static List<Long> markers(HttpClient http, String base, String auth, long end) throws Exception {
        List<Long> latencies = new ArrayList<>();
        int marker = 0;
        while (System.nanoTime() < end) {
            String address = "10.99." + (marker / 250) + "." + (marker % 250 + 1);
            marker++;
            if (post(http, base, auth, markerBatch(address)) != 202) {
                continue;
            }
            long acked = System.nanoTime();
            while (System.nanoTime() - acked < TimeUnit.SECONDS.toNanos(10)) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/alerts?type=kerberoasting&entity=" + address)).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200 && JSON.readTree(page.body()).get("total").asLong() > 0) {
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acked));
                    break;
                }
                Thread.sleep(5);
            }
            Thread.sleep(Math.max(0, 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acked)));
        }
        return latencies;
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
