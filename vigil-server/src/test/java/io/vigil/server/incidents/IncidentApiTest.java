package io.vigil.server.incidents;

import static io.vigil.server.api.ApiTestServer.OPERATOR;
import static io.vigil.server.api.ApiTestServer.READER;
import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.server.api.ApiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/incidents}: lists with filters, one incident with its alerts and entities, its timeline, triage. */
class IncidentApiTest {

    private static final Duration WINDOW = Duration.ofHours(24);

    @TempDir
    static Path dataDir;

    static ApiTestServer server;
    static String aliceIncident;
    static String bobIncident;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        // alice: two alerts 10 minutes apart, one incident; bob: one low alert a week earlier
        server.database().alerts().upsert(alert("alice-2", "brute-force", Severity.MEDIUM, T0.plus(Duration.ofMinutes(10)), "alice"));
        server.database().alerts().upsert(alert("alice-1", "kerberoasting", Severity.HIGH, T0, "alice"));
        server.database().alerts().upsert(alert("bob-1", "brute-force", Severity.LOW, T0.minus(Duration.ofDays(7)), "bob"));
        aliceIncident = group("alice-1");
        group("alice-2");
        bobIncident = group("bob-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String group(String alertId) {
        Incident incident = server.database().incidents().group(alertId, WINDOW);
        return incident.id();
    }

    @Test
    void theListIsMostRecentFirstAndFilters() {
        assertThat(ids("/api/v1/incidents")).containsExactly(aliceIncident, bobIncident);
        assertThat(ids("/api/v1/incidents?severity=high")).containsExactly(aliceIncident);
        assertThat(ids("/api/v1/incidents?severity=low,medium")).containsExactly(bobIncident);
        assertThat(ids("/api/v1/incidents?status=new,active")).hasSize(2);
        assertThat(ids("/api/v1/incidents?status=closed")).isEmpty();
        assertThat(ids("/api/v1/incidents?entity=bob")).containsExactly(bobIncident);
        assertThat(ids("/api/v1/incidents?limit=1&offset=1")).containsExactly(bobIncident);
        assertThat(ids("/api/v1/incidents?to=2026-02-26T00:00:00Z")).containsExactly(bobIncident);
    }

    @Test
    void oneIncidentHasItsAlertsEarliestFirstAndEachEntityOnce() {
        ApiTestServer.Response answer = server.get(READER, "/api/v1/incidents/" + aliceIncident);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isNotNull();
        JsonNode incident = answer.json();
        assertThat(incident.path("severity").asString()).isEqualTo("high");
        assertThat(incident.path("alertCount").asInt()).isEqualTo(2);
        assertThat(incident.path("alerts").get(0).path("id").asString()).isEqualTo("alice-1");
        assertThat(incident.path("alerts").get(1).path("id").asString()).isEqualTo("alice-2");
        List<String> keys = new ArrayList<>();
        incident.path("entities").forEach(e -> keys.add(e.path("key").asString()));
        assertThat(keys).containsExactlyInAnyOrder("account:contoso\\alice", "host:ws-alice", "ip:10.0.0.7");
    }

    @Test
    void theTimelineOrdersAlertsAndTheirEvidenceByTime() {
        JsonNode timeline = server.get(READER, "/api/v1/incidents/" + aliceIncident + "/timeline").json();
        List<Instant> times = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        timeline.path("items").forEach(entry -> {
            times.add(Instant.parse(entry.path("time").asString()));
            lines.add(entry.path("kind").asString() + ":" + entry.path("alertId").asString()
                    + (entry.has("evidence") ? ":" + entry.path("evidence").path("recordId").asLong() : ""));
        });
        assertThat(timeline.path("total").asInt()).isEqualTo(6);
        assertThat(times).isSorted();
        assertThat(lines).containsExactly("alert:alice-1", "evidence:alice-1:1", "evidence:alice-1:2",
                "alert:alice-2", "evidence:alice-2:1", "evidence:alice-2:2");
        assertThat(server.get(READER, "/api/v1/incidents/" + aliceIncident + "/timeline?limit=2&offset=4").json()
                .path("items")).hasSize(2);
    }

    @Test
    void triageIsGuardedByTheVersion() {
        ApiTestServer.Response read = server.get(READER, "/api/v1/incidents/" + bobIncident);
        ApiTestServer.Response changed = server.sendJson(OPERATOR, "PATCH", "/api/v1/incidents/" + bobIncident,
                "{\"status\": \"active\", \"assignee\": \"operator\", \"classification\": \"benign_true_positive\"}",
                "If-Match", read.header("ETag"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("status").asString()).isEqualTo("active");
        assertThat(changed.json().path("classification").asString()).isEqualTo("benign_true_positive");
        assertThat(ids("/api/v1/incidents?assignee=operator")).containsExactly(bobIncident);

        ApiTestServer.Response stale = server.sendJson(OPERATOR, "PATCH", "/api/v1/incidents/" + bobIncident,
                "{\"status\": \"closed\"}", "If-Match", read.header("ETag"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(server.sendJson(READER, "PATCH", "/api/v1/incidents/" + bobIncident,
                "{\"status\": \"closed\", \"version\": 1}").status()).isEqualTo(403);
    }

    private static List<String> ids(String path) {
        ApiTestServer.Response answer = server.get(READER, path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
