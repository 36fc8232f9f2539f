package io.vigil.server.audit;

import static io.vigil.server.api.ApiTestServer.ADMIN;
import static io.vigil.server.api.ApiTestServer.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.ApiTestServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/audit}: newest first, filtered by actor, action and time, for admins only. */
class AuditApiTest {

    @TempDir
    static Path dataDir;

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        var log = server.database().auditLog();
        log.append(AuditEntry.of("alice", "pam.reset-password", "CONTOSO\\bob", AuditOutcome.SUCCESS)
                .at(Instant.parse("2026-03-01T10:00:00Z")));
        log.append(AuditEntry.of("carol", "detector.settings.update", "dcsync", AuditOutcome.FAILURE)
                .at(Instant.parse("2026-03-02T10:00:00Z")));
        log.append(AuditEntry.of("alice", "detector.settings.update", "kerberoasting", AuditOutcome.SUCCESS)
                .at(Instant.parse("2026-03-03T10:00:00Z")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void filtersByActorActionOutcomeAndTime() {
        assertThat(targets("/api/v1/audit?actor=alice")).containsExactly("kerberoasting", "CONTOSO\\bob");
        assertThat(targets("/api/v1/audit?action=detector.settings.update")).containsExactly("kerberoasting", "dcsync");
        assertThat(targets("/api/v1/audit?outcome=failure")).containsExactly("dcsync");
        assertThat(targets("/api/v1/audit?actor=alice&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z"))
                .containsExactly("CONTOSO\\bob");
    }

    @Test
    void entriesCarryWhoWhatWhenAndHow() {
        JsonNode entry = server.get(ADMIN, "/api/v1/audit?actor=carol").json().path("items").get(0);
        assertThat(entry.path("action").asString()).isEqualTo("detector.settings.update");
        assertThat(entry.path("outcome").asString()).isEqualTo("failure");
        assertThat(entry.path("at").asString()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThat(server.get(OPERATOR, "/api/v1/audit").status()).isEqualTo(403);
    }

    private static java.util.List<String> targets(String path) {
        ApiTestServer.Response answer = server.get(ADMIN, path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("items").valueStream().map(e -> e.path("target").asString()).toList();
    }
}
