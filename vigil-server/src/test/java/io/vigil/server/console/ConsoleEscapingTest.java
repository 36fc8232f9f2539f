package io.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.store.PageRequest;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.StoredAlert;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event fields are attacker-controlled. A replication request (DCSync) whose account, domain, host and
 * object names carry markup is ingested through the API like any event; the alert, incident and
 * identity it produces, and a comment carrying markup, appear on every console page only escaped.
 */
class ConsoleEscapingTest {

    private static final String NAME = "<script>alert('name')</script>";
    private static final String DOMAIN = "EVIL\"><img src=x onerror=alert(1)>";
    private static final String HOST = "dc01<svg onload=alert(2)>";
    private static final String OBJECT = "<iframe src=javascript:alert(3)>";
    private static final String COMMENT = "</textarea><script>alert('comment')</script>";
    private static final List<String> RAW = List.of("<script>alert", "<img src=x", "<svg onload", "<iframe",
            "</textarea><script>");
    /**
     * An element with an event handler attribute (an attribute whose name starts with "on", after any
     * number of quoted attributes): what an injected tag or a broken-out attribute would need to run.
     */
    private static final String HANDLER =
            "<[a-zA-Z][\\w-]*(?:\\s+[\\w:-]+(?:=\"[^\"]*\"|='[^']*'|=[^\\s\"'>]+)?)*\\s+on[a-z]+\\s*=";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static StoredAlert alert;

    @BeforeAll
    static void ingestAHostileEvent() {
        server = RunningServer.start(dataDir);
        String sender = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
        server.createUser(Role.SECURITY_OPERATOR);
        Map<String, Object> event = Map.ofEntries(
                Map.entry("EventID", 4662), Map.entry("Channel", "Security"),
                Map.entry("SourceName", "Microsoft-Windows-Security-Auditing"),
                Map.entry("ProviderGuid", "{54849625-5478-4994-A5BA-3E3B0328C30D}"),
                Map.entry("Hostname", HOST), Map.entry("RecordNumber", 4242),
                Map.entry("@timestamp", "2026-03-02T09:00:00.000Z"), Map.entry("EventTime", "2026-03-02 09:00:00"),
                Map.entry("SubjectUserSid", "S-1-5-21-1-2-3-1104"), Map.entry("SubjectUserName", NAME),
                Map.entry("SubjectDomainName", DOMAIN), Map.entry("SubjectLogonId", "0x824909"),
                Map.entry("ObjectServer", "DS"), Map.entry("ObjectType", "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}"),
                Map.entry("ObjectName", OBJECT), Map.entry("OperationType", "Object Access"),
                Map.entry("AccessMask", "0x100"),
                Map.entry("Properties", "%%7688\r\n\t\t{1131f6aa-9c07-11d1-f79f-00c04fc2dcd2}\r\n"));
        HttpResponse<String> sent = server.send("POST", "/api/v1/events", sender, "application/x-ndjson",
                JsonMapper.builder().build().writeValueAsString(event));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !server.database().alerts()
                .find(AlertFilter.any().withTypes("dcsync"), PageRequest.firstPage()).items().isEmpty());
        alert = server.database().alerts().find(AlertFilter.any().withTypes("dcsync"), PageRequest.firstPage()).items().get(0);
        HttpResponse<String> commented = ConsoleBrowser.signIn(server, "security-operator")
                .post("/alerts/" + alert.id() + "/comments", Map.of("text", COMMENT));
        assertThat(commented.statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHostileValuesReallyReachedTheAlert() {
        assertThat(alert.alert().compromisedEntity()).contains(NAME);
        assertThat(alert.alert().description()).contains(NAME);
        assertThat(alert.alert().entities()).anySatisfy(e -> assertThat(e.label()).contains(DOMAIN));
    }

    @Test
    void everyPageShowsThemOnlyEscaped() {
        ConsoleBrowser operator = ConsoleBrowser.signIn(server, "security-operator");
        String alertPage = page(operator, "/alerts/" + alert.id());
        String incident = server.database().incidents().findByAlert(alert.id()).orElseThrow().id();
        String identity = find(Pattern.compile("href=\"(/identities/seen-[A-Za-z0-9_-]+)\""), alertPage);
        for (String path : List.of("/", "/alerts", "/alerts/" + alert.id(), "/incidents", "/incidents/" + incident,
                "/identities", identity, "/identities?search=" + encode(NAME), "/alerts?entity=" + encode(DOMAIN))) {
            String page = page(operator, path);
            assertThat(page).as(path).doesNotContain(RAW.toArray(String[]::new)).doesNotContainPattern(HANDLER);
        }
        // shown, but as text
        assertThat(alertPage).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;",
                "EVIL&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;/textarea&gt;&lt;script&gt;alert(&#39;comment&#39;)");
        assertThat(page(operator, identity)).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;");
        assertThat(page(operator, "/incidents/" + incident)).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;");
    }

    @Test
    void htmxFragmentsEscapeToo() {
        ConsoleBrowser operator = ConsoleBrowser.signIn(server, "security-operator");
        HttpResponse<String> comments = operator.htmxPost("/alerts/" + alert.id() + "/comments", Map.of("text", COMMENT));
        assertThat(comments.statusCode()).isEqualTo(200);
        assertThat(comments.body()).contains("&lt;/textarea&gt;").doesNotContain(RAW.toArray(String[]::new))
                .doesNotContainPattern(HANDLER);
        HttpResponse<String> triage = operator.htmxPost("/alerts/" + alert.id() + "/triage", Map.of("status", "new",
                "classification", "undetermined", "assignee", NAME, "version", "0"));
        assertThat(triage.statusCode()).isIn(200, 409);
        assertThat(triage.body()).contains("&lt;script&gt;").doesNotContain(RAW.toArray(String[]::new))
                .doesNotContainPattern(HANDLER);
    }

    private static String page(ConsoleBrowser browser, String path) {
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern.toString()).isTrue();
        return m.group(1);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
