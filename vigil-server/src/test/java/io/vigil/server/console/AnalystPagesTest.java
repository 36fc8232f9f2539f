package io.vigil.server.console;

import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import io.vigil.model.audit.AuditEntry;
import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
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

/**
 * The analyst pages on a running server with stored alerts and incidents: each renders for a reader
 * without any action control, a reader's posts are refused, and an operator triages and comments.
 */
class AnalystPagesTest {

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static String incidentId;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        server.createUser(Role.SECURITY_READER);
        server.createUser(Role.SECURITY_OPERATOR);
        var alerts = server.database().alerts();
        alerts.upsert(alert("k-1", "kerberoasting", Severity.HIGH, T0, "svc_sql"));
        alerts.upsert(alert("b-1", "brute-force", Severity.MEDIUM, T0.plus(Duration.ofMinutes(10)), "svc_sql"));
        alerts.upsert(alert("b-2", "brute-force", Severity.LOW, T0.plus(Duration.ofDays(3)), "bob"));
        incidentId = server.database().incidents().group("k-1", Duration.ofHours(1)).id();
        server.database().incidents().group("b-1", Duration.ofHours(1));
        server.database().incidents().group("b-2", Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ConsoleBrowser reader() {
        return ConsoleBrowser.signIn(server, "security-reader");
    }

    private static ConsoleBrowser operator() {
        return ConsoleBrowser.signIn(server, "security-operator");
    }

    private static String page(ConsoleBrowser browser, String path) {
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void theAlertListFiltersAndLinksEachAlert() {
        ConsoleBrowser reader = reader();
        String all = page(reader, "/alerts");
        assertThat(all).contains("kerberoasting by svc_sql", "brute-force by svc_sql", "brute-force by bob",
                "href=\"/alerts/k-1\"", "1–3 of 3");
        String high = page(reader, "/alerts?severity=high");
        assertThat(high).contains("kerberoasting by svc_sql").doesNotContain("brute-force by");
        String detector = page(reader, "/alerts?detector=brute-force&entity=bob");
        assertThat(detector).contains("brute-force by bob").doesNotContain("by svc_sql");
        assertThat(reader.get("/alerts?severity=catastrophic").statusCode()).isEqualTo(400);
    }

    @Test
    void anAlertPageShowsTheStoryAndGivesAReaderNoControls() {
        String alert = page(reader(), "/alerts/k-1");
        assertThat(alert).contains("kerberoasting by svc_sql", "suspicious activity of svc_sql", "T1558.003",
                "Kerberoasting", "CONTOSO\\svc_sql", "ws-svc_sql.contoso.local", "ticket 1", "ticket 2",
                "Reset the password of svc_sql", "requestedTickets", "/incidents/" + incidentId)
                // the account entity leads to its identity page
                .containsPattern("href=\"/identities/seen-[A-Za-z0-9_-]+\"")
                .doesNotContain("/alerts/k-1/triage").doesNotContain("/alerts/k-1/comments").doesNotContain("<textarea");
        assertThat(page(operator(), "/alerts/k-1")).contains("action=\"/alerts/k-1/triage\"", "hx-post=\"/alerts/k-1/triage\"",
                "action=\"/alerts/k-1/comments\"");
        assertThat(reader().get("/alerts/no-such-alert").statusCode()).isEqualTo(404);
    }

    @Test
    void aReaderWhoPostsAnywayIsRefused() {
        ConsoleBrowser reader = reader();
        assertThat(reader.post("/alerts/k-1/triage", Map.of("status", "resolved", "classification", "false_positive",
                "assignee", "", "version", "0")).statusCode()).isEqualTo(403);
        assertThat(reader.htmxPost("/alerts/k-1/comments", Map.of("text", "mine")).statusCode()).isEqualTo(403);
        assertThat(reader.post("/incidents/" + incidentId + "/triage", Map.of("status", "closed", "classification",
                "false_positive", "assignee", "", "version", "0")).statusCode()).isEqualTo(403);
        assertThat(server.database().alerts().findById("k-1").orElseThrow().alert().status().name()).isEqualTo("NEW");
        assertThat(server.database().alerts().comments("k-1")).isEmpty();
    }

    @Test
    void anOperatorTriagesAnAlertWithHtmxAndTheChangeIsAudited() {
        ConsoleBrowser operator = operator();
        long version = server.database().alerts().findById("b-2").orElseThrow().version();
        HttpResponse<String> saved = operator.htmxPost("/alerts/b-2/triage", Map.of("status", "in_progress",
                "classification", "true_positive", "assignee", "security-operator", "version", Long.toString(version)));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"triage\"", "Saved.").doesNotContain("<html");
        var stored = server.database().alerts().findById("b-2").orElseThrow();
        assertThat(stored.alert().status().name()).isEqualTo("IN_PROGRESS");
        assertThat(stored.assignee()).isEqualTo("security-operator");
        List<AuditEntry> audit = server.database().auditLog().find(AuditFilter.any().withAction("alert.triage")
                .withActor("security-operator"), PageRequest.of(0, 10)).items();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("alert b-2");
            assertThat(e.details()).containsEntry("status", "NEW -> IN_PROGRESS");
        });

        // the same form again, from a page that showed the old version: refused, the current state shown
        HttpResponse<String> stale = operator.htmxPost("/alerts/b-2/triage", Map.of("status", "resolved",
                "classification", "false_positive", "assignee", "", "version", Long.toString(version)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this since you opened it");
        assertThat(server.database().alerts().findById("b-2").orElseThrow().alert().status().name()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anOperatorCommentsWithoutJavaScriptAndIsRedirectedBack() {
        HttpResponse<String> posted = operator().post("/alerts/b-1/comments", Map.of("text", "Checked the host; looks real."));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/alerts/b-1#comments"));
        assertThat(page(reader(), "/alerts/b-1")).contains("Checked the host; looks real.", "security-operator");
        assertThat(operator().htmxPost("/alerts/b-1/comments", Map.of("text", "  ")).statusCode()).isEqualTo(400);
    }

    @Test
    void theIncidentPagesTellTheStoryOnATimelineWithAGraph() {
        ConsoleBrowser reader = reader();
        String list = page(reader, "/incidents");
        assertThat(list).contains("href=\"/incidents/" + incidentId + "\"", "kerberoasting by svc_sql involving CONTOSO\\svc_sql");
        assertThat(page(reader, "/incidents?status=closed")).contains("No incident matches");

        String incident = page(reader, "/incidents/" + incidentId);
        assertThat(incident).contains("Attack timeline", "kerberoasting by svc_sql", "brute-force by svc_sql",
                "ticket 1", "<svg class=\"graph\"", "ws-svc_sql.contoso.local", "10.0.0.7")
                .doesNotContain("/triage\"");
        // alerts and their evidence in time order: the kerberoasting alert, its two tickets, then the brute force
        assertThat(order(incident, "kerberoasting by svc_sql</strong>", "ticket 1", "ticket 2", "brute-force by svc_sql</strong>"))
                .isTrue();
        // the graph draws an edge from the account to each host and address
        assertThat(count(incident, "class=\"edge\"")).isEqualTo(2);
    }

    @Test
    void anOperatorMovesAnIncidentThroughItsWorkflow() {
        ConsoleBrowser operator = operator();
        String page = page(operator, "/incidents/" + incidentId);
        assertThat(page).contains("hx-post=\"/incidents/" + incidentId + "/triage\"", "value=\"active\"", "value=\"closed\"");
        long version = server.database().incidents().findById(incidentId).orElseThrow().version();
        HttpResponse<String> active = operator.post("/incidents/" + incidentId + "/triage", Map.of("status", "active",
                "classification", "undetermined", "assignee", "security-operator", "version", Long.toString(version)));
        assertThat(active.statusCode()).isEqualTo(302);
        assertThat(server.database().incidents().findById(incidentId).orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("incident.triage"), PageRequest.of(0, 5))
                .items()).anySatisfy(e -> assertThat(e.details()).containsEntry("status", "NEW -> ACTIVE"));
    }

    @Test
    void theIdentityListSearchesFiltersAndSortsTheAccountsAlertsName() {
        ConsoleBrowser reader = reader();
        String all = page(reader, "/identities");
        assertThat(all).contains(">svc_sql<", ">bob<", "Not in the synced directory", "1–2 of 2");
        assertThat(page(reader, "/identities?search=SVC")).contains(">svc_sql<").doesNotContain(">bob<");
        // svc_sql's worst open alert is high, bob's is low
        assertThat(page(reader, "/identities?risk=high")).contains(">svc_sql<").doesNotContain(">bob<");
        String byName = page(reader, "/identities?sort=name");
        assertThat(byName.indexOf(">bob<")).isLessThan(byName.indexOf(">svc_sql<"));
        String byAlerts = page(reader, "/identities?sort=alert_count");
        assertThat(byAlerts.indexOf(">svc_sql<")).isLessThan(byAlerts.indexOf(">bob<"));
        assertThat(reader.get("/identities?risk=extreme").statusCode()).isEqualTo(400);
    }

    @Test
    void anIdentityPageShowsItsActivityAlertsAndIncidentsAndAReaderNoActions() {
        ConsoleBrowser reader = reader();
        Matcher link = Pattern.compile("href=\"(/identities/seen-[A-Za-z0-9_-]+)\">svc_sql<").matcher(page(reader, "/identities"));
        assertThat(link.find()).isTrue();
        String identity = page(reader, link.group(1));
        assertThat(identity).contains("svc_sql", "Recent activity", "Kerberos service ticket request", "ticket 1",
                "kerberoasting by svc_sql", "brute-force by svc_sql", "/incidents/" + incidentId, "ws-svc_sql.contoso.local")
                .doesNotContain("class=\"menu\"").doesNotContain("/marks").doesNotContain("/password-resets");
    }

    @Test
    void theOverviewChartsAlertsCountsOpenIncidentsAndRanksTheAttackedIdentities() {
        String overview = page(reader(), "/");
        assertThat(overview).contains("Alerts over time", "3 alerts started", "class=\"bar-high\"", "class=\"bar-medium\"",
                "class=\"bar-low\"", "(the days of the latest alert)", "Top attacked identities", "Ingest health",
                "href=\"/incidents?severity=high&amp;status=open\"", "No events received since the server started");
        // svc_sql has two alerts, bob one
        assertThat(overview.indexOf(">svc_sql<")).isPositive().isLessThan(overview.indexOf(">bob<"));
        assertThat(overview).contains("2 alerts<", "1 alert<");
        // one open incident is high (kerberoasting and brute force of svc_sql), one low (bob)
        assertThat(openIncidents(overview, "high")).isEqualTo(1);
        assertThat(openIncidents(overview, "low")).isEqualTo(1);
        assertThat(openIncidents(overview, "medium")).isZero();
    }

    private static long openIncidents(String overview, String severity) {
        Matcher m = Pattern.compile("severity=" + severity + "&amp;status=open\">\\s*<div class=\"value\">(\\d+)</div>")
                .matcher(overview);
        assertThat(m.find()).as(severity + " tile").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static boolean order(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return true;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
