package io.vigil.server.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.model.audit.AuditEntry;
import io.vigil.server.config.ServerSetting;
import io.vigil.server.metrics.RunningServer;
import io.vigil.simulators.sentinel.IngestedRow;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import io.vigil.simulators.syslog.SyslogReceiver;
import io.vigil.simulators.webhook.WebhookReceiver;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.audit.AuditFilter;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path: exporters configured through the admin API (secrets in, never out, every change
 * audited), the OTRF purplesharp playbook pushed over HTTP, and its alerts arriving at the Sentinel
 * stand-in (every SecurityAlert column, types checked by the stand-in against the stream), at a CEF
 * collector on loopback (every message parses) and at a webhook receiver (every signature verifies).
 */
class SiemExportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOK_SECRET = "whsec-it-Secret-123";
    private static final String CONSOLE = "https://vigil.contoso.local";

    @TempDir
    static Path dataDir;

    static SentinelSimulator sentinel;
    static SyslogReceiver collector;
    static WebhookReceiver webhook;
    static RunningServer server;

    @BeforeAll
    static void start() {
        sentinel = SentinelSimulator.start(SentinelOptions.of(SecurityAlertTable.STREAM, SecurityAlertTable.COLUMNS));
        collector = SyslogReceiver.start(null);
        webhook = WebhookReceiver.start(WEBHOOK_SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        server = RunningServer.start(dataDir, Map.of(ServerSetting.HOSTNAME_URL, CONSOLE + "/"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        sentinel.close();
        collector.close();
        webhook.close();
    }

    private static String sentinelJson() {
        return """
                {"id":"sentinel","name":"Microsoft Sentinel","kind":"SENTINEL","secret":"%s",
                 "settings":{"tenantId":"%s","clientId":"%s","authorityHost":"%s","dataCollectionEndpoint":"%s",
                             "dcrImmutableId":"%s"}}""".formatted(SentinelOptions.DEFAULT_CLIENT_SECRET,
                SentinelOptions.DEFAULT_TENANT, SentinelOptions.DEFAULT_CLIENT_ID, sentinel.authorityUrl(), sentinel.url(),
                SentinelOptions.DEFAULT_DCR);
    }

    private static List<String> recording(String relative) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Corpus.file(relative)))) {
            zip.getNextEntry();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            zip.transferTo(out);
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void alertsFromTheOtrfPlaybookReachSentinelCefAndTheWebhook() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/integrations/siem", "application/json",
                sentinelJson().getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"secretSet\":true").doesNotContain(SentinelOptions.DEFAULT_CLIENT_SECRET);
        assertThat(server.post("/api/v1/integrations/siem", "application/json", ("""
                {"id":"cef","kind":"CEF_SYSLOG","settings":{"host":"127.0.0.1","port":"%d","transport":"TCP"}}"""
                .formatted(collector.tcpPort())).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        HttpResponse<String> hook = server.post("/api/v1/integrations/siem", "application/json", ("""
                {"id":"hook","kind":"WEBHOOK","secret":"%s","settings":{"url":"%s"}}"""
                .formatted(WEBHOOK_SECRET, webhook.url())).getBytes(StandardCharsets.UTF_8));
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);

        HttpResponse<String> test = server.post("/api/v1/integrations/siem/sentinel/test", "application/json", new byte[0]);
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(test.body()).get("delivered").asBoolean()).isTrue();

        List<String> lines = recording(
                "security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip");
        for (int from = 0; from < lines.size(); from += 2_000) {
            String batch = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 2_000)));
            assertThat(server.post("/api/v1/events", "application/x-ndjson", batch.getBytes(StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(202);
        }
        VigilDatabase database = server.bean(VigilDatabase.class);
        await().atMost(Duration.ofSeconds(90)).until(() ->
                database.alerts().find(AlertFilter.any(), PageRequest.of(0, 50)).items().size() == 2);
        Set<String> alertIds = database.alerts().find(AlertFilter.any(), PageRequest.of(0, 50)).items().stream()
                .map(a -> a.id()).collect(Collectors.toSet());

        await().atMost(Duration.ofSeconds(60)).until(() -> exported(sentinel.rows()).containsAll(alertIds)
                && collector.received().stream().map(r -> r.cef().extension("cs4").split(":")[0])
                        .collect(Collectors.toSet()).containsAll(alertIds)
                && webhookAlertIds().containsAll(alertIds));

        for (IngestedRow row : sentinel.rows()) {
            if (!alertIds.contains((String) row.get("SystemAlertId"))) {
                continue;
            }
            assertThat(row.columns()).containsOnlyKeys(SecurityAlertTable.names());
            for (var column : SecurityAlertTable.COLUMNS.entrySet()) {
                Object value = row.get(column.getKey());
                switch (column.getValue()) {
                    case "datetime" -> OffsetDateTime.parse((String) value);
                    case "boolean" -> assertThat(value).isEqualTo(false);
                    case "real" -> assertThat(value).isNull();
                    default -> assertThat(value).as(column.getKey()).isInstanceOf(String.class);
                }
            }
            assertThat((String) row.get("AlertLink")).isEqualTo(CONSOLE + "/alerts/" + row.get("SystemAlertId"));
            JsonNode entities = JSON.readTree((String) row.get("Entities"));
            assertThat(entities.size()).isPositive();
            assertThat(entities.get(0).get("$id").stringValue()).isEqualTo("2");
        }
        assertThat(collector.unparsable()).isZero();
        assertThat(webhook.refusedCount()).isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = JSON.readTree(server.get("/api/v1/integrations/siem/sentinel/status").body());
            assertThat(status.get("backlog").asLong()).isZero();
            assertThat(status.get("delivered").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(status.get("running").asBoolean()).isTrue();
        });
        String listed = server.get("/api/v1/integrations/siem").body();
        assertThat(listed).doesNotContain(SentinelOptions.DEFAULT_CLIENT_SECRET).doesNotContain(WEBHOOK_SECRET);
        List<AuditEntry> audit = database.auditLog().find(AuditFilter.any(), PageRequest.of(0, 100)).items();
        assertThat(audit).extracting(AuditEntry::action).contains(SiemExporterService.CREATE, SiemExporterService.TEST);
        assertThat(audit.toString()).doesNotContain(SentinelOptions.DEFAULT_CLIENT_SECRET).doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void changingAnExporterIsVersionedAuditedAndKeepsTheSecret() throws Exception {
        server.post("/api/v1/integrations/siem", "application/json", """
                {"id":"hook2","kind":"WEBHOOK","secret":"s3cret-value-1","settings":{"url":"http://127.0.0.1:9/x"}}"""
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> changed = server.send("PUT", "/api/v1/integrations/siem/hook2",
                "{\"version\":0,\"enabled\":false,\"settings\":{\"url\":\"http://127.0.0.1:9/y\"}}");
        HttpResponse<String> stale = server.send("PUT", "/api/v1/integrations/siem/hook2", "{\"version\":0,\"enabled\":true}");
        HttpResponse<String> unknown = server.send("PUT", "/api/v1/integrations/siem/hook2",
                "{\"version\":1,\"settings\":{\"url\":\"http://127.0.0.1:9/y\",\"password\":\"x\"}}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(changed.body());
        assertThat(view.get("enabled").asBoolean()).isFalse();
        assertThat(view.get("secretSet").asBoolean()).isTrue();
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(server.send("DELETE", "/api/v1/integrations/siem/hook2", null).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/integrations/siem/hook2").statusCode()).isEqualTo(404);
        List<AuditEntry> audit = server.bean(VigilDatabase.class).auditLog()
                .find(AuditFilter.any(), PageRequest.of(0, 100)).items();
        assertThat(audit).filteredOn(e -> "hook2".equals(e.target())).extracting(AuditEntry::action)
                .contains(SiemExporterService.CREATE, SiemExporterService.UPDATE, SiemExporterService.DELETE);
        assertThat(audit.toString()).doesNotContain("s3cret-value-1");
    }

    private static Set<String> exported(List<IngestedRow> rows) {
        return rows.stream().map(r -> (String) r.get("SystemAlertId")).collect(Collectors.toSet());
    }

    private static Set<String> webhookAlertIds() {
        return webhook.acceptedBodies().stream().flatMap(body -> {
            JsonNode alerts = JSON.readTree(body).get("alerts");
            return java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                    .map(a -> a.get("SystemAlertId").stringValue());
        }).collect(Collectors.toSet());
    }
}
