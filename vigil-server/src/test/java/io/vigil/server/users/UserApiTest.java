package io.vigil.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/users}: global admins manage accounts, everyone changes their own password, all audited. */
class UserApiTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        admin = server.createUser(Role.GLOBAL_ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> asAdmin(String method, String path, String json) {
        return server.send(method, path, RunningServer.basic(admin), json);
    }

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        HttpResponse<String> created = asAdmin("POST", "/api/v1/users",
                "{\"username\":\"new.analyst\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"SECURITY_OPERATOR\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("new.analyst", "SECURITY_OPERATOR").doesNotContain(NEW_PASSWORD)
                .doesNotContainIgnoringCase("hash");
        assertThat(server.send("GET", "/api/v1/users/me", RunningServer.basic("new.analyst", NEW_PASSWORD), null).body())
                .contains("\"username\":\"new.analyst\"", "\"role\":\"SECURITY_OPERATOR\"");
        assertThat(asAdmin("GET", "/api/v1/users", null).body()).contains("new.analyst").doesNotContain(NEW_PASSWORD);

        AuditEntry entry = last("user.create", "new.analyst");
        assertThat(entry.actor()).isEqualTo(admin);
        assertThat(entry.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(entry.details()).containsEntry("role", "SECURITY_OPERATOR");
        assertThat(entry.details().values()).noneMatch(v -> v.contains(NEW_PASSWORD));
    }

    @Test
    void shortPasswordsDuplicateNamesAndMissingRolesAreRefused() {
        assertThat(asAdmin("POST", "/api/v1/users", "{\"username\":\"shorty\",\"password\":\"elevenchars\",\"role\":\"SECURITY_READER\"}")
                .statusCode()).isEqualTo(400);
        assertThat(asAdmin("POST", "/api/v1/users", "{\"username\":\"no-role\",\"password\":\"" + NEW_PASSWORD + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(asAdmin("POST", "/api/v1/users", "{\"username\":\"me\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"SECURITY_READER\"}")
                .statusCode()).isEqualTo(400);
        assertThat(asAdmin("POST", "/api/v1/users", "{\"username\":\"" + admin + "\",\"password\":\"" + NEW_PASSWORD
                + "\",\"role\":\"SECURITY_READER\"}").statusCode()).isEqualTo(409);
        assertThat(server.database().users().find("shorty")).isEmpty();
    }

    @Test
    void roleChangesAndDisablingTakeEffectAndAreAudited() {
        server.createUser("promoted", Role.SECURITY_READER);
        assertThat(asAdmin("PUT", "/api/v1/users/promoted/role", "{\"role\":\"SECURITY_ADMIN\"}").statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/events", RunningServer.basic("promoted"), "{}").statusCode()).isNotIn(401, 403);
        assertThat(last("user.role.change", "promoted").details())
                .containsEntry("from", "SECURITY_READER").containsEntry("to", "SECURITY_ADMIN");

        assertThat(asAdmin("POST", "/api/v1/users/promoted/disable", null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.basic("promoted"), null).statusCode()).isEqualTo(401);
        assertThat(last("user.disable", "promoted").outcome()).isEqualTo(AuditOutcome.SUCCESS);

        assertThat(asAdmin("POST", "/api/v1/users/promoted/enable", null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.basic("promoted"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminResetsAForgottenPassword() {
        server.createUser("forgot", Role.SECURITY_READER);
        assertThat(asAdmin("PUT", "/api/v1/users/forgot/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.basic("forgot", NEW_PASSWORD), null).statusCode())
                .isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.basic("forgot"), null).statusCode()).isEqualTo(401);
        assertThat(last("user.password.reset", "forgot").actor()).isEqualTo(admin);
    }

    @Test
    void everyoneChangesTheirOwnPasswordGivenTheCurrentOne() {
        server.createUser("self-service", Role.SECURITY_READER);
        String reader = RunningServer.basic("self-service");
        assertThat(server.send("PUT", "/api/v1/users/me/password", reader,
                "{\"currentPassword\":\"not my password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(400);
        assertThat(last("user.password.change", "self-service").outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(server.send("PUT", "/api/v1/users/me/password", reader,
                "{\"currentPassword\":\"" + RunningServer.PASSWORD + "\",\"newPassword\":\"short\"}").statusCode()).isEqualTo(400);
        assertThat(server.send("PUT", "/api/v1/users/me/password", reader,
                "{\"currentPassword\":\"" + RunningServer.PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.basic("self-service", NEW_PASSWORD), null)
                .statusCode()).isEqualTo(200);
        assertThat(last("user.password.change", "self-service").outcome()).isEqualTo(AuditOutcome.SUCCESS);
        // but nobody else's
        assertThat(server.send("PUT", "/api/v1/users/" + admin + "/password",
                RunningServer.basic("self-service", NEW_PASSWORD), "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLastGlobalAdminCannotBeDemotedOrDisabled() {
        // the first administrator created at start-up is the other global admin here: disable it first
        for (var user : server.database().users().list()) {
            if (user.role() == Role.GLOBAL_ADMIN && !user.username().equals(admin)) {
                server.database().users().setEnabled(user.username(), false);
            }
        }
        assertThat(asAdmin("PUT", "/api/v1/users/" + admin + "/role", "{\"role\":\"SECURITY_READER\"}").statusCode())
                .isEqualTo(409);
        assertThat(asAdmin("POST", "/api/v1/users/" + admin + "/disable", null).statusCode()).isEqualTo(409);
        assertThat(asAdmin("DELETE", "/api/v1/users/" + admin, null).statusCode()).isEqualTo(409);
        assertThat(server.database().users().find(admin).orElseThrow().role()).isEqualTo(Role.GLOBAL_ADMIN);
    }

    @Test
    void deletingAUserTakesTheirTokensDownWithThemAndIsAudited() {
        server.createUser("leaver", Role.SECURITY_OPERATOR);
        String token = server.createToken("leaver", Role.SECURITY_OPERATOR);
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.bearer(token), null).statusCode()).isEqualTo(200);

        assertThat(asAdmin("DELETE", "/api/v1/users/leaver", null).statusCode()).isEqualTo(204);

        assertThat(server.database().users().find("leaver")).isEmpty();
        assertThat(server.send("GET", "/api/v1/alerts", RunningServer.bearer(token), null).statusCode()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/users/me", RunningServer.basic("leaver"), null).statusCode()).isEqualTo(401);
        AuditEntry entry = last("user.delete", "leaver");
        assertThat(entry.actor()).isEqualTo(admin);
        assertThat(entry.details()).containsEntry("role", "SECURITY_OPERATOR").containsEntry("tokensRevoked", "1");
        assertThat(asAdmin("DELETE", "/api/v1/users/leaver", null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownUsersAreNotFound() {
        assertThat(asAdmin("POST", "/api/v1/users/ghost/disable", null).statusCode()).isEqualTo(404);
        assertThat(asAdmin("PUT", "/api/v1/users/ghost/role", "{\"role\":\"SECURITY_READER\"}").statusCode()).isEqualTo(404);
    }

    private static AuditEntry last(String action, String target) {
        List<AuditEntry> entries = server.database().auditLog()
                .find(AuditFilter.any().withAction(action).withTarget(target), PageRequest.of(0, 1)).items();
        assertThat(entries).as(action + " on " + target).isNotEmpty();
        return entries.get(0);
    }
}
