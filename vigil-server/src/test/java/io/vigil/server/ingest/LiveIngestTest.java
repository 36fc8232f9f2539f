package io.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.incidents.IncidentFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
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
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("sender:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> recording(String relative) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Corpus.file(relative)))) {
            zip.getNextEntry();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            zip.transferTo(out);
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void thePurplesharpPlaybookPushedOverHttpGivesItsTwoAlertsInOneIncident() throws Exception {
        List<String> lines = recording(
                "security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip");
        for (int from = 0; from < lines.size(); from += 2_000) {
            String batch = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 2_000)));
            HttpResponse<String> answer = post("application/x-ndjson", batch.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                database.alerts().find(AlertFilter.any(), PageRequest.of(0, 50)).items())
                .extracting(stored -> stored.alert().type()).containsExactlyInAnyOrder("brute-force", "kerberoasting"));
        // one playbook, one story: pgustavo is among the sprayed accounts and is the Kerberoasting requester
        var incidents = database.incidents().find(IncidentFilter.any(), PageRequest.of(0, 50)).items();
        assertThat(incidents).hasSize(1);
        assertThat(database.incidents().alertIds(incidents.get(0).id())).hasSize(2);
        assertThat(incidents.get(0).severity().sentinelName()).isEqualTo("High");
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
