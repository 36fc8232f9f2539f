package io.vigil.server.alerts;

import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.util.Map;

import static io.vigil.server.api.ApiTestServer.OPERATOR;
import static io.vigil.server.api.ApiTestServer.READER;
import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/alerts}: paging, filters, the full alert, triage with optimistic locking, comments. */
class AlertApiTest {

    @TempDir
    static Path dataDir;

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        // 12 alerts an hour apart: kerberoasting by alice (high) and brute-force on bob (medium), alternating
        for (int i = 0; i < 12; i++) {
            boolean even = i % 2 == 0;
            server.database().alerts().upsert(alert("list-" + i, even ? "kerberoasting" : "brute-force",
                    even ? Severity.HIGH : Severity.MEDIUM, T0.plus(Duration.ofHours(i)), even ? "alice" : "bob"));
        }
        server.database().alerts().upsert(alert("triage-1", "dcsync", Severity.HIGH, T0.minus(Duration.ofDays(30)), "carol"));
        server.database().alerts().upsert(alert("comment-1", "dcsync", Severity.LOW, T0.minus(Duration.ofDays(31)), "dave"));
        server.database().incidents().group("triage-1", Duration.ofHours(24));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagesWalkEveryAlertOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            JsonNode page = server.get(READER, "/api/v1/alerts?limit=5&offset=" + offset).json();
            assertThat(page.path("total").asLong()).isEqualTo(14);
            assertThat(page.path("limit").asInt()).isEqualTo(5);
            page.path("items").forEach(item -> seen.add(item.path("id").asString()));
            offset = page.path("nextOffset").isNull() ? null : page.path("nextOffset").asInt();
        }
        assertThat(seen).hasSize(14).doesNotHaveDuplicates().startsWith("list-11", "list-10", "list-9")
                .endsWith("triage-1", "comment-1");
    }

    @Test
    void theDefaultPageIsFifty() {
        JsonNode page = server.get(READER, "/api/v1/alerts").json();
        assertThat(page.path("limit").asInt()).isEqualTo(50);
        assertThat(page.path("offset").asInt()).isZero();
        assertThat(page.path("nextOffset").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids("/api/v1/alerts?severity=medium")).hasSize(6).allMatch(id -> isOdd(id));
        assertThat(ids("/api/v1/alerts?type=kerberoasting")).hasSize(6);
        assertThat(ids("/api/v1/alerts?detector=brute-force&detector=dcsync")).hasSize(8);
        assertThat(ids("/api/v1/alerts?severity=high,low&entity=CAROL")).containsExactly("triage-1");
        assertThat(ids("/api/v1/alerts?entity=ws-bob")).hasSize(6);
        assertThat(ids("/api/v1/alerts?from=2026-03-02T18:00:00Z")).containsExactly("list-11", "list-10", "list-9");
        assertThat(ids("/api/v1/alerts?to=2026-01-31T00:00:00Z")).containsExactly("comment-1");
        assertThat(ids("/api/v1/alerts?status=in_progress&entity=nobody")).isEmpty();
    }

    @Test
    void oneAlertHasItsEntitiesEvidenceRemediationMitreAndIncident() {
        ApiTestServer.Response answer = server.get(READER, "/api/v1/alerts/triage-1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isNotNull();
        JsonNode alert = answer.json();
        assertThat(alert.path("type").asString()).isEqualTo("dcsync");
        assertThat(alert.path("severity").asString()).isEqualTo("high");
        assertThat(alert.path("status").asString()).isEqualTo("new");
        assertThat(alert.path("remediationSteps").get(0).asString()).contains("carol");
        assertThat(alert.path("tactics").get(0).path("id").asString()).isEqualTo("TA0006");
        assertThat(alert.path("techniques").get(0).path("id").asString()).isEqualTo("T1558.003");
        assertThat(alert.path("entities")).hasSize(3);
        assertThat(alert.path("entities").get(0).path("key").asString()).isEqualTo("account:contoso\\carol");
        assertThat(alert.path("entities").get(0).path("sid").asString()).startsWith("S-1-5-21");
        assertThat(alert.path("entities").get(2).has("name")).isFalse();
        assertThat(alert.path("evidence")).hasSize(2);
        assertThat(alert.path("incidentId").asString()).isNotBlank();
        assertThat(alert.path("comments")).isEmpty();
    }

    @Test
    void triageChangesOnlyWhatIsSentAndBumpsTheVersion() {
        ApiTestServer.Response read = server.get(READER, "/api/v1/alerts/list-3");
        String etag = read.header("ETag");

        ApiTestServer.Response changed = server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-3",
                "{\"status\": \"in progress\", \"assignee\": \"operator\"}", "If-Match", etag);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("status").asString()).isEqualTo("in_progress");
        assertThat(changed.json().path("assignee").asString()).isEqualTo("operator");
        assertThat(changed.json().path("classification").asString()).isEqualTo("undetermined");
        assertThat(changed.json().path("version").asLong()).isEqualTo(read.json().path("version").asLong() + 1);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        ApiTestServer.Response resolved = server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-3",
                "{\"status\": \"resolved\", \"classification\": \"false_positive\", \"assignee\": null, \"version\": "
                        + changed.json().path("version").asLong() + "}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("classification").asString()).isEqualTo("false_positive");
        assertThat(resolved.json().has("assignee") && !resolved.json().path("assignee").isNull()).isFalse();
        assertThat(ids("/api/v1/alerts?status=resolved")).contains("list-3");

        var audited = server.database().auditLog().find(AuditFilter.any().withAction("alert.triage")
                .withTarget("alert list-3"), PageRequest.of(0, 10)).items();
        assertThat(audited).hasSize(2).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(OPERATOR));
        assertThat(audited).extracting(entry -> entry.details()).containsExactlyInAnyOrder(
                Map.of("status", "NEW -> IN_PROGRESS", "assignee", "none -> operator"),
                Map.of("status", "IN_PROGRESS -> RESOLVED", "classification", "UNDETERMINED -> FALSE_POSITIVE",
                        "assignee", "operator -> none"));
    }

    @Test
    void aChangeBasedOnAStaleVersionIs409AndChangesNothing() {
        String etag = server.get(READER, "/api/v1/alerts/list-5").header("ETag");
        assertThat(server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-5", "{\"assignee\": \"first\"}",
                "If-Match", etag).status()).isEqualTo(200);

        ApiTestServer.Response second = server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-5",
                "{\"assignee\": \"second\"}", "If-Match", etag);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(server.database().alerts().findById("list-5").orElseThrow().assignee()).isEqualTo("first");
    }

    @Test
    void badTriageValuesAre400NamingTheAllowedOnes() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-7",
                "{\"status\": \"closed\", \"version\": 0}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asString()).contains("new, in_progress, resolved");
        assertThat(server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/list-7", "{\"version\": 0}").status())
                .isEqualTo(400);
    }

    @Test
    void readersCannotTriageOrComment() {
        assertThat(server.sendJson(READER, "PATCH", "/api/v1/alerts/list-1", "{\"status\": \"resolved\", \"version\": 0}")
                .status()).isEqualTo(403);
        assertThat(server.sendJson(READER, "POST", "/api/v1/alerts/list-1/comments", "{\"text\": \"hm\"}").status())
                .isEqualTo(403);
    }

    @Test
    void commentsAreAddedByTheSignedInUserAndShownOldestFirst() {
        ApiTestServer.Response first = server.sendJson(OPERATOR, "POST", "/api/v1/alerts/comment-1/comments",
                "{\"text\": \"looks like the backup job\"}");
        server.sendJson(OPERATOR, "POST", "/api/v1/alerts/comment-1/comments", "{\"text\": \"confirmed with IT\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("author").asString()).isEqualTo(OPERATOR);
        JsonNode comments = server.get(READER, "/api/v1/alerts/comment-1").json().path("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).path("text").asString()).isEqualTo("looks like the backup job");
        assertThat(comments.get(1).path("text").asString()).isEqualTo("confirmed with IT");
    }

    @Test
    void emptyCommentsAndCommentsOnUnknownAlertsAreRefused() {
        assertThat(server.sendJson(OPERATOR, "POST", "/api/v1/alerts/comment-1/comments", "{\"text\": \"  \"}").status())
                .isEqualTo(400);
        assertThat(server.sendJson(OPERATOR, "POST", "/api/v1/alerts/nope/comments", "{\"text\": \"x\"}").status())
                .isEqualTo(404);
    }

    private static List<String> ids(String path) {
        ApiTestServer.Response answer = server.get(READER, path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static boolean isOdd(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 2 == 1;
    }
}
