package io.vigil.server.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.server.metrics.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A password spray that straddles a restart is caught: the detector state of its first half is in the
 * snapshot taken when the server stopped, the restarted server resumes reading after it (not from the
 * start of the journal), and the second half completes the spray.
 */
class DetectorStateRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aSprayStraddlingARestartIsCaughtFromTheSnapshot() throws Exception {
        long resumeAt;
        try (RunningServer first = RunningServer.start(dataDir, Map.of())) {
            assertThat(post(first, spray(0, 3)).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    get(first, "/api/v1/ingest/status").get("detection").get("lagRecords").asLong() == 0);
            resumeAt = get(first, "/api/v1/ingest/status").get("journal").get("nextPosition").asLong();
            assertThat(sprayAlerts(first)).isZero();
        }

        try (RunningServer second = RunningServer.start(dataDir, Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !get(second, "/api/v1/ingest/status").get("detection").get("startedFrom").isNull());
            JsonNode startedFrom = get(second, "/api/v1/ingest/status").get("detection").get("startedFrom");
            assertThat(startedFrom.get("snapshotId").isNull()).as("restored from a snapshot").isFalse();
            assertThat(startedFrom.get("restoredKeys").asInt()).isPositive();
            assertThat(startedFrom.get("position").asLong()).isEqualTo(resumeAt);

            assertThat(post(second, spray(3, 6)).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> sprayAlerts(second) == 1);
            JsonNode alert = get(second, "/api/v1/alerts?type=brute-force").get("items").get(0);
            assertThat(alert.get("evidenceCount").asLong()).isEqualTo(6);
        }
    }

    /** Kerberos pre-authentication failures for user{from}…user{to - 1}, one a second, from one address. */
    private static String spray(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"EventID\":4771,\"Channel\":\"Security\","
                + "\"Hostname\":\"DC01.corp.local\",\"@timestamp\":\"" + T0.plusSeconds(i) + "\","
                + "\"TargetUserName\":\"user" + i + "\",\"TargetSid\":\"S-1-5-21-1-2-3-" + (1100 + i) + "\","
                + "\"ServiceName\":\"krbtgt/CORP.LOCAL\",\"TicketOptions\":\"0x40810010\",\"Status\":\"0x18\","
                + "\"PreAuthType\":\"2\",\"IpAddress\":\"::ffff:10.0.0.66\",\"IpPort\":\"50111\"}")
                .collect(Collectors.joining("\n"));
    }

    private static long sprayAlerts(RunningServer server) throws Exception {
        return get(server, "/api/v1/alerts?type=brute-force").get("total").asLong();
    }

    private static JsonNode get(RunningServer server, String path) throws Exception {
        HttpResponse<String> answer = server.get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> post(RunningServer server, String lines) throws Exception {
        return server.post("/api/v1/events", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8));
    }
}
