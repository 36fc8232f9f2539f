package io.vigil.server.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.server.console.ConsoleBrowser;
import io.vigil.server.security.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log page: readable by the roles the audit API serves, newest first, paged in the database,
 * filtered by actor, action, outcome and time, and attacker-chosen names shown as text.
 */
class AuditLogPageTest {

    private static final String PAGE = "/settings/audit";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static ConsoleBrowser admin;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        for (Role role : Role.values()) {
            server.createUser(role);
        }
        admin = ConsoleBrowser.signIn(server, "security-admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void securityAdminsAndUpReadItAsTheAuditApiAllowsAndOthersAreRefused() {
        assertThat(ConsoleBrowser.signIn(server, "security-reader").get(PAGE).statusCode()).isEqualTo(403);
        assertThat(ConsoleBrowser.signIn(server, "security-operator").get(PAGE).statusCode()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/audit", RunningServer.basic("security-operator"), null).statusCode())
                .isEqualTo(403);
        assertThat(ConsoleBrowser.signIn(server, "global-admin").get(PAGE).statusCode()).isEqualTo(200);
        assertThat(admin.get(PAGE).body()).contains("<title>Audit log · Vigil</title>", "name=\"actor\"",
                "name=\"action\"", "type=\"datetime-local\" name=\"from\"");
    }

    @Test
    void entriesAreListedNewestFirstAndPagedWithTheFiltersKept() {
        for (int i = 1; i <= 55; i++) {
            append("pager-bot", "pager.step", "step-" + i, AuditOutcome.SUCCESS, null);
        }
        String first = ok(admin.get(PAGE + "?actor=pager-bot"));
        assertThat(first).contains("1–50 of 55", ">step-55<", ">step-6<").doesNotContain(">step-5<");
        assertThat(first.indexOf(">step-55<")).isLessThan(first.indexOf(">step-54<"));
        assertThat(first).contains("href=\"/settings/audit?actor=pager-bot&amp;offset=50\"");

        String second = ok(admin.get(PAGE + "?actor=pager-bot&offset=50"));
        assertThat(second).contains("51–55 of 55", ">step-5<", ">step-1<").doesNotContain(">step-6<");
    }

    @Test
    void filtersNarrowByActionOutcomeAndTimeInUtc() {
        append("time-bot", "window.check", "early", AuditOutcome.SUCCESS, Instant.parse("2026-01-01T10:00:00Z"));
        append("time-bot", "window.check", "late", AuditOutcome.FAILURE, Instant.parse("2026-01-02T10:00:00Z"));
        append("time-bot", "other.action", "elsewhere", AuditOutcome.SUCCESS, Instant.parse("2026-01-02T11:00:00Z"));

        String byAction = ok(admin.get(PAGE + "?action=window.check"));
        assertThat(byAction).contains(">early<", ">late<").doesNotContain(">elsewhere<");

        String byTime = ok(admin.get(PAGE + "?actor=time-bot&from=2026-01-02T00:00&to=2026-01-02T10:30"));
        assertThat(byTime).contains(">late<", "2026-01-02 10:00:00 UTC", "value=\"2026-01-02T00:00\"")
                .doesNotContain(">early<", ">elsewhere<");

        String failures = ok(admin.get(PAGE + "?actor=time-bot&outcome=failure"));
        assertThat(failures).contains(">late<", "st-failure").doesNotContain(">early<");

        HttpResponse<String> badTime = admin.get(PAGE + "?from=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("is not a date and time such as", "value=\"yesterday\"");
    }

    @Test
    void actualChangesAndNamesAnAttackerChoseAreShownAsText() {
        String evil = "<img src=x onerror=alert(1)>";
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.basic(evil, "wrong"), null).statusCode())
                .isEqualTo(401);
        append("<script>alert('actor')</script>", "probe", "<b>target</b>", AuditOutcome.DENIED, null);

        String page = ok(admin.get(PAGE));
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;actor&#39;)&lt;/script&gt;",
                "&lt;b&gt;target&lt;/b&gt;", "user.sign-in", "unknown user")
                .doesNotContain(evil, "<script>alert(", "<b>target</b>");
    }

    private static void append(String actor, String action, String target, AuditOutcome outcome, Instant at) {
        server.database().auditLog().append(new AuditEntry(null, at, actor, action, target, outcome, Map.of(), null));
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
