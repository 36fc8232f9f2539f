package io.vigil.server.console.settings;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.audit.AuditEntry;
import io.vigil.model.user.Role;
import io.vigil.server.console.ConsoleBrowser;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.simulators.webhook.WebhookReceiver;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings > Integrations in a running server against the CyberArk stand-in, a webhook receiver and
 * the AD-shaped directory: cards for every role, actions for admins only, connect / test / sync /
 * disable / delete through the services the API uses, refusals shown in the form, secrets never shown.
 */
class IntegrationsPageTest {

    private static final String PAGE = "/settings/integrations";
    private static final String WEBHOOK_SECRET = "Webhook-Signing-Secret-7";
    private static final String VAULT_SECRET = SimulatorOptions.DEFAULT_PASSWORD;

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static CyberArkSimulator cyberArk;
    static WebhookReceiver webhook;
    static AdLikeDirectory directory;
    static ConsoleBrowser admin;
    static ConsoleBrowser reader;
    /** Every page and fragment the tests were answered with, to look for secrets in. */
    static final List<String> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(dataDir);
        server.createUser(Role.SECURITY_READER);
        server.createUser(Role.SECURITY_OPERATOR);
        server.createUser(Role.SECURITY_ADMIN);
        cyberArk = CyberArkSimulator.start(SimulatorOptions.defaults());
        webhook = WebhookReceiver.start(WEBHOOK_SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        directory = AdLikeDirectory.start();
        admin = ConsoleBrowser.signIn(server, "security-admin");
        reader = ConsoleBrowser.signIn(server, "security-reader");
    }

    @AfterAll
    static void stop() throws Exception {
        cyberArk.close();
        webhook.close();
        server.close();
        directory.close();
    }

    @Test
    void everyRoleSeesEachIntegrationsCardAndOnlyAdminsItsActions() {
        String page = seen(reader.get(PAGE), 200);
        assertThat(page).contains("<title>Integrations · Vigil</title>", "CyberArk", "BeyondTrust", "Delinea",
                "Microsoft Sentinel", "CEF syslog", "Webhook", "Active Directory", "Not connected")
                .doesNotContain("/connect\"", ">Test</button>", "Sync now", "Delete…", "name=\"secret\"");
        assertThat(seen(ConsoleBrowser.signIn(server, "security-operator").get(PAGE), 200))
                .contains("Microsoft Sentinel").doesNotContain("/connect\"");

        String adminPage = seen(admin.get(PAGE), 200);
        assertThat(adminPage).contains("/settings/integrations/vaults/cyberark/connect",
                "/settings/integrations/vaults/beyondtrust/connect", "/settings/integrations/vaults/delinea/connect",
                "/settings/integrations/siem/sentinel/connect", "/settings/integrations/siem/cef_syslog/connect",
                "/settings/integrations/siem/webhook/connect", "/settings/integrations/directory/connect",
                "type=\"password\" name=\"secret\"", "Vault user (PVWA, self-hosted)");
    }

    @Test
    void aReaderOrOperatorWhoPostsAnywayIsRefused() {
        ConsoleBrowser operator = ConsoleBrowser.signIn(server, "security-operator");
        for (ConsoleBrowser notAdmin : List.of(reader, operator)) {
            assertThat(notAdmin.post(PAGE + "/vaults/cyberark/connect", vault("sneaky", cyberArk.url().toString()))
                    .statusCode()).isEqualTo(403);
            assertThat(notAdmin.htmxPost(PAGE + "/siem/webhook/connect", Map.of("id", "sneaky", "url",
                    webhook.url().toString(), "signingSecret", WEBHOOK_SECRET)).statusCode()).isEqualTo(403);
            assertThat(notAdmin.post(PAGE + "/directory/connect", Map.of("domain", "sneaky.example")).statusCode())
                    .isEqualTo(403);
            assertThat(notAdmin.post(PAGE + "/vaults/any/test", Map.of()).statusCode()).isEqualTo(403);
            assertThat(notAdmin.post(PAGE + "/siem/any/delete", Map.of()).statusCode()).isEqualTo(403);
            assertThat(notAdmin.post(PAGE + "/directory/1/sync", Map.of()).statusCode()).isEqualTo(403);
        }
        assertThat(server.database().pamConnections().all()).noneMatch(c -> c.name().equals("sneaky"));
        assertThat(server.database().siemExporters().findById("sneaky")).isEmpty();
        assertThat(admin.postWithoutCsrf(PAGE + "/vaults/cyberark/connect", vault("forged", cyberArk.url().toString()))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminConnectsAVaultSeesItConnectedThenTestsSyncsDisablesAndDeletesIt() {
        String connected = seen(admin.htmxPost(PAGE + "/vaults/cyberark/connect", vault("pvwa-main", cyberArk.url().toString())), 200);
        assertThat(connected).startsWith("<article").contains("id=\"integration-cyberark\"", "pvwa-main", "Connected",
                "pvwa-main: connected.");
        String id = server.database().pamConnections().all().stream().filter(c -> c.name().equals("pvwa-main"))
                .findFirst().orElseThrow().id();
        assertThat(cardOf(seen(reader.get(PAGE), 200), "cyberark")).contains("pvwa-main", ">Connected<",
                cyberArk.url().toString());

        assertThat(seen(admin.htmxPost(PAGE + "/vaults/" + id + "/test", Map.of()), 200)).contains("pvwa-main: connected.");
        String synced = seen(admin.htmxPost(PAGE + "/vaults/" + id + "/sync", Map.of()), 200);
        assertThat(synced).contains("pvwa-main synced:");
        assertThat(server.database().pamConnections().find(id).orElseThrow().accounts()).isGreaterThanOrEqualTo(2);
        assertThat(managedAccounts(synced)).isEqualTo(server.database().pamConnections().find(id).orElseThrow().accounts());

        assertThat(audited("pam.connection.create")).extracting(AuditEntry::target).anyMatch(t -> t.contains("pvwa-main"));
        assertThat(audited("pam.connection.test")).filteredOn(e -> e.target().contains(id))
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("security-admin"));

        String disabled = seen(admin.htmxPost(PAGE + "/vaults/" + id + "/enabled", Map.of("enabled", "false")), 200);
        assertThat(disabled).contains("pvwa-main is disabled.", ">Disabled<", ">Enable</button>");
        assertThat(server.database().pamConnections().find(id).orElseThrow().enabled()).isFalse();
        assertThat(server.database().pamConnections().find(id).orElseThrow().userName())
                .isEqualTo(SimulatorOptions.DEFAULT_USER);

        String deleted = seen(admin.htmxPost(PAGE + "/vaults/" + id + "/delete", Map.of()), 200);
        assertThat(deleted).contains("pvwa-main is deleted.").doesNotContain(id);
        assertThat(server.database().pamConnections().find(id)).isEmpty();
        assertThat(audited("pam.connection.delete")).extracting(AuditEntry::target).anyMatch(t -> t.contains(id));
    }

    @Test
    void withoutJavaScriptAnActionRedirectsToThePageThatSaysWhatWasDone() {
        HttpResponse<String> posted = admin.post(PAGE + "/vaults/cyberark/connect", vault("pvwa-plain", cyberArk.url().toString()));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PAGE));
        String after = seen(admin.get(PAGE), 200);
        assertThat(cardOf(after, "cyberark")).contains("pvwa-plain: connected.", "pvwa-plain");
        // the notice is shown once
        assertThat(seen(admin.get(PAGE), 200)).doesNotContain("pvwa-plain: connected.");
    }

    @Test
    void aRefusedFormComesBackWithItsMessageAndWhatWasTypedButNeverTheSecret() {
        Map<String, String> bad = vault("pvwa-typo", "pvwa.corp.local without a scheme");
        HttpResponse<String> htmx = admin.htmxPost(PAGE + "/vaults/cyberark/connect", bad);
        assertThat(htmx.statusCode()).isEqualTo(400);
        assertThat(seen(htmx, 400)).startsWith("<article").contains("an absolute http(s) URL is needed",
                "value=\"pvwa-typo\"", "value=\"pvwa.corp.local without a scheme\"", "<details class=\"connect\" open")
                .doesNotContain(VAULT_SECRET);

        HttpResponse<String> plain = admin.post(PAGE + "/vaults/cyberark/connect", bad);
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(seen(plain, 400)).contains("<title>Integrations · Vigil</title>", "an absolute http(s) URL is needed",
                "value=\"pvwa-typo\"").doesNotContain(VAULT_SECRET);
        assertThat(server.database().pamConnections().all()).noneMatch(c -> c.name().equals("pvwa-typo"));
    }

    @Test
    void aVaultThatCannotBeReachedShowsTheErrorOnItsCard() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String card = seen(admin.htmxPost(PAGE + "/vaults/cyberark/connect",
                vault("pvwa-down", "http://127.0.0.1:" + closedPort + "/PasswordVault/")), 200);
        assertThat(card).contains("pvwa-down: the test failed.", ">Error<", "Last error");
        assertThat(server.database().pamConnections().all()).filteredOn(c -> c.name().equals("pvwa-down"))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("FAILED"));
    }

    @Test
    void anAdminConnectsAWebhookTestsItAndAStaleToggleIsAConflictNotAnOverwrite() {
        Map<String, String> form = Map.of("id", "soc-hook", "name", "SOC webhook", "url", webhook.url().toString(),
                "signingSecret", WEBHOOK_SECRET);
        String connected = seen(admin.htmxPost(PAGE + "/siem/webhook/connect", form), 200);
        assertThat(connected).contains("id=\"integration-webhook\"", "SOC webhook is connected", webhook.url().toString());
        assertThat(server.database().siemExporters().findById("soc-hook")).isPresent();

        String tested = seen(admin.htmxPost(PAGE + "/siem/soc-hook/test", Map.of()), 200);
        assertThat(tested).contains("SOC webhook: The SIEM accepted the test alert.");
        assertThat(webhook.acceptedBodies()).isNotEmpty();

        long version = server.database().siemExporters().findById("soc-hook").orElseThrow().version();
        HttpResponse<String> stale = admin.htmxPost(PAGE + "/siem/soc-hook/enabled",
                Map.of("enabled", "false", "version", Long.toString(version + 5)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(seen(stale, 409)).contains("changed by someone else");
        assertThat(server.database().siemExporters().findById("soc-hook").orElseThrow().enabled()).isTrue();

        String disabled = seen(admin.htmxPost(PAGE + "/siem/soc-hook/enabled",
                Map.of("enabled", "false", "version", Long.toString(version))), 200);
        assertThat(disabled).contains("SOC webhook is disabled", ">Disabled<");
        assertThat(server.database().siemExporters().findById("soc-hook").orElseThrow().enabled()).isFalse();
        assertThat(audited("siem.exporter.update")).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("soc-hook");
            assertThat(e.actor()).isEqualTo("security-admin");
        });

        // readers see the exporter's state, not its settings, like the SIEM API that only admins may read
        assertThat(cardOf(seen(reader.get(PAGE), 200), "webhook")).contains("SOC webhook", ">Disabled<")
                .doesNotContain(webhook.url().toString());
    }

    @Test
    void anAdminConnectsTheDirectoryWhichSyncsAndTests() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("domain", "LAB.example");
        form.put("hosts", "127.0.0.1");
        form.put("port", Integer.toString(directory.port()));
        form.put("security", "plain");
        form.put("baseDn", BASE);
        form.put("bindDn", SYNC_DN);
        form.put("password", SYNC_PASSWORD);
        form.put("pageSize", "7");
        assertThat(seen(admin.htmxPost(PAGE + "/directory/connect", form), 200))
                .contains("lab.example is connected; its first full sync is running.");
        long id = server.database().directorySources().all().get(0).id();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(cardOf(seen(reader.get(PAGE), 200), "directory")).contains("lab.example", ">Connected<",
                        "<dd>30</dd>"));
        assertThat(seen(admin.htmxPost(PAGE + "/directory/" + id + "/test", Map.of()), 200))
                .contains("lab.example: Vigil signed in to");
        assertThat(seen(admin.htmxPost(PAGE + "/directory/" + id + "/sync", Map.of()), 200))
                .contains("lab.example: a sync is running.");
        assertThat(audited("directory.source.sync")).anySatisfy(e -> assertThat(e.actor()).isEqualTo("security-admin"));

        HttpResponse<String> duplicate = admin.htmxPost(PAGE + "/directory/connect", form);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(seen(duplicate, 409)).contains("value=\"LAB.example\"").doesNotContain(SYNC_PASSWORD);
        // the bind account is an admin's business, like the directory API's settings
        assertThat(cardOf(seen(reader.get(PAGE), 200), "directory")).doesNotContain(SYNC_DN);
        assertThat(cardOf(seen(admin.get(PAGE), 200), "directory")).contains(SYNC_DN);
        assertThat(seen(admin.get("/settings/audit?action=directory.source.create"), 200))
                .contains("passwordChanged").doesNotContain(SYNC_PASSWORD);
    }

    @Test
    void connectionNamesAreShownAsTextNeverAsMarkup() {
        String script = "<script>alert('pwned')</script>";
        String image = "<img src=x onerror=alert(1)>";
        seen(admin.htmxPost(PAGE + "/vaults/cyberark/connect", vault(script, cyberArk.url().toString())), 200);
        seen(admin.htmxPost(PAGE + "/siem/webhook/connect", Map.of("id", "escaped-hook", "name", image,
                "url", webhook.url().toString(), "signingSecret", WEBHOOK_SECRET)), 200);

        for (ConsoleBrowser viewer : List.of(admin, reader)) {
            String page = seen(viewer.get(PAGE), 200);
            assertThat(page).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
                    .doesNotContain(script).doesNotContain("<img src=x");
        }
        assertThat(seen(admin.get(PAGE), 200)).contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void noSecretTypedIntoAFormIsEverShown() {
        connectAWebhookWithItsSecret();
        seen(admin.htmxPost(PAGE + "/vaults/cyberark/connect", vault("pvwa-secrets", cyberArk.url().toString())), 200);
        for (ConsoleBrowser viewer : List.of(admin, reader)) {
            seen(viewer.get(PAGE), 200);
            seen(viewer.get("/settings/audit"), viewer == admin ? 200 : 403);
        }
        assertThat(answers).isNotEmpty().allSatisfy(body -> assertThat(body)
                .doesNotContain(VAULT_SECRET).doesNotContain(WEBHOOK_SECRET).doesNotContain(SYNC_PASSWORD));
    }

    private static void connectAWebhookWithItsSecret() {
        seen(admin.htmxPost(PAGE + "/siem/webhook/connect", Map.of("id", "secret-hook", "url",
                webhook.url().toString(), "signingSecret", WEBHOOK_SECRET)), 200);
    }

    private static Map<String, String> vault(String name, String url) {
        SimulatorOptions o = SimulatorOptions.defaults();
        return Map.of("name", name, "auth", "vault_logon", "url", url, "user", o.userName(), "secret", VAULT_SECRET);
    }

    private static String seen(HttpResponse<String> response, int status) {
        answers.add(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    /** The card's markup, from its element to the next card's. */
    private static String cardOf(String page, String key) {
        int start = page.indexOf("id=\"integration-" + key + "\"");
        assertThat(start).as("the " + key + " card").isNotNegative();
        int end = page.indexOf("<article", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static int managedAccounts(String card) {
        Matcher m = Pattern.compile("<dt>Managed accounts</dt>\\s*<dd>(\\d+)</dd>").matcher(card);
        assertThat(m.find()).as(card).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<AuditEntry> audited(String action) {
        return server.database().auditLog().find(AuditFilter.any().withAction(action), PageRequest.of(0, 100)).items();
    }
}
