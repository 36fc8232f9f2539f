package io.vigil.server.console.settings;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.user.Role;
import io.vigil.server.console.ConsoleBrowser;
import io.vigil.server.security.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Settings > Detectors: the list and a detector's page for every role; settings, the on/off switch and
 * honeytoken accounts changed by admins through the services the API uses, seen in the API and the audit
 * log page; readers and operators refused.
 */
class DetectorsPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/settings/detectors";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static AdLikeDirectory directory;
    static ConsoleBrowser admin;
    static ConsoleBrowser reader;
    static ConsoleBrowser operator;

    @BeforeAll
    static void start() throws Exception {
        directory = AdLikeDirectory.start();
        server = RunningServer.start(dataDir);
        server.createUser(Role.SECURITY_READER);
        server.createUser(Role.SECURITY_OPERATOR);
        server.createUser(Role.SECURITY_ADMIN);
        admin = ConsoleBrowser.signIn(server, "security-admin");
        reader = ConsoleBrowser.signIn(server, "security-reader");
        operator = ConsoleBrowser.signIn(server, "security-operator");
        HttpResponse<String> source = server.send("POST", "/api/v1/integrations/directory/sources",
                RunningServer.basic("security-admin"), """
                {"domain": "lab.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                 "baseDn": "%s", "bindDn": "%s", "password": "%s"}""".formatted(directory.port(), BASE, SYNC_DN, SYNC_PASSWORD));
        assertThat(source.statusCode()).as(source.body()).isEqualTo(201);
        String status = "/api/v1/integrations/directory/sources/" + JSON.readTree(source.body()).get("id").asLong() + "/status";
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "succeeded".equals(api(status).path("last").path("state").asString("")));
    }

    @AfterAll
    static void stop() {
        server.close();
        directory.close();
    }

    @Test
    void everyRoleSeesEveryDetectorWithItsSeverityMitreTechniquesAndState() {
        int detectors = api("/api/v1/detectors").size();
        for (ConsoleBrowser viewer : new ConsoleBrowser[] {reader, operator, admin}) {
            String page = ok(viewer.get(LIST));
            assertThat(page).contains("<title>Detectors · Vigil</title>", "Suspected Kerberos SPN exposure",
                    "T1558.003", "CredentialAccess", "Honeytoken authentication activity", "severity sev-high", ">Enabled<");
            assertThat(Pattern.compile("href=\"/settings/detectors/[a-z0-9-]+\"").matcher(page).results().count())
                    .isEqualTo(detectors);
        }
    }

    @Test
    void aReaderSeesTheSettingsWithoutControlsAndIsRefusedWhenPostingAnyway() {
        String page = ok(reader.get(LIST + "/account-enumeration"));
        assertThat(page).contains("Settings", "Threshold", "Excluded sources", "Remediation")
                .doesNotContain("Save settings", "Turn off", "/settings/detectors/account-enumeration/settings");
        String honeytokens = ok(reader.get(LIST + "/honeytoken-activity"));
        assertThat(honeytokens).contains("Honeytoken accounts").doesNotContain("Mark as honeytoken");

        for (ConsoleBrowser notAdmin : new ConsoleBrowser[] {reader, operator}) {
            assertThat(notAdmin.post(LIST + "/account-enumeration/settings", Map.of("threshold", "99")).statusCode())
                    .isEqualTo(403);
            assertThat(notAdmin.htmxPost(LIST + "/account-enumeration/enabled", Map.of("enabled", "false")).statusCode())
                    .isEqualTo(403);
            assertThat(notAdmin.post(LIST + "/honeytoken-activity/honeytokens", Map.of("account", "LAB\\carol"))
                    .statusCode()).isEqualTo(403);
        }
        assertThat(server.database().detectorSettings().valuesOf("account-enumeration")).isEmpty();
        assertThat(server.database().identityMarks().all()).noneMatch(m -> m.markedBy().equals("security-reader"));
    }

    @Test
    void aThresholdChangedOnThePageShowsInTheApiAndOnTheAuditLogPage() {
        String card = ok(admin.htmxPost(LIST + "/kerberoasting/settings", Map.of("threshold", "7", "window", "15m",
                "excludedServices", "svc_scan, svc_backup")));
        assertThat(card).startsWith("<section").contains("Settings saved", "value=\"7\"", "value=\"15m\"",
                "set by security-admin");

        JsonNode detector = api("/api/v1/detectors/kerberoasting");
        JsonNode threshold = setting(detector, "threshold");
        assertThat(threshold.path("value").asString()).isEqualTo("7");
        assertThat(threshold.path("overridden").asBoolean()).isTrue();
        assertThat(threshold.path("updatedBy").asString()).isEqualTo("security-admin");
        assertThat(setting(detector, "window").path("value").asString()).isEqualTo("15m");
        // what the form left at its default stays a default, not an override
        assertThat(server.database().detectorSettings().valuesOf("kerberoasting"))
                .containsOnlyKeys("threshold", "window", "excludedServices")
                .containsEntry("excludedServices", "svc_scan,svc_backup");

        String audit = ok(admin.get("/settings/audit?action=detector.settings.update&target=kerberoasting"));
        assertThat(audit).contains("security-admin", "kerberoasting", "excludedServices=svc_scan,svc_backup; threshold=7; window=15m", "(defaults)");
    }

    @Test
    void aBadValueComesBackInTheFormWithTheDetectorsOwnMessageAndNothingIsStored() {
        HttpResponse<String> refused = admin.htmxPost(LIST + "/dcsync/settings", Map.of("window", "soon"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith("<section").contains("soon", "notice error", "value=\"soon\"");
        assertThat(server.database().detectorSettings().valuesOf("dcsync")).isEmpty();

        HttpResponse<String> plain = admin.post(LIST + "/dcsync/settings", Map.of("window", "soon"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("<title>", "value=\"soon\"", "notice error");
    }

    @Test
    void anAdminTurnsADetectorOffKeepingItsSettingsAndOnAgain() {
        ok(admin.htmxPost(LIST + "/brute-force/settings", Map.of("attemptThreshold", "25")));
        String off = ok(admin.htmxPost(LIST + "/brute-force/enabled", Map.of("enabled", "false")));
        assertThat(off).contains("The detector is off", ">Disabled<", "Turn on");
        assertThat(api("/api/v1/detectors/brute-force").path("enabled").asBoolean()).isFalse();
        assertThat(server.database().detectorSettings().valuesOf("brute-force"))
                .containsEntry("enabled", "false").containsEntry("attemptThreshold", "25");
        assertThat(rowOf(ok(reader.get(LIST)), "brute-force")).contains(">Disabled<");

        HttpResponse<String> plain = admin.post(LIST + "/brute-force/enabled", Map.of("enabled", "true"));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(LIST + "/brute-force"));
        assertThat(ok(admin.get(LIST + "/brute-force"))).contains("The detector is on.");
        assertThat(api("/api/v1/detectors/brute-force").path("enabled").asBoolean()).isTrue();
        assertThat(server.database().detectorSettings().valuesOf("brute-force")).containsOnlyKeys("attemptThreshold");
    }

    @Test
    void anAdminMarksAndUnmarksHoneytokenAccountsByNameOrSid() {
        String added = ok(admin.htmxPost(LIST + "/honeytoken-activity/honeytokens", Map.of("account", "LAB\\bob")));
        assertThat(added).startsWith("<section").contains("lab.example\\bob is a honeytoken", "marked by security-admin");
        assertThat(api("/api/v1/identities?tag=honeytoken").path("items").valueStream()
                .map(i -> i.path("samAccountName").asString(""))).contains("bob");
        assertThat(server.database().auditLog().find(io.vigil.store.audit.AuditFilter.any()
                .withAction("identity.mark.set").withTarget("lab.example\\bob"), io.vigil.store.PageRequest.firstPage())
                .items()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("security-admin"));

        String bySid = ok(admin.htmxPost(LIST + "/honeytoken-activity/honeytokens", Map.of("account", "S-1-5-21-7-7-7-4242")));
        assertThat(bySid).contains("S-1-5-21-7-7-7-4242", "(not in a synced domain)", "lab.example\\bob");

        HttpResponse<String> unknown = admin.htmxPost(LIST + "/honeytoken-activity/honeytokens",
                Map.of("account", "LAB\\<img src=x onerror=alert(1)>"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no synced domain holds", "LAB\\&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");

        String bobSid = server.database().identityMarks().all().stream()
                .filter(m -> !m.objectSid().equals("S-1-5-21-7-7-7-4242")).findFirst().orElseThrow().objectSid();
        String removed = ok(admin.htmxPost(LIST + "/honeytoken-activity/honeytokens/" + bobSid + "/remove", Map.of()));
        assertThat(removed).contains("lab.example\\bob is no longer a honeytoken")
                .containsOnlyOnce("lab.example\\bob");
        assertThat(api("/api/v1/identities?tag=honeytoken").path("items").valueStream()
                .map(i -> i.path("samAccountName").asString(""))).doesNotContain("bob");
    }

    private static String rowOf(String list, String detectorId) {
        int start = list.indexOf("href=\"/settings/detectors/" + detectorId + "\"");
        assertThat(start).as(detectorId + " in the list").isNotNegative();
        return list.substring(start, list.indexOf("</tr>", start));
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode api(String path) {
        HttpResponse<String> response = server.send("GET", path, RunningServer.basic("security-reader"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode setting(JsonNode detector, String name) {
        return detector.path("settings").valueStream().filter(s -> s.path("name").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
