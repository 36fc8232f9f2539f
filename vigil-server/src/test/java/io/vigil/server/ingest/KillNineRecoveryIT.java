package io.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A server killed hard (SIGKILL) in the middle of ingest loses no acknowledged event and, once
 * restarted and sent again what it never acknowledged (as any client retries), raises every alert
 * exactly once. Each batch holds one Kerberoasting pattern from its own source address, so the alerts
 * that must exist are known exactly: one per batch, never two.
 */
class KillNineRecoveryIT {

    private static final int BATCHES = 60;
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private record Running(Process process, String base) {
    }

    private Running startServer(int port, String[] passwordOut) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.vigil.server.cli.VigilCli", "start-dev",
                "--http-port", Integer.toString(port), "--data-dir", dataDir.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        server = process;
        String base = "http://127.0.0.1:" + port;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[server " + port + "] " + line);
                    }
                    Matcher m = PASSWORD.matcher(line);
                    if (m.find() && passwordOut[0] == null) {
                        passwordOut[0] = m.group(1);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return new Running(process, base);
    }

    private static String batch(int k) {
        StringBuilder lines = new StringBuilder();
        for (int service = 0; service < 3; service++) {
            lines.append("{\"EventID\":4769,\"Channel\":\"Security\",\"Hostname\":\"DC01.corp.local\",")
                    .append("\"@timestamp\":\"2026-03-01T10:").append(String.format("%02d", k % 60)).append(":0")
                    .append(service).append(".000Z\",\"TargetUserName\":\"user").append(k)
                    .append("@CORP.LOCAL\",\"ServiceName\":\"svc_").append(service)
                    .append("\",\"TicketEncryptionType\":\"0x17\",\"Status\":\"0x0\",\"IpAddress\":\"10.7.")
                    .append(k / 250).append('.').append(k % 250 + 1).append("\"}\n");
        }
        return lines.toString();
    }

    private static int send(String base, String password, int k) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(batch(k))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1; // the server died under this request: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The Kerberoasting alerts' compromised entities (one requester per batch), failing on a duplicate. */
    private static Set<String> kerberoastingRequesters(String base, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(
                base + "/api/v1/alerts?type=kerberoasting&limit=500"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode items = JSON.readTree(page.body()).get("items");
        Set<String> requesters = new TreeSet<>();
        for (JsonNode alert : items) {
            if (!requesters.add(alert.get("compromisedEntity").asString())) {
                throw new AssertionError("two alerts for " + alert.get("compromisedEntity").asString());
            }
        }
        return requesters;
    }

    @Test
    void everyAcknowledgedBatchSurvivesAKillAndNoAlertIsDuplicated() throws Exception {
        int port = freePort();
        String[] password = new String[1];
        Running first = startServer(port, password);
        await().atMost(Duration.ofSeconds(10)).until(() -> password[0] != null);

        ConcurrentHashMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (int k = 0; k < BATCHES; k++) {
            int batch = k;
            inFlight.add(CompletableFuture.runAsync(() -> answers.put(batch, send(first.base(), password[0], batch))));
            if (k == BATCHES / 2) {
                await().atMost(Duration.ofSeconds(30)).until(() -> answers.values().stream().filter(c -> c == 202)
                        .count() >= BATCHES / 4);
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        first.process().waitFor();
        long acknowledged = answers.values().stream().filter(c -> c == 202).count();
        assertThat(acknowledged).as("some batches were acknowledged before the kill").isPositive()
                .isLessThan(BATCHES);

        Running second = startServer(port, new String[1]);
        for (int k = 0; k < BATCHES; k++) {
            if (answers.get(k) != 202) {
                assertThat(send(second.base(), password[0], k)).as("resending batch " + k).isEqualTo(202);
            }
        }
        try {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(kerberoastingRequesters(second.base(), password[0])).hasSize(BATCHES));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Set<String> seen = kerberoastingRequesters(second.base(), password[0]);
            StringBuilder missing = new StringBuilder();
            for (int k = 0; k < BATCHES; k++) {
                String suffix = "user" + k;
                if (seen.stream().noneMatch(r -> r.endsWith(suffix))) {
                    missing.append(k).append(" (first answer ").append(answers.get(k)).append(") ");
                }
            }
            throw new AssertionError("missing batches: " + missing + "; seen " + seen, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
