package io.vigil.e2e;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.SeedAccount;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.simulators.delinea.DelineaSimulator;
import io.vigil.store.VigilDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything a console user meets, really running on loopback: an AD-shaped directory, the three PAM
 * vault stand-ins, and a start-dev Vigil server that has synced the directory and the vaults and
 * ingested OTRF attack recordings over HTTP, with one signed-in account per role.
 *
 * <p>The vaults each manage one directory account: {@code svc_sql} (CyberArk), {@code carol}
 * (BeyondTrust) and {@code dave} (Delinea). The recordings give the purplesharp playbook's incident
 * (password spray and Kerberoasting) and a DCSync incident.
 */
public final class VigilWorld implements AutoCloseable {

    public static final String PASSWORD = "Correct-horse-battery-staple-1";
    public static final Map<Role, String> USERS = Map.of(
            Role.GLOBAL_ADMIN, "gina.global", Role.SECURITY_ADMIN, "sam.secadmin",
            Role.SECURITY_OPERATOR, "olga.operator", Role.SECURITY_READER, "rita.reader");
    /** The directory account each vault manages, by the vendor name the console shows. */
    public static final Map<String, String> MANAGED = Map.of("CyberArk", "svc_sql", "BeyondTrust", "carol", "Delinea", "dave");

    private static final String RECORDINGS = "security-datasets/datasets/atomic/windows/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext server;
    private String url;

    private VigilWorld() {
    }

    public static VigilWorld start() throws Exception {
        VigilWorld world = new VigilWorld();
        try {
            world.startAll();
            return world;
        } catch (Exception | Error e) {
            world.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        AdLikeDirectory directory = keep(AdLikeDirectory.start());
        CyberArkSimulator cyberArk = keep(CyberArkSimulator.start(vault("svc_sql")));
        BeyondTrustSimulator beyondTrust = keep(BeyondTrustSimulator.start(vault("carol")));
        DelineaSimulator delinea = keep(DelineaSimulator.start(vault("dave")));

        Path dataDir = Files.createTempDirectory("vigil-e2e");
        Map<ServerSetting, String> settings = new EnumMap<>(ServerSetting.class);
        settings.put(ServerSetting.HTTP_PORT, "0");
        settings.put(ServerSetting.DATA_DIR, dataDir.toString());
        server = VigilServer.run(ServerConfig.of(ServerConfig.Mode.DEVELOPMENT,
                ResolvedSettings.resolve(settings, Map.of(), null)));
        running.add(server::close);
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
        PasswordEncoder passwords = server.getBean(PasswordEncoder.class);
        USERS.forEach((role, name) -> server.getBean(VigilDatabase.class).users().create(name, passwords.encode(PASSWORD), role));

        connectDirectory(directory);
        SimulatorOptions o = SimulatorOptions.defaults();
        connectVault("{\"name\":\"PVWA\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + cyberArk.url()
                + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}");
        connectVault("{\"name\":\"Password Safe\",\"vendor\":\"beyondtrust\",\"auth\":\"api-key\",\"url\":\""
                + beyondTrust.url() + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.apiKey()
                + "\",\"runAsPassword\":\"" + o.password() + "\"}");
        connectVault("{\"name\":\"Secret Server\",\"vendor\":\"delinea\",\"auth\":\"secret-server\",\"url\":\"" + delinea.url()
                + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\"}");

        ingest(RECORDINGS + "lateral_movement/host/purplesharp_ad_playbook_I.zip");
        ingest(RECORDINGS + "credential_access/host/covenant_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip");
        await().atMost(Duration.ofSeconds(90)).until(() ->
                api("GET", "/api/v1/incidents?limit=10", null).path("total").asLong() >= 2);
    }

    private <T extends AutoCloseable> T keep(T component) {
        running.add(component);
        return component;
    }

    /** A vault that manages one account of the lab directory. */
    private static SimulatorOptions vault(String account) {
        return SimulatorOptions.defaults().withAccounts(List.of(SeedAccount.domain(account, "LAB", "lab.example")));
    }

    private void connectDirectory(AdLikeDirectory directory) {
        api("POST", "/api/v1/integrations/directory/sources", """
                {"domain": "LAB.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                 "baseDn": "%s", "bindDn": "%s", "password": "%s"}"""
                .formatted(directory.port(), BASE, SYNC_DN, SYNC_PASSWORD));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api("GET", "/api/v1/identities?search=svc_sql", null).path("total").asLong() > 0);
    }

    private void connectVault(String connection) {
        String id = api("POST", "/api/v1/integrations/pam/connections", connection).get("id").asString();
        api("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", null);
    }

    private void ingest(String recording) throws Exception {
        List<String> lines = Corpus.zippedLines(recording);
        for (int from = 0; from < lines.size(); from += 2_000) {
            send("POST", "/api/v1/events", "application/x-ndjson",
                    String.join("\n", lines.subList(from, Math.min(lines.size(), from + 2_000))));
        }
    }

    /** Calls the REST API as the global administrator; anything but 2xx fails the set-up. */
    public JsonNode api(String method, String path, String json) {
        String body = send(method, path, "application/json", json);
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }

    private String send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (USERS.get(Role.GLOBAL_ADMIN) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return url;
    }

    public <T> T bean(Class<T> type) {
        return server.getBean(type);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more than this one's failure to stop
            }
        }
    }
}
