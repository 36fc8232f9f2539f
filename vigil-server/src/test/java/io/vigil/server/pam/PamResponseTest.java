package io.vigil.server.pam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.simulators.delinea.DelineaSimulator;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The three vaults connected through the API in a running server: credentials stored encrypted and
 * never shown, accounts synced, "Reset password by <vendor>" carried to success through each vault
 * exactly once per request, every step audited, and a reader refused.
 */
class PamResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static String admin;
    static String reader;
    static CyberArkSimulator cyberArk;
    static BeyondTrustSimulator beyondTrust;
    static DelineaSimulator delinea;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        admin = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
        reader = RunningServer.basic(server.createUser(Role.SECURITY_READER));
        cyberArk = CyberArkSimulator.start(SimulatorOptions.defaults());
        beyondTrust = BeyondTrustSimulator.start(SimulatorOptions.defaults());
        delinea = DelineaSimulator.start(SimulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {cyberArk, beyondTrust, delinea}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the server is closed next either way
            }
        }
        server.close();
    }

    private static Map<String, String> vaults() {
        SimulatorOptions o = SimulatorOptions.defaults();
        return Map.of(
                "cyberark", "{\"name\":\"pvwa\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + cyberArk.url()
                        + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}",
                "beyondtrust", "{\"name\":\"password safe\",\"vendor\":\"beyondtrust\",\"auth\":\"api-key\",\"url\":\""
                        + beyondTrust.url() + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.apiKey()
                        + "\",\"runAsPassword\":\"" + o.password() + "\"}",
                "delinea", "{\"name\":\"secret server\",\"vendor\":\"delinea\",\"auth\":\"secret-server\",\"url\":\""
                        + delinea.url() + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}");
    }

    @Test
    void eachVaultConnectsSyncsAndResetsAPasswordOnceWithEveryStepAudited() throws Exception {
        Map<String, VendorSimulator> sims = Map.of("cyberark", cyberArk, "beyondtrust", beyondTrust, "delinea", delinea);
        for (Map.Entry<String, String> vault : vaults().entrySet()) {
            HttpResponse<String> created = server.send("POST", "/api/v1/integrations/pam/connections", admin, vault.getValue());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode connection = JSON.readTree(created.body());
            String id = connection.get("id").asString();
            assertThat(connection.get("secretSet").asBoolean()).isTrue();
            assertThat(created.body()).doesNotContain(SimulatorOptions.DEFAULT_PASSWORD).doesNotContain(SimulatorOptions.DEFAULT_API_KEY);
            assertThat(connection.get("resetAction").asString()).startsWith("Reset password by ");

            JsonNode test = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/test", admin, null));
            assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
            JsonNode synced = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null));
            assertThat(synced.get("status").asString()).as(synced.toString()).isEqualTo("connected");
            assertThat(synced.get("accounts").asInt()).isGreaterThanOrEqualTo(2);

            String body = "{\"target\":\"LAB\\\\svc_sql\",\"reason\":\"DCSync by svc_sql\",\"connectionId\":\"" + id + "\"}";
            HttpResponse<String> asked = reset(admin, body, "key-" + vault.getKey());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            String resetId = JSON.readTree(asked.body()).get("id").asString();
            HttpResponse<String> again = reset(admin, body, "key-" + vault.getKey());
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(resetId);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    json(server.send("GET", "/api/v1/response/password-resets/" + resetId, reader, null))
                            .get("state").asString()).isEqualTo("succeeded"));
            assertThat(changeRequests(sims.get(vault.getKey()))).as(vault.getKey()).isEqualTo(1);
        }
        assertThat(audited("pam.reset.request")).hasSize(3).allSatisfy(actor -> assertThat(actor).isEqualTo("security-admin"));
        assertThat(audited("pam.reset.succeeded")).hasSize(3);
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("pam.connection.create"),
                PageRequest.of(0, 50)).items()).extracting(e -> e.target().replaceAll(" \\(.*", ""))
                .contains("pam connection pvwa", "pam connection password safe", "pam connection secret server");
        assertThat(storedSecretsText()).doesNotContain(SimulatorOptions.DEFAULT_PASSWORD).doesNotContain("Sim-Vault");
        assertThat(server.send("GET", "/api/v1/integrations/pam/connections", reader, null).body())
                .contains("secretSet").doesNotContain(SimulatorOptions.DEFAULT_PASSWORD)
                .doesNotContain(SimulatorOptions.DEFAULT_API_KEY);
    }

    @Test
    void aReaderCannotResetOrConfigureAndUnknownIdentitiesAreNamed() {
        String body = "{\"target\":\"LAB\\\\svc_sql\",\"reason\":\"because\"}";
        assertThat(reset(reader, body, "reader-key").statusCode()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/integrations/pam/connections", reader, vaults().get("delinea")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = reset(admin, "{\"target\":\"LAB\\\\nobody\",\"reason\":\"because\"}", "k-unknown");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("LAB\\\\nobody");
        HttpResponse<String> noKey = server.send("POST", "/api/v1/response/password-resets", admin, body);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key");
    }

    @Test
    void aVaultThatIsDownGivesAClearStatusAndKeepsTheAccountsItHad() throws Exception {
        CyberArkSimulator flaky = CyberArkSimulator.start(SimulatorOptions.defaults());
        SimulatorOptions o = SimulatorOptions.defaults();
        String id = json(server.send("POST", "/api/v1/integrations/pam/connections", admin,
                "{\"name\":\"flaky pvwa\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + flaky.url()
                        + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}")).get("id").asString();
        assertThat(json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null))
                .get("accounts").asInt()).isGreaterThanOrEqualTo(2);

        flaky.close();
        JsonNode after = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null));

        assertThat(after.get("status").asString()).isEqualTo("failed");
        assertThat(after.get("statusMessage").asString()).isNotBlank();
        assertThat(after.get("accounts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(server.send("GET", "/api/v1/integrations/pam/connections/" + id + "/accounts", reader, null).body())
                .contains("svc_sql");
    }

    @Test
    void aVaultAnsweringGarbageGivesAClearStatusAndKeepsTheAccountsItHad() throws Exception {
        CyberArkSimulator vault = CyberArkSimulator.start(SimulatorOptions.defaults());
        HttpServer garbage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        garbage.createContext("/", exchange -> {
            byte[] page = "<html><body>Service Unavailable <b>maintenance</b></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        garbage.start();
        try {
            SimulatorOptions o = SimulatorOptions.defaults();
            String connection = "{\"name\":\"pvwa behind a broken proxy\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\","
                    + "\"url\":\"%s\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}";
            String id = json(server.send("POST", "/api/v1/integrations/pam/connections", admin,
                    connection.formatted(vault.url()))).get("id").asString();
            int accounts = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null))
                    .get("accounts").asInt();
            assertThat(accounts).isGreaterThanOrEqualTo(2);

            json(server.send("PUT", "/api/v1/integrations/pam/connections/" + id, admin,
                    connection.formatted("http://127.0.0.1:" + garbage.getAddress().getPort())));
            JsonNode after = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null));

            assertThat(after.get("status").asString()).isEqualTo("failed");
            assertThat(after.get("statusMessage").asString()).isNotBlank().doesNotContain("<html>");
            assertThat(after.get("accounts").asInt()).isEqualTo(accounts);
            assertThat(server.send("GET", "/api/v1/integrations/pam/connections/" + id + "/accounts", reader, null).body())
                    .contains("svc_sql");
        } finally {
            garbage.stop(0);
            vault.close();
        }
    }

    private static HttpResponse<String> reset(String authorization, String body, String key) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/response/password-resets")))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static long changeRequests(VendorSimulator sim) {
        return sim.requests().stream().filter(r -> r.method().equals("POST") && r.path().toLowerCase()
                .matches(".*(/change|/credentials/change|/change-password)$")).count();
    }

    private static List<String> audited(String action) {
        return server.database().auditLog().find(AuditFilter.any().withAction(action), PageRequest.of(0, 50)).items()
                .stream().map(e -> e.actor()).toList();
    }

    private static String storedSecretsText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = server.context().getBean(DataSource.class).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT * FROM secrets")) {
            while (rs.next()) {
                all.append(new String(rs.getBytes("ciphertext"), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).isNotEmpty();
        return all.toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
