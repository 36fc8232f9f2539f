package io.vigil.server.pam;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.core.SeedAccount;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Identities a connected vault manages carry "Managed by <vendor>" once the directory and the vault
 * are both synced; an identity the vault does not hold does not, and deleting the connection takes
 * the tag away.
 */
class PamManagedTagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void vaultManagedDirectoryAccountsAreTaggedWithTheirVendor() throws Exception {
        SimulatorOptions vault = SimulatorOptions.defaults().withAccounts(List.of(
                SeedAccount.domain("svc_sql", "LAB", "lab.example"), SeedAccount.domain("nobody", "LAB", "lab.example")));
        try (AdLikeDirectory directory = AdLikeDirectory.start();
             CyberArkSimulator cyberArk = CyberArkSimulator.start(vault);
             RunningServer server = RunningServer.start(dataDir)) {
            String admin = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
            json(server.send("POST", "/api/v1/integrations/directory/sources", admin, """
                    {"domain": "LAB.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                     "baseDn": "%s", "bindDn": "%s", "password": "%s"}"""
                    .formatted(directory.port(), BASE, SYNC_DN, SYNC_PASSWORD)));
            await().atMost(Duration.ofSeconds(60)).until(() -> identity(server, admin, "svc_sql") != null);

            String connection = json(server.send("POST", "/api/v1/integrations/pam/connections", admin,
                    "{\"name\":\"pvwa\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + cyberArk.url()
                            + "\",\"user\":\"" + vault.userName() + "\",\"secret\":\"" + vault.password() + "\"}"))
                    .get("id").asString();
            json(server.send("POST", "/api/v1/integrations/pam/connections/" + connection + "/sync", admin, null));

            assertThat(tags(identity(server, admin, "svc_sql"))).contains("managed_by_cyberark");
            assertThat(tags(identity(server, admin, "alice"))).doesNotContain("managed_by_cyberark");

            assertThat(server.send("DELETE", "/api/v1/integrations/pam/connections/" + connection, admin, null)
                    .statusCode()).isEqualTo(204);
            assertThat(tags(identity(server, admin, "svc_sql"))).doesNotContain("managed_by_cyberark");
        }
    }

    private static JsonNode identity(RunningServer server, String auth, String sam) {
        JsonNode page = json(server.send("GET", "/api/v1/identities?search=" + sam + "&limit=200", auth, null));
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> sam.equalsIgnoreCase(i.path("samAccountName").asString(""))).findFirst().orElse(null);
    }

    private static List<String> tags(JsonNode identity) {
        assertThat(identity).isNotNull();
        return StreamSupport.stream(identity.path("tags").spliterator(), false).map(JsonNode::asString).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
