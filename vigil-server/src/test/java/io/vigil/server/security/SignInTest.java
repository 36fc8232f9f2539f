package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password sign-in on the API: lock-out after ten failures, answers that tell nothing, every failure audited. */
class SignInTest {

    @TempDir
    static Path dataDir;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> detectors(String user, String password) {
        return server.send("GET", "/api/v1/detectors", RunningServer.basic(user, password), null);
    }

    @Test
    void tenFailuresLockTheAccountEvenAgainstTheRightPassword() {
        server.createUser("victim", Role.SECURITY_READER);
        for (int i = 0; i < AccountLockout.MAX_FAILURES; i++) {
            assertThat(detectors("victim", "guess number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = detectors("victim", RunningServer.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);

        assertThat(entries("user.lockout")).anyMatch(e -> e.target().equals("victim") && "127.0.0.1".equals(e.sourceIp()));
        assertThat(entries("user.sign-in")).filteredOn(e -> e.target().equals("victim"))
                .extracting(e -> e.details().get("reason"))
                .containsOnly("wrong password", "locked")
                .contains("locked");

        // an admin lifts the lock; then the right password works and clears the count
        server.createUser("unlocker", Role.GLOBAL_ADMIN);
        assertThat(server.send("POST", "/api/v1/users/victim/unlock", RunningServer.basic("unlocker"), null).statusCode())
                .isEqualTo(200);
        assertThat(detectors("victim", RunningServer.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(server.database().users().find("victim").orElseThrow().failedLogins()).isZero();
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        server.createUser("forgetful", Role.SECURITY_READER);
        for (int i = 0; i < AccountLockout.MAX_FAILURES - 1; i++) {
            detectors("forgetful", "wrong password");
        }
        assertThat(detectors("forgetful", RunningServer.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(detectors("forgetful", "wrong again").statusCode()).isEqualTo(401);
        assertThat(detectors("forgetful", RunningServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUsersLookExactlyLikeWrongPasswords() {
        server.createUser("known", Role.SECURITY_READER);
        HttpResponse<String> unknown = detectors("nobody-by-this-name", "some password");
        HttpResponse<String> wrong = detectors("known", "some password");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).isEqualTo(wrong.headers().firstValue("WWW-Authenticate"));
        assertThat(strip(unknown.body())).isEqualTo(strip(wrong.body()));
        assertThat(entries("user.sign-in")).anyMatch(e -> e.target().equals("nobody-by-this-name")
                && e.outcome() == AuditOutcome.FAILURE && e.details().get("reason").equals("unknown user"));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        server.createUser("leaver", Role.SECURITY_ADMIN);
        server.database().users().setEnabled("leaver", false);
        assertThat(detectors("leaver", RunningServer.PASSWORD).statusCode()).isEqualTo(401);
    }

    private static String strip(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private static List<AuditEntry> entries(String action) {
        return server.database().auditLog().find(AuditFilter.any().withAction(action), PageRequest.of(0, 500)).items();
    }
}
