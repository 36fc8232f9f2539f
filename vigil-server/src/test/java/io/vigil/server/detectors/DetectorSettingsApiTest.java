package io.vigil.server.detectors;

import static io.vigil.server.api.ApiTestServer.ADMIN;
import static io.vigil.server.api.ApiTestServer.OPERATOR;
import static io.vigil.server.api.ApiTestServer.READER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.api.ApiTestServer;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/detectors/{id}} and its settings: defaults, validated changes, persistence, audit, the event. */
class DetectorSettingsApiTest {

    @TempDir
    static Path dataDir;

    static ApiTestServer server;
    static final List<DetectorSettingsChanged> changes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        server.context().addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof DetectorSettingsChanged changed) {
                changes.add(changed);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDetectorShowsItsSettingsWithTheirDefaults() {
        JsonNode detector = server.get(READER, "/api/v1/detectors/account-enumeration").json();
        assertThat(detector.path("id").asString()).isEqualTo("account-enumeration");
        assertThat(detector.path("enabled").asBoolean()).isTrue();
        assertThat(names(detector)).contains("enabled", "threshold", "window", "excludedSources");
        JsonNode threshold = setting(detector, "threshold");
        assertThat(threshold.path("overridden").asBoolean()).isFalse();
        assertThat(threshold.path("value").asString()).isEqualTo(threshold.path("defaultValue").asString());
    }

    @Test
    void settingsAreValidatedStoredAuditedAndAnnounced() {
        ApiTestServer.Response answer = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/kerberoasting/settings",
                "{\"threshold\": 7, \"window\": \"15m\", \"excludedServices\": [\"svc_scan\", \"svc_backup\"]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(setting(answer.json(), "threshold").path("value").asString()).isEqualTo("7");
        assertThat(setting(answer.json(), "threshold").path("overridden").asBoolean()).isTrue();
        assertThat(setting(answer.json(), "threshold").path("updatedBy").asString()).isEqualTo(ADMIN);
        assertThat(server.database().detectorSettings().valuesOf("kerberoasting"))
                .containsEntry("threshold", "7").containsEntry("window", "15m")
                .containsEntry("excludedServices", "svc_scan,svc_backup");
        assertThat(changes).contains(new DetectorSettingsChanged("kerberoasting"));
        var audit = server.database().auditLog().find(AuditFilter.any().withAction("detector.settings.update")
                .withTarget("kerberoasting"), PageRequest.firstPage()).items();
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).actor()).isEqualTo(ADMIN);
        assertThat(audit.get(0).sourceIp()).isEqualTo("127.0.0.1");
        assertThat(audit.get(0).details().get("after")).contains("threshold=7");

        // PUT replaces: what is left out goes back to its default
        ApiTestServer.Response reset = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/kerberoasting/settings",
                "{\"enabled\": false}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("enabled").asBoolean()).isFalse();
        assertThat(server.database().detectorSettings().valuesOf("kerberoasting")).containsOnlyKeys("enabled");
    }

    @Test
    void anUnknownSettingOrABadValueIs400NamingItAndNothingIsStored() {
        ApiTestServer.Response unknown = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/dcsync/settings",
                "{\"treshold\": 3}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("treshold");
        assertThat(unknown.json().path("field").asString()).isEqualTo("treshold");

        ApiTestServer.Response bad = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/dcsync/settings",
                "{\"window\": \"soon\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).contains("window").contains("soon");

        ApiTestServer.Response nested = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/dcsync/settings",
                "{\"window\": {\"minutes\": 5}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(server.database().detectorSettings().valuesOf("dcsync")).isEmpty();
    }

    @Test
    void theAutomaticResponseIsOffByDefaultValidatedAndNeverRebuildsTheDetector() {
        JsonNode honeytoken = server.get(READER, "/api/v1/detectors/honeytoken-activity").json();
        assertThat(setting(honeytoken, "response.resetPassword").path("value").asString()).isEqualTo("off");

        ApiTestServer.Response bad = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/honeytoken-activity/settings",
                "{\"response.resetPassword\": \"sometimes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("response.resetPassword");
        assertThat(bad.json().path("detail").asString()).contains("after-approval");
        ApiTestServer.Response unknown = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/honeytoken-activity/settings",
                "{\"response.disableAccount\": \"immediately\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asString()).isEqualTo("response.disableAccount");

        ApiTestServer.Response on = server.sendJson(ADMIN, "PUT", "/api/v1/detectors/honeytoken-activity/settings",
                "{\"response.resetPassword\": \"after-approval\"}");
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(setting(on.json(), "response.resetPassword").path("value").asString()).isEqualTo("after-approval");
        assertThat(server.database().detectorSettings().valuesOf("honeytoken-activity"))
                .containsEntry("response.resetPassword", "after-approval");
        assertThat(changes).doesNotContain(new DetectorSettingsChanged("honeytoken-activity"));
    }

    @Test
    void onlyAdminsChangeSettingsAndUnknownDetectorsAre404() {
        assertThat(server.sendJson(OPERATOR, "PUT", "/api/v1/detectors/dcsync/settings", "{}").status()).isEqualTo(403);
        assertThat(server.sendJson(ADMIN, "PUT", "/api/v1/detectors/nope/settings", "{}").status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode detector) {
        return detector.path("settings").valueStream().map(s -> s.path("name").asString()).toList();
    }

    private static JsonNode setting(JsonNode detector, String name) {
        return detector.path("settings").valueStream().filter(s -> s.path("name").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
