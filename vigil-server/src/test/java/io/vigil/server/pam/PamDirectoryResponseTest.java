package io.vigil.server.pam;

import static io.vigil.server.pam.PamLab.JSON;
import static io.vigil.server.pam.PamLab.alerts;
import static io.vigil.server.pam.PamLab.identity;
import static io.vigil.server.pam.PamLab.ingest;
import static io.vigil.server.pam.PamLab.json;
import static io.vigil.server.pam.PamLab.logon;
import static io.vigil.server.pam.PamLab.rc4ServiceTicket;
import static io.vigil.server.pam.PamLab.replication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.alert.Alert;
import io.vigil.model.audit.AuditEntry;
import io.vigil.model.user.Role;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.core.SeedAccount;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Password resets with the directory synced: targets resolved to directory identities by any key they
 * answer to, the automatic response to high-severity alerts (at once, or after an administrator's
 * approval or rejection), and the resets shown on the identity, the alert and the incident.
 */
class PamDirectoryResponseTest {

    private static final String AUTOMATIC = "system (automatic response)";

    @TempDir
    static Path dataDir;

    static AdLikeDirectory directory;
    static CyberArkSimulator cyberArk;
    static RunningServer server;
    static String adminName;
    static String admin;
    static String reader;
    static String connection;

    @BeforeAll
    static void start() throws Exception {
        directory = AdLikeDirectory.start();
        cyberArk = CyberArkSimulator.start(SimulatorOptions.defaults().withSessions(List.of()).withAccounts(List.of(
                SeedAccount.domain("svc_sql", "LAB", "lab.example"), SeedAccount.domain("alice", "LAB", "lab.example"),
                SeedAccount.domain("bob", "LAB", "lab.example"), SeedAccount.domain("carol", "LAB", "lab.example"))));
        server = RunningServer.start(dataDir);
        adminName = server.createUser(Role.SECURITY_ADMIN);
        admin = RunningServer.basic(adminName);
        reader = RunningServer.basic(server.createUser(Role.SECURITY_READER));
        PamLab.syncDirectory(server, admin, directory);
        connection = PamLab.connect(server, admin, cyberArk, List.of("10.0.0.5"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        cyberArk.close();
        directory.close();
    }

    @Test
    void aResetTargetIsResolvedThroughTheDirectoryByAnyKeyAndShowsOnTheIdentity() {
        JsonNode carol = identity(server, reader, "carol");
        String id = carol.get("id").asString();
        JsonNode detail = json(server.send("GET", "/api/v1/identities/" + id, reader, null));
        assertThat(detail.get("responseActions").get(0).asString()).isEqualTo("Reset password by CyberArk");

        List<String> targets = List.of("carol@lab.example", detail.path("profile").path("distinguishedName").asString(),
                carol.get("sid").asString(), "lab.example\\carol");
        for (String target : targets) {
            HttpResponse<String> asked = reset(admin, "{\"target\":" + JSON.writeValueAsString(target)
                    + ",\"reason\":\"suspected theft\"}", "carol-" + target.hashCode());
            assertThat(asked.statusCode()).as(target + ": " + asked.body()).isEqualTo(202);
            JsonNode reset = JSON.readTree(asked.body());
            assertThat(reset.get("identityId").asString()).isEqualTo(id);
            assertThat(reset.get("connectionId").asString()).isEqualTo(connection);
            assertThat(reset.get("automatic").asBoolean()).isFalse();
        }

        JsonNode after = json(server.send("GET", "/api/v1/identities/" + id, reader, null));
        assertThat(after.get("passwordResets")).hasSize(targets.size());
        assertThat(after.get("passwordResets").get(0).get("action").asString()).isEqualTo("Reset password by CyberArk");

        HttpResponse<String> unknown = reset(admin, "{\"target\":\"LAB\\\\nobody\",\"reason\":\"because\"}", "nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("directory inventory").contains("LAB\\\\nobody");
    }

    @Test
    void aDcSyncAlertResetsTheManagedAccountAtOnceOnlyOnceWithEveryAutomaticStepAudited() throws Exception {
        setResponse("dcsync", "immediately");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ingest(server, replication(now, "svc_sql"));

        Alert alert = await().atMost(Duration.ofSeconds(60)).until(() -> alerts(server, "dcsync"), a -> !a.isEmpty()).get(0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(resetsOfAlert(alert.id()))
                .singleElement().satisfies(r -> assertThat(r.get("state").asString()).isEqualTo("succeeded")));

        ingest(server, replication(now.plusSeconds(5), "svc_sql"));
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(server, "dcsync").get(0).evidenceCount() == 2);
        // a server started afresh has nothing in memory: only the stored request keeps it from asking again
        new AutomaticResponse(server.database(), server.context().getBean(DirectoryInventory.class),
                server.context().getBean(PasswordResets.class), server.context().getBean(AuditTrail.class))
                .respond(alerts(server, "dcsync").get(0));
        Thread.sleep(1_000);

        JsonNode reset = resetsOfAlert(alert.id()).get(0);
        assertThat(resetsOfAlert(alert.id())).hasSize(1);
        assertThat(reset.get("target").asString()).isEqualTo("LAB\\svc_sql");
        assertThat(reset.get("requestedBy").asString()).isEqualTo(AUTOMATIC);
        assertThat(reset.get("automatic").asBoolean()).isTrue();
        assertThat(changeRequests("svc_sql")).isEqualTo(1);
        assertThat(audited("LAB\\svc_sql")).extracting(AuditEntry::action)
                .contains("pam.reset.request", "pam.reset.submit", "pam.reset.succeeded");
        assertThat(audited("LAB\\svc_sql")).allSatisfy(e -> assertThat(e.actor()).isEqualTo(AUTOMATIC));

        JsonNode alertView = json(server.send("GET", "/api/v1/alerts/" + alert.id(), reader, null));
        String incident = alertView.get("incidentId").asString();
        JsonNode incidentView = json(server.send("GET", "/api/v1/incidents/" + incident, reader, null));
        assertThat(ids(incidentView.get("passwordResets"))).contains(reset.get("id").asString());
    }

    @Test
    void aResetWaitingForApprovalGoesToTheVaultOnlyOnceAnAdministratorApprovesIt() throws Exception {
        setResponse("kerberoasting", "after-approval", "\"threshold\": 1");
        ingest(server, rc4ServiceTicket(Instant.now().truncatedTo(ChronoUnit.SECONDS), "mallory", "bob", "10.9.9.9"));

        JsonNode waiting = awaitResetOf("kerberoasting", "LAB\\bob");
        assertThat(waiting.get("state").asString()).isEqualTo("awaiting_approval");
        Thread.sleep(1_000);
        assertThat(changeRequests("bob")).isZero();
        String id = waiting.get("id").asString();

        assertThat(decide(reader, id, "approve").statusCode()).isEqualTo(403);
        HttpResponse<String> approved = decide(admin, id, "approve");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("decidedBy").asString()).isEqualTo(adminName);
        assertThat(decide(admin, id, "approve").statusCode()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(server.send("GET",
                "/api/v1/response/password-resets/" + id, reader, null)).get("state").asString()).isEqualTo("succeeded"));
        assertThat(changeRequests("bob")).isEqualTo(1);
        AuditEntry approval = audited("LAB\\bob").stream().filter(e -> e.action().equals("pam.reset.approve"))
                .findFirst().orElseThrow();
        assertThat(approval.actor()).isEqualTo(adminName);
        assertThat(approval.details()).containsEntry("comment", "confirmed with the SOC lead");
    }

    @Test
    void aRejectedResetNeverReachesTheVault() throws Exception {
        setResponse("outside-pam-session", "after-approval");
        Instant signIn = Instant.now().minus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ingest(server, logon(signIn, "alice", "WS17", "10.0.0.44"));
        // the first sign-in asks for alice's checkouts; once they are read, the next is judged as it arrives
        await().atMost(Duration.ofSeconds(90))
                .until(() -> PamLab.checkoutsRead(server, "alice", signIn, signIn.plusSeconds(10)));
        ingest(server, logon(signIn.plusSeconds(10), "alice", "WS17", "10.0.0.44"));

        JsonNode waiting = awaitResetOf("outside-pam-session", "LAB\\alice");
        HttpResponse<String> rejected = decide(admin, waiting.get("id").asString(), "reject");

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(JSON.readTree(rejected.body()).get("state").asString()).isEqualTo("rejected");
        Thread.sleep(2_000);
        assertThat(changeRequests("alice")).isZero();
        assertThat(audited("LAB\\alice")).filteredOn(e -> e.action().equals("pam.reset.reject"))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(adminName));
    }

    private static void setResponse(String detector, String mode, String... more) {
        String body = "{\"response.resetPassword\": \"" + mode + "\"" + (more.length == 0 ? "" : ", " + String.join(", ", more))
                + "}";
        JsonNode view = json(server.send("PUT", "/api/v1/detectors/" + detector + "/settings", admin, body));
        JsonNode setting = StreamSupport.stream(view.get("settings").spliterator(), false)
                .filter(s -> s.get("name").asString().equals("response.resetPassword")).findFirst().orElseThrow();
        assertThat(setting.get("value").asString()).isEqualTo(mode);
        assertThat(setting.get("defaultValue").asString()).isEqualTo("off");
    }

    /** The one reset the automatic response started for this account from the detector's alert. */
    private static JsonNode awaitResetOf(String detector, String target) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> alerts(server, detector).stream()
                .flatMap(a -> StreamSupport.stream(resetsOfAlert(a.id()).spliterator(), false))
                .filter(r -> r.get("target").asString().equals(target)).findFirst().orElse(null),
                r -> r != null);
    }

    private static JsonNode resetsOfAlert(String alertId) {
        return json(server.send("GET", "/api/v1/alerts/" + alertId, reader, null)).get("passwordResets");
    }

    private static HttpResponse<String> decide(String authorization, String id, String decision) {
        return server.send("POST", "/api/v1/response/password-resets/" + id + "/" + decision, authorization,
                "{\"comment\": \"confirmed with the SOC lead\"}");
    }

    private static HttpResponse<String> reset(String authorization, String body, String key) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/response/password-resets")))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static long changeRequests(String userName) {
        String id = cyberArk.accountId(cyberArk.vault().byUserName(userName).orElseThrow());
        return cyberArk.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/Accounts/" + id + "/Change")).count();
    }

    private static List<AuditEntry> audited(String target) {
        return server.database().auditLog().find(AuditFilter.any().withTarget(target), PageRequest.of(0, 100)).items();
    }

    private static List<String> ids(JsonNode resets) {
        return StreamSupport.stream(resets.spliterator(), false).map(r -> r.get("id").asString()).toList();
    }
}
