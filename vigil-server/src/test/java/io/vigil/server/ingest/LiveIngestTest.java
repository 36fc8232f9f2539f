package io.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.testsupport.Corpus;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import io.vigil.server.ingest.syslog.SyslogFrames;
import io.vigil.server.ingest.syslog.SyslogReceivers;
import java.net.InetAddress;
import java.net.Socket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Events pushed over HTTP are journaled, acknowledged, detected, stored and grouped into incidents —
 * on each database the server supports (a subclass per database).
 */
abstract class LiveIngestTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            ("sender:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String HOSTS = "security-datasets/datasets/atomic/windows/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext server;
    static VigilDatabase database;
    static String base;

    static void start(Map<ServerSetting, String> databaseSettings) {
        Map<ServerSetting, String> settings = new java.util.EnumMap<>(ServerSetting.class);
        settings.put(ServerSetting.HTTP_PORT, "0");
        settings.put(ServerSetting.DATA_DIR, dataDir.toString());
        settings.put(ServerSetting.SYSLOG_TCP_PORT, "0");
        settings.putAll(databaseSettings);
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                settings, Map.of(), null));
        server = VigilServer.run(config);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
        database = server.getBean(VigilDatabase.class);
        database.users().create("sender", server.getBean(PasswordEncoder.class).encode(PASSWORD), Role.SECURITY_ADMIN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Content-Type", contentType)
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void postInBatches(List<String> lines) throws Exception {
        for (int from = 0; from < lines.size(); from += 2_000) {
            String batch = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 2_000)));
            HttpResponse<String> answer = post("application/x-ndjson", batch.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
    }

    /** The ids of the alerts of one detector, through the API. */
    private static List<String> alertIds(String type) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        get("/api/v1/alerts?type=" + type + "&limit=100").get("items").forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    /** The incident an alert was filed into, through the API. */
    private static String incidentOf(String alertId) throws Exception {
        return get("/api/v1/alerts/" + alertId).get("incidentId").asString();
    }

    @Test
    void thePurplesharpPlaybookPushedOverHttpGivesItsTwoAlertsInOneIncident() throws Exception {
        postInBatches(Corpus.zippedLines(HOSTS + "lateral_movement/host/purplesharp_ad_playbook_I.zip"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(alertIds("brute-force")).hasSize(1);
            assertThat(alertIds("kerberoasting")).hasSize(1);
        });
        // one playbook, one story: pgustavo is among the sprayed accounts and is the Kerberoasting requester
        String incident = incidentOf(alertIds("brute-force").get(0));
        assertThat(incidentOf(alertIds("kerberoasting").get(0))).isEqualTo(incident);
        JsonNode view = get("/api/v1/incidents/" + incident);
        assertThat(view.get("severity").asString()).isEqualTo("high");
        assertThat(view.get("alerts")).hasSize(2);
        JsonNode status = get("/api/v1/ingest/status");
        assertThat(status.get("detection").get("running").asBoolean()).isTrue();
        assertThat(status.get("sources").findValues("source")).extracting(JsonNode::asString).contains("http");
    }

    @Test
    void theTwoDcSyncRecordingsOverSyslogAndHttpGiveOneDcSyncIncidentEach() throws Exception {
        List<String> empire = Corpus.zippedLines(HOSTS + "credential_access/host/empire_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip");
        try (Socket syslog = new Socket(InetAddress.getLoopbackAddress(), server.getBean(SyslogReceivers.class).tcpPort())) {
            syslog.getOutputStream().write(SyslogFrames.octetCounted(empire));
        }
        postInBatches(Corpus.zippedLines(HOSTS + "credential_access/host/covenant_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alertIds("dcsync")).hasSize(2));
        List<String> dcsync = alertIds("dcsync");
        for (String id : dcsync) {
            JsonNode alert = get("/api/v1/alerts/" + id);
            assertThat(alert.get("compromisedEntity").asString()).containsIgnoringCase("pgustavo");
            JsonNode incident = get("/api/v1/incidents/" + incidentOf(id));
            assertThat(incident.get("alerts").findValues("id")).extracting(JsonNode::asString).containsExactly(id);
        }
        // the two recordings are weeks apart: two attacks, two incidents
        assertThat(incidentOf(dcsync.get(0))).isNotEqualTo(incidentOf(dcsync.get(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/v1/ingest/status").get("sources").findValues("source"))
                .extracting(JsonNode::asString).contains("http", "syslog-tcp"));
    }

    @Test
    void malformedBatchesAreRefusedWithTheirErrorsAndNothingIsJournaled() throws Exception {
        HttpResponse<String> bad = post("application/x-ndjson",
                "{\"EventID\":4769,\"Channel\":\"Security\"}\n{\"EventID\": 4769, \"Chan".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 2").contains("nothing was accepted");
        HttpResponse<String> wrongType = post("image/png", new byte[] {1, 2, 3});
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("application/x-ndjson");
    }

    @Test
    void sendingEventsNeedsCredentials() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
