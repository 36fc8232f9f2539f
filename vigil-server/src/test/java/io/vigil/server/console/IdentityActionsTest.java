package io.vigil.server.console;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.user.Role;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.core.SeedAccount;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import io.vigil.store.pam.PasswordReset;
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
 * The identity page's ⋯ menu against a synced directory and the CyberArk simulator: an admin resets a
 * vault-managed account's password and watches the state reach "succeeded" through htmx polling, a
 * double submission resets once, readers and operators see no action and are refused, admins mark
 * and unmark.
 */
class IdentityActionsTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" id=\"reset-key-[^\"]+\" value=\"([^\"]+)\"");
    private static final Pattern RESET_ID = Pattern.compile("id=\"reset-([^\"]+)\"");
    private static final String TARGET = "LAB\\svc_sql";

    @TempDir
    static Path dataDir;

    static AdLikeDirectory directory;
    static CyberArkSimulator cyberArk;
    /** A second vault whose changes never finish, for a reset that stays in progress. */
    static CyberArkSimulator slowVault;
    static RunningServer server;
    static String svcSql;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        SimulatorOptions vault = SimulatorOptions.defaults().withAccounts(List.of(SeedAccount.domain("svc_sql", "LAB", "lab.example")));
        directory = AdLikeDirectory.start();
        cyberArk = CyberArkSimulator.start(vault);
        slowVault = CyberArkSimulator.start(SimulatorOptions.defaults()
                .withAccounts(List.of(SeedAccount.domain("bob", "LAB", "lab.example"))).withPollsUntilChangeCompletes(1_000_000));
        server = RunningServer.start(dataDir);
        String admin = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
        server.createUser(Role.SECURITY_OPERATOR);
        server.createUser(Role.SECURITY_READER);
        ok(server.send("POST", "/api/v1/integrations/directory/sources", admin, """
                {"domain": "LAB.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                 "baseDn": "%s", "bindDn": "%s", "password": "%s"}"""
                .formatted(directory.port(), BASE, SYNC_DN, SYNC_PASSWORD)));
        await().atMost(Duration.ofSeconds(60)).until(() -> guidOf("svc_sql") != null && guidOf("alice") != null);
        connectAndSync(admin, "pvwa", cyberArk, vault);
        connectAndSync(admin, "slow pvwa", slowVault, vault);
        svcSql = guidOf("svc_sql");
        alice = guidOf("alice");
        bob = guidOf("bob");
    }

    private static void connectAndSync(String admin, String name, CyberArkSimulator vault, SimulatorOptions credentials) {
        String connection = ok(server.send("POST", "/api/v1/integrations/pam/connections", admin,
                "{\"name\":\"" + name + "\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + vault.url()
                        + "\",\"user\":\"" + credentials.userName() + "\",\"secret\":\"" + credentials.password() + "\"}"))
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        ok(server.send("POST", "/api/v1/integrations/pam/connections/" + connection + "/sync", admin, null));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        slowVault.close();
        cyberArk.close();
        directory.close();
    }

    private static String guidOf(String sam) {
        return server.context().getBean(DirectoryInventory.class).current().identities().stream()
                .map(TaggedIdentity::identity).filter(i -> sam.equalsIgnoreCase(i.samAccountName()))
                .map(i -> i.objectGuid().toString()).findFirst().orElse(null);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String page(ConsoleBrowser browser, String path) {
        return ok(browser.get(path));
    }

    private static Map<String, String> resetForm(String key) {
        return Map.of("vendor", "cyberark", "reason", "DCSync by svc_sql", "idempotencyKey", key);
    }

    @Test
    void anAdminResetsTheVaultManagedPasswordOnceAndWatchesItSucceed() {
        ConsoleBrowser admin = ConsoleBrowser.signIn(server, "security-admin");
        String identity = page(admin, "/identities/" + svcSql);
        assertThat(identity).contains("Managed by CyberArk", "Reset password by CyberArk", "name=\"reason\"");
        Matcher key = KEY.matcher(identity);
        assertThat(key.find()).as("the form's idempotency key").isTrue();

        HttpResponse<String> first = admin.htmxPost("/identities/" + svcSql + "/password-resets", resetForm(key.group(1)));
        HttpResponse<String> doubleClick = admin.htmxPost("/identities/" + svcSql + "/password-resets", resetForm(key.group(1)));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(doubleClick.statusCode()).isEqualTo(200);
        String resetId = match(RESET_ID, first.body());
        assertThat(match(RESET_ID, doubleClick.body())).isEqualTo(resetId);
        assertThat(first.body()).contains("Reset password by CyberArk", "DCSync by svc_sql", "hx-swap-oob=\"true\"")
                .doesNotContain("value=\"" + key.group(1) + "\"");
        assertThat(server.database().passwordResets().find(TARGET, PageRequest.firstPage()).items()).hasSize(1);

        String state = "/identities/" + svcSql + "/password-resets/" + resetId;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ok(admin.htmxGet(state))).contains("st-succeeded"));
        // final: the fragment no longer asks to be polled
        assertThat(ok(admin.htmxGet(state))).doesNotContain("hx-trigger").doesNotContain("hx-get");
        assertThat(cyberArk.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().toLowerCase().endsWith("/change")).count()).isEqualTo(1);
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("pam.reset.request"),
                PageRequest.firstPage()).items()).singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("security-admin");
                    assertThat(e.target()).isEqualTo(TARGET);
                });
        assertThat(page(admin, "/identities/" + svcSql)).contains("id=\"reset-" + resetId + "\"", "Succeeded");
    }

    @Test
    void whileAResetRunsItsStatePollsItself() {
        ConsoleBrowser admin = ConsoleBrowser.signIn(server, "security-admin");
        String identity = page(admin, "/identities/" + bob);
        String key = match(KEY, identity);
        String submitted = ok(admin.htmxPost("/identities/" + bob + "/password-resets",
                Map.of("vendor", "cyberark", "reason", "bob's session looked hijacked", "idempotencyKey", key)));
        String resetId = match(RESET_ID, submitted);
        String poll = "hx-get=\"/identities/" + bob + "/password-resets/" + resetId + "\"";
        assertThat(submitted).contains(poll, "hx-trigger=\"every 2s\"", "bob&#39;s session looked hijacked");

        // the vault has not finished: every answer asks to be polled again, and says where it stands
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ok(admin.htmxGet("/identities/" + bob + "/password-resets/" + resetId))).containsAnyOf("st-submitted", "st-in_progress"));
        assertThat(ok(admin.htmxGet("/identities/" + bob + "/password-resets/" + resetId)))
                .contains(poll, "hx-trigger=\"every 2s\"", "updating…");
        assertThat(page(admin, "/identities/" + bob)).contains(poll);
    }

    @Test
    void readersAndOperatorsSeeNoActionsAndAreRefused() {
        for (String user : List.of("security-reader", "security-operator")) {
            ConsoleBrowser browser = ConsoleBrowser.signIn(server, user);
            String identity = page(browser, "/identities/" + svcSql);
            // they may see resets others asked for, never the form that asks
            assertThat(identity).as(user).contains("Managed by CyberArk")
                    .doesNotContain("action=\"/identities/" + svcSql + "/password-resets\"").doesNotContain("name=\"reason\"")
                    .doesNotContain("class=\"menu\"").doesNotContain("Mark as honeytoken");
            assertThat(browser.htmxPost("/identities/" + svcSql + "/password-resets", resetForm("refused-" + user))
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(browser.post("/identities/" + alice + "/marks", Map.of("mark", "honeytoken", "set", "true"))
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(server.database().passwordResets().findByKey("refused-security-reader")).isEmpty();
        assertThat(server.database().passwordResets().findByKey("refused-security-operator")).isEmpty();
        assertThat(server.database().identityMarks().forSid(sidOf("alice"))).isEmpty();
    }

    @Test
    void aResetNeedsTheCsrfTokenAndAReason() {
        ConsoleBrowser admin = ConsoleBrowser.signIn(server, "security-admin");
        assertThat(admin.postWithoutCsrf("/identities/" + svcSql + "/password-resets", resetForm("no-csrf")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> noReason = admin.htmxPost("/identities/" + svcSql + "/password-resets",
                Map.of("vendor", "cyberark", "reason", " ", "idempotencyKey", "no-reason"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(server.database().passwordResets().findByKey("no-csrf")).isEmpty();
        assertThat(server.database().passwordResets().findByKey("no-reason")).isEmpty();
        // alice is in the directory but no vault manages her: no action offered, none accepted
        assertThat(page(admin, "/identities/" + alice)).doesNotContain("Reset password by");
        assertThat(admin.htmxPost("/identities/" + alice + "/password-resets", resetForm("alice")).statusCode()).isEqualTo(400);
    }

    @Test
    void anAdminMarksAndUnmarksAHoneytokenFromTheMenu() {
        ConsoleBrowser admin = ConsoleBrowser.signIn(server, "security-admin");
        assertThat(page(admin, "/identities/" + alice)).contains("Mark as honeytoken", "Mark as sensitive");

        HttpResponse<String> marked = admin.post("/identities/" + alice + "/marks", Map.of("mark", "honeytoken", "set", "true"));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(marked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/identities/" + alice));
        assertThat(page(admin, "/identities/" + alice)).contains("Unmark honeytoken", "tag-honeytoken");
        assertThat(page(admin, "/identities?tag=honeytoken")).contains(">alice<").doesNotContain(">svc_sql<");

        admin.post("/identities/" + alice + "/marks", Map.of("mark", "honeytoken", "set", "false"));
        assertThat(page(admin, "/identities/" + alice)).contains("Mark as honeytoken").doesNotContain("tag-honeytoken");
        assertThat(server.database().auditLog().find(AuditFilter.any().withActor("security-admin"), PageRequest.of(0, 50))
                .items()).extracting(e -> e.action()).contains("identity.mark.set", "identity.mark.remove");
        assertThat(admin.post("/identities/" + alice + "/marks", Map.of("mark", "kerberoastable", "set", "true"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anAdminApprovesOrRejectsAResetThatAwaitsApproval() {
        String awaiting = awaitingApproval("approve-me");
        String other = awaitingApproval("reject-me");
        String decide = "/identities/" + bob + "/password-resets/";
        for (String user : List.of("security-reader", "security-operator")) {
            ConsoleBrowser browser = ConsoleBrowser.signIn(server, user);
            assertThat(page(browser, "/identities/" + bob)).as(user).contains("st-awaiting_approval")
                    .doesNotContain("Approve the reset");
            assertThat(browser.htmxPost(decide + awaiting + "/approve", Map.of()).statusCode()).as(user).isEqualTo(403);
        }
        ConsoleBrowser admin = ConsoleBrowser.signIn(server, "security-admin");
        assertThat(page(admin, "/identities/" + bob)).contains("Approve the reset", "action=\"" + decide + awaiting + "/approve\"");

        String rejected = ok(admin.htmxPost(decide + other + "/reject", Map.of("comment", "a planned change")));
        assertThat(rejected).contains("st-rejected", "rejected by security-admin: a planned change")
                .doesNotContain("hx-trigger").doesNotContain("Approve the reset");
        String approved = ok(admin.htmxPost(decide + awaiting + "/approve", Map.of()));
        // on its way to the vault: still polled, no longer awaiting a decision
        assertThat(approved).contains("Decided by security-admin", "hx-trigger=\"every 2s\"")
                .doesNotContain("st-awaiting_approval").doesNotContain("Approve the reset");
        assertThat(server.database().auditLog().find(AuditFilter.any().withActor("security-admin"), PageRequest.of(0, 100))
                .items()).extracting(e -> e.action()).contains("pam.reset.approve", "pam.reset.reject");
        // decided once: a second decision is refused
        assertThat(admin.htmxPost(decide + other + "/approve", Map.of()).statusCode()).isEqualTo(400);
    }

    /** A reset of bob's password stored as the automatic response stores it when approval is required. */
    private static String awaitingApproval(String key) {
        VaultReference vault = server.context().getBean(DirectoryInventory.class).current()
                .vaultAccountsOf(java.util.UUID.fromString(bob)).get(0);
        String id = "reset-" + key;
        server.database().passwordResets().createOnce(PasswordReset.request(id, key, vault.connectionId(),
                vault.accountId(), "LAB\\bob", bob, "automatic response to a test alert", "automatic-response", null,
                PasswordReset.AWAITING_APPROVAL));
        return id;
    }

    private static String sidOf(String sam) {
        return server.context().getBean(DirectoryInventory.class).current().identities().stream()
                .map(TaggedIdentity::identity).filter(i -> sam.equalsIgnoreCase(i.samAccountName()))
                .map(i -> i.objectSid()).findFirst().orElseThrow();
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m.group(1);
    }
}
