package io.vigil.server.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.user.Role;
import io.vigil.server.console.ConsoleBrowser;
import io.vigil.server.security.RunningServer;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings > Users and roles: global admins only; users created, re-roled, disabled and deleted and API
 * tokens revoked through the services the users API uses, audited alike; refusals shown in the form.
 */
class UsersPageTest {

    private static final String PAGE = "/settings/users";
    private static final String SHORT_PASSWORD = "short-pw";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static ConsoleBrowser global;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        for (Role role : Role.values()) {
            server.createUser(role);
        }
        global = ConsoleBrowser.signIn(server, "global-admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyGlobalAdminsReachTheUsersPageOrItsActions() {
        for (String below : List.of("security-reader", "security-operator", "security-admin")) {
            ConsoleBrowser browser = ConsoleBrowser.signIn(server, below);
            assertThat(browser.get(PAGE).statusCode()).as(below).isEqualTo(403);
            assertThat(browser.post(PAGE, Map.of("username", "intruder", "password", RunningServer.PASSWORD,
                    "role", "GLOBAL_ADMIN")).statusCode()).as(below).isEqualTo(403);
            assertThat(browser.htmxPost(PAGE + "/" + below + "/role", Map.of("role", "GLOBAL_ADMIN")).statusCode())
                    .as(below).isEqualTo(403);
            assertThat(browser.post(PAGE + "/security-reader/delete", Map.of()).statusCode()).as(below).isEqualTo(403);
        }
        assertThat(server.database().users().find("intruder")).isEmpty();
        assertThat(server.database().users().find("security-admin").orElseThrow().role()).isEqualTo(Role.SECURITY_ADMIN);

        String page = ok(global.get(PAGE));
        assertThat(page).contains("<title>Users and roles · Vigil</title>", "security-reader", "security-operator",
                "Add a local user", "API tokens", "Security operator");
    }

    @Test
    void aGlobalAdminAddsAUserWhoThenSignsInWithTheRoleGiven() {
        String content = ok(global.htmxPost(PAGE, Map.of("username", "new.analyst", "password", RunningServer.PASSWORD,
                "role", "SECURITY_OPERATOR")));
        assertThat(content).startsWith("<div").contains("new.analyst can sign in now, as Security operator.")
                .doesNotContain(RunningServer.PASSWORD);

        String signedIn = ConsoleBrowser.signIn(server, "new.analyst").get("/").body();
        assertThat(signedIn).contains("new.analyst", "Security operator");
        AuditEntry created = last("user.create", "new.analyst");
        assertThat(created.actor()).isEqualTo("global-admin");
        assertThat(created.details()).containsEntry("role", "SECURITY_OPERATOR");
    }

    @Test
    void refusedUsersComeBackInTheFormWithTheReasonAndWithoutThePassword() {
        HttpResponse<String> tooShort = global.htmxPost(PAGE, Map.of("username", "shorty", "password", SHORT_PASSWORD,
                "role", "SECURITY_READER"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("a password needs at least 12 characters", "value=\"shorty\"")
                .doesNotContain(SHORT_PASSWORD);
        assertThat(server.database().users().find("shorty")).isEmpty();

        HttpResponse<String> taken = global.post(PAGE, Map.of("username", "security-reader", "password",
                RunningServer.PASSWORD, "role", "SECURITY_READER"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("<title>", "user security-reader already exists")
                .doesNotContain(RunningServer.PASSWORD);

        HttpResponse<String> badName = global.htmxPost(PAGE, Map.of("username", "<script>x</script>", "password",
                RunningServer.PASSWORD, "role", "SECURITY_READER"));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("value=\"&lt;script&gt;x&lt;/script&gt;\"").doesNotContain("<script>x");
    }

    @Test
    void rolesChangeUsersAreDisabledAndEnabledAndEveryChangeIsAudited() {
        server.createUser("rotating", Role.SECURITY_READER);
        assertThat(ok(global.htmxPost(PAGE + "/rotating/role", Map.of("role", "SECURITY_ADMIN"))))
                .contains("rotating is now Security admin.");
        assertThat(server.database().users().find("rotating").orElseThrow().role()).isEqualTo(Role.SECURITY_ADMIN);
        assertThat(last("user.role.change", "rotating").details()).containsEntry("from", "SECURITY_READER")
                .containsEntry("to", "SECURITY_ADMIN");

        assertThat(ok(global.htmxPost(PAGE + "/rotating/enabled", Map.of("enabled", "false"))))
                .contains("rotating can no longer sign in.");
        assertThat(server.send("GET", "/api/v1/users/me", RunningServer.basic("rotating"), null).statusCode()).isEqualTo(401);
        assertThat(last("user.disable", "rotating").actor()).isEqualTo("global-admin");

        HttpResponse<String> plain = global.post(PAGE + "/rotating/enabled", Map.of("enabled", "true"));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(ok(global.get(PAGE))).contains("rotating can sign in again.");
        assertThat(server.send("GET", "/api/v1/users/me", RunningServer.basic("rotating"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void theLastEnabledGlobalAdminIsKeptWithTheReasonShown() {
        server.createUser("lonely-admin", Role.GLOBAL_ADMIN);
        ConsoleBrowser lonely = ConsoleBrowser.signIn(server, "lonely-admin");
        List<String> others = server.database().users().list().stream()
                .filter(u -> u.role() == Role.GLOBAL_ADMIN && u.enabled() && !u.username().equals("lonely-admin"))
                .map(u -> u.username()).toList();
        others.forEach(name -> server.database().users().setEnabled(name, false));
        try {
            HttpResponse<String> demote = lonely.htmxPost(PAGE + "/lonely-admin/role", Map.of("role", "SECURITY_READER"));
            assertThat(demote.statusCode()).isEqualTo(409);
            assertThat(demote.body()).contains("this is the last enabled global admin");
            assertThat(lonely.htmxPost(PAGE + "/lonely-admin/delete", Map.of()).statusCode()).isEqualTo(409);
            assertThat(server.database().users().find("lonely-admin").orElseThrow().role()).isEqualTo(Role.GLOBAL_ADMIN);
        } finally {
            others.forEach(name -> server.database().users().setEnabled(name, true));
        }
    }

    @Test
    void deletingAUserRevokesTheirTokensAndATokenCanBeRevokedAlone() {
        server.createUser("leaver", Role.SECURITY_OPERATOR);
        String leaversToken = server.createToken("leaver", Role.SECURITY_OPERATOR);
        String keptToken = server.createToken("security-reader", Role.SECURITY_READER);
        assertThat(ok(global.get(PAGE))).contains("leaver", "test SECURITY_OPERATOR");

        assertThat(ok(global.htmxPost(PAGE + "/leaver/delete", Map.of())))
                .contains("leaver is deleted and their API tokens revoked.");
        assertThat(server.database().users().find("leaver")).isEmpty();
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.bearer(leaversToken), null).statusCode()).isEqualTo(401);
        assertThat(last("user.delete", "leaver").details()).containsEntry("tokensRevoked", "1");

        String tokenId = server.database().apiTokens().listByOwner("security-reader").get(0).id();
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.bearer(keptToken), null).statusCode()).isEqualTo(200);
        String revoked = ok(global.htmxPost(PAGE + "/tokens/" + tokenId + "/revoke", Map.of()));
        assertThat(revoked).contains("The token is revoked", ">Revoked<");
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.bearer(keptToken), null).statusCode()).isEqualTo(401);
        assertThat(last("token.revoke", tokenId).actor()).isEqualTo("global-admin");
        assertThat(revoked).doesNotContain(keptToken).doesNotContain(leaversToken);
    }

    @Test
    void aTokenNameSomeoneChoseIsShownAsText() {
        HttpResponse<String> issued = server.send("POST", "/api/v1/tokens", RunningServer.basic("security-reader"),
                "{\"name\":\"<script>alert('token')</script><img src=x onerror=alert(2)>\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);

        String page = ok(global.get(PAGE));
        assertThat(page).contains("&lt;script&gt;alert(&#39;token&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(", "<img src=x");
    }

    private static AuditEntry last(String action, String target) {
        List<AuditEntry> entries = server.database().auditLog()
                .find(AuditFilter.any().withAction(action).withTarget(target), PageRequest.of(0, 1)).items();
        assertThat(entries).as(action + " on " + target).isNotEmpty();
        return entries.get(0);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
