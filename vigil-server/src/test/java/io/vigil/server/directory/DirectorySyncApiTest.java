package io.vigil.server.directory;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.add;
import static io.vigil.server.api.ApiTestServer.ADMIN;
import static io.vigil.server.api.ApiTestServer.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.detection.spi.DirectoryView.Trust;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.identity.Account;
import io.vigil.server.api.ApiTestServer;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Directory sync through the API against the AD-shaped in-memory directory: a source is configured,
 * fully synced, its identities listed with their tags, marked, changed and synced incrementally, then
 * broken (wrong password, unreachable) without losing the inventory. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectorySyncApiTest {

    private static final String SOURCES = "/api/v1/integrations/directory/sources";
    private static final String WRONG_PASSWORD = "Wrong-Passw0rd-42";
    private static final String BOB = "CN=bob,OU=Staff," + BASE;
    private static final String DOMAIN_ADMINS = "CN=Domain Admins,CN=Users," + BASE;

    @TempDir
    static Path dataDir;

    static ApiTestServer server;
    static AdLikeDirectory directory;
    static long sourceId;
    static final List<String> bodies = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        directory = AdLikeDirectory.start();
        server = ApiTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
        directory.close();
    }

    private static String source(int port, String password) {
        return """
                {"domain": "LAB.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                 "baseDn": "%s", "bindDn": "%s", "pageSize": 7%s}"""
                .formatted(port, BASE, SYNC_DN, password == null ? "" : ", \"password\": \"" + password + "\"");
    }

    private static ApiTestServer.Response call(String user, String method, String path, String json) {
        ApiTestServer.Response response = json == null ? server.get(user, path) : server.sendJson(user, method, path, json);
        bodies.add(response.body());
        return response;
    }

    private static JsonNode get(String path) {
        ApiTestServer.Response response = call(READER, "GET", path, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Asks for a sync and waits until its outcome is recorded. */
    private static JsonNode syncAndWait(String mode) {
        String before = get(SOURCES + "/" + sourceId + "/status").path("last").path("finished").asString("");
        ApiTestServer.Response accepted = call(ADMIN, "POST", SOURCES + "/" + sourceId + "/sync?mode=" + mode, "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return awaitOutcomeAfter(before);
    }

    private static JsonNode awaitOutcomeAfter(String finishedBefore) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = get(SOURCES + "/" + sourceId + "/status");
            return !status.path("syncing").asBoolean()
                    && !status.path("last").path("finished").asString("").equals(finishedBefore)
                    && !status.path("last").isNull() && !status.path("last").isMissingNode();
        });
        return get(SOURCES + "/" + sourceId + "/status");
    }

    private static JsonNode identity(String sam) {
        JsonNode page = get("/api/v1/identities?search=" + sam + "&limit=200");
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> sam.equalsIgnoreCase(i.path("samAccountName").asString(""))).findFirst().orElseThrow();
    }

    private static List<String> tags(JsonNode identity) {
        return StreamSupport.stream(identity.path("tags").spliterator(), false).map(JsonNode::asString).toList();
    }

    @Test
    @Order(1)
    void aNewSourceIsStoredWithoutItsPasswordAndFullySynced() {
        ApiTestServer.Response created = call(ADMIN, "POST", SOURCES, source(directory.port(), SYNC_PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        sourceId = created.json().path("id").asLong();
        assertThat(created.json().path("domain").asString()).isEqualTo("lab.example");
        assertThat(created.json().path("passwordSet").asBoolean()).isTrue();
        assertThat(created.json().has("password")).isFalse();

        JsonNode status = awaitOutcomeAfter("");
        assertThat(status.path("last").path("state").asString()).as(status.toString()).isEqualTo("succeeded");
        assertThat(status.path("last").path("mode").asString()).isEqualTo("full");
        assertThat(status.path("inventory").path("identities").asInt()).isEqualTo(30);
        assertThat(server.database().directoryInventory().load("lab.example").orElseThrow().snapshot().identities())
                .hasSize(30);

        JsonNode duplicate = call(ADMIN, "POST", SOURCES, source(directory.port(), SYNC_PASSWORD)).json();
        assertThat(duplicate.path("status").asInt()).isEqualTo(409);
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("directory.source.create"),
                PageRequest.firstPage()).items()).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(ADMIN));
    }

    @Test
    @Order(2)
    void identitiesCarryTheirTagsAndGroups() {
        assertThat(tags(identity("alice"))).contains("sensitive");
        assertThat(tags(identity("svc_sql"))).contains("service_account", "kerberoastable");
        assertThat(tags(identity("carol"))).containsExactly("asrep_roastable");
        assertThat(tags(identity("DC1$"))).contains("domain_controller", "sensitive");
        assertThat(identity("bob").path("inDirectory").asBoolean()).isTrue();
        assertThat(identity("bob").path("kind").asString()).isEqualTo("user");

        JsonNode sensitiveUsers = get("/api/v1/identities?tag=sensitive&kind=user&limit=200");
        assertThat(sensitiveUsers.path("items")).extracting(i -> i.path("samAccountName").asString())
                .contains("alice", "Administrator").doesNotContain("bob", "carol");
        JsonNode computers = get("/api/v1/identities?kind=computer&sort=name");
        assertThat(computers.path("items")).extracting(i -> i.path("samAccountName").asString())
                .containsExactly("DC1$", "WS01$");

        JsonNode alice = get("/api/v1/identities/" + identity("alice").path("id").asString());
        assertThat(alice.path("profile").path("distinguishedName").asString()).isEqualTo("CN=alice,OU=Tier0," + BASE);
        assertThat(alice.path("directGroups")).extracting(g -> g.path("name").asString()).contains("Tier0Admins");
        assertThat(alice.path("nestedGroups")).extracting(g -> g.path("name").asString())
                .contains("Domain Admins", "Administrators");
    }

    @Test
    @Order(3)
    void anAdminMarksAHoneytokenAndDetectionSeesIt() {
        String bob = identity("bob").path("id").asString();

        ApiTestServer.Response refused = call(READER, "PUT", "/api/v1/identities/" + bob + "/marks/honeytoken", "");
        assertThat(refused.status()).isEqualTo(403);
        ApiTestServer.Response marked = call(ADMIN, "PUT", "/api/v1/identities/" + bob + "/marks/honeytoken", "");

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(tags(marked.json().path("identity"))).contains("honeytoken");
        assertThat(marked.json().path("marks").get(0).path("markedBy").asString()).isEqualTo(ADMIN);
        assertThat(server.bean(DirectoryInventory.class).isHoneytoken(new Account("LAB", "bob", null))).isTrue();
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("identity.mark.set"),
                PageRequest.firstPage()).items()).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("lab.example\\bob"));

        ApiTestServer.Response unmarked = call(ADMIN, "DELETE", "/api/v1/identities/" + bob + "/marks/honeytoken", "");
        assertThat(tags(unmarked.json().path("identity"))).doesNotContain("honeytoken");
        assertThat(server.bean(DirectoryInventory.class).isHoneytoken(new Account("LAB", "bob", null))).isFalse();
        assertThat(call(ADMIN, "PUT", "/api/v1/identities/" + bob + "/marks/disabled", "").status()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void aChangeAppearsAfterAnIncrementalSyncWithTheRightTags() throws Exception {
        assertThat(tags(identity("bob"))).doesNotContain("sensitive", "kerberoastable");
        directory.modify(DOMAIN_ADMINS, add("member", BOB));
        directory.modify(BOB, add("servicePrincipalName", "HTTP/web01.lab.example"));

        JsonNode status = syncAndWait("incremental");

        assertThat(status.path("last").path("state").asString()).as(status.toString()).isEqualTo("succeeded");
        assertThat(status.path("last").path("mode").asString()).isEqualTo("incremental");
        assertThat(status.path("last").path("changed").asInt()).isPositive();
        assertThat(tags(identity("bob"))).contains("sensitive", "kerberoastable", "service_account");
        assertThat(server.bean(DirectoryInventory.class).exists(new Account("LAB", "bob", null),
                java.time.Instant.now().minusSeconds(60))).isEqualTo(Trust.YES);
        assertThat(server.bean(DirectoryInventory.class).exists(new Account("LAB", "nobody", null),
                java.time.Instant.now().minusSeconds(60))).isEqualTo(Trust.NO);
    }

    @Test
    @Order(5)
    void aWrongPasswordFailsClearlyAndTheInventoryStays() {
        ApiTestServer.Response replaced = call(ADMIN, "PUT", SOURCES + "/" + sourceId,
                source(directory.port(), WRONG_PASSWORD));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

        JsonNode check = call(ADMIN, "POST", SOURCES + "/" + sourceId + "/test", "").json();
        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("errorKind").asString()).isEqualTo("bad_credentials");

        JsonNode status = syncAndWait("incremental");

        assertThat(status.path("last").path("state").asString()).isEqualTo("failed");
        assertThat(status.path("last").path("errorKind").asString()).isEqualTo("bad_credentials");
        assertThat(status.path("last").path("error").asString()).contains("LDAP 49");
        assertThat(status.path("lastFull").path("state").asString()).isEqualTo("succeeded");
        assertThat(status.path("inventory").path("identities").asInt()).isEqualTo(30);
        assertThat(tags(identity("bob"))).contains("sensitive");
        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("directory.sync"),
                PageRequest.firstPage()).items()).isNotEmpty();
    }

    @Test
    @Order(6)
    void anUnreachableDirectoryFailsClearlyAndTheInventoryStays() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(call(ADMIN, "PUT", SOURCES + "/" + sourceId, source(closedPort, SYNC_PASSWORD)).status()).isEqualTo(200);

        JsonNode status = syncAndWait("full");

        assertThat(status.path("last").path("state").asString()).isEqualTo("failed");
        assertThat(status.path("last").path("mode").asString()).isEqualTo("full");
        assertThat(status.path("last").path("errorKind").asString()).isEqualTo("unreachable");
        assertThat(status.path("last").path("error").asString()).contains("127.0.0.1:" + closedPort);
        assertThat(status.path("inventory").path("identities").asInt()).isEqualTo(30);
        assertThat(get("/api/v1/identities?kind=user&limit=200").path("total").asInt()).isEqualTo(12);
    }

    @Test
    @Order(7)
    void noAnswerEverCarriesAPassword() {
        JsonNode listed = call(ADMIN, "GET", SOURCES, null).json();
        assertThat(listed.get(0).path("passwordSet").asBoolean()).isTrue();
        assertThat(bodies).isNotEmpty().noneMatch(b -> b.contains(SYNC_PASSWORD) || b.contains(WRONG_PASSWORD));
        assertThat(server.database().auditLog().find(AuditFilter.any(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items()).noneMatch(e -> e.details().toString().contains(SYNC_PASSWORD)
                        || e.details().toString().contains(WRONG_PASSWORD));
    }
}
