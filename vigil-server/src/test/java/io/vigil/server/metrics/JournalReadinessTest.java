package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness goes DOWN while the journal refuses appends for lack of room, and back UP once detection catches up. */
class JournalReadinessTest {

    private static final long TINY_JOURNAL = 256 * 1024;

    @TempDir
    static Path dataDir;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, Map.of(), "--vigil.journal.max-unconsumed-bytes=" + TINY_JOURNAL);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readinessFollowsTheJournal() throws Exception {
        assertThat(readiness().statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        String line = "{\"EventID\":4769,\"Channel\":\"Security\",\"Hostname\":\"dc01\","
                + "\"@timestamp\":\"2020-10-22T08:29:48.785Z\",\"TargetUserName\":\"a\"}\n";
        byte[] body = line.repeat((int) (TINY_JOURNAL / 3 / line.length())).getBytes();
        // concurrent batches outrun detection, which frees room only after it has read a record
        HttpResponse<String> answer = null;
        for (int round = 0; round < 50 && (answer == null || answer.statusCode() != 503); round++) {
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(CompletableFuture.supplyAsync(() -> post(body)));
            }
            answer = posts.stream().map(CompletableFuture::join).filter(a -> a.statusCode() != 202)
                    .findFirst().orElse(posts.get(0).join());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");

        HttpResponse<String> notReady = readiness();
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(server.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(server.count("vigil.ingest.refused", "source", "http", "reason", "journal-full")).isPositive();
        assertThat(server.get("/actuator/prometheus").body()).contains("vigil_journal_appends_rejected_total");

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);
    }

    private static HttpResponse<String> post(byte[] body) {
        try {
            return server.post("/api/v1/events", "application/x-ndjson", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> readiness() throws Exception {
        return server.get("/actuator/health/readiness");
    }
}
