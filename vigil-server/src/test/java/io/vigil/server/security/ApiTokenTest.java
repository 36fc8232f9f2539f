package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** API tokens: shown once, stored as a hash only, refused once revoked or expired, capped at the owner's role. */
class ApiTokenTest {

    private static final Pattern SECRET = Pattern.compile("\"token\":\"(vgl_[A-Za-z0-9_-]{43})\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static String operator;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        operator = server.createUser(Role.SECURITY_OPERATOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> createToken(String json) {
        return server.send("POST", "/api/v1/tokens", RunningServer.basic(operator), json);
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsItsHash() {
        HttpResponse<String> created = createToken("{\"name\":\"siem export\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = group(SECRET, created.body());
        String id = group(ID, created.body());

        HttpResponse<String> listed = server.send("GET", "/api/v1/tokens", RunningServer.basic(operator), null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id, "siem export").doesNotContain(secret).doesNotContain("\"token\"");

        JdbcTemplate jdbc = new JdbcTemplate(server.context().getBean(DataSource.class));
        String stored = jdbc.queryForObject("SELECT token_hash FROM api_tokens WHERE id = ?", String.class, id);
        assertThat(stored).isEqualTo(ApiTokens.hash(secret)).doesNotContain(secret.substring(4));
        assertThat(jdbc.queryForList("SELECT * FROM api_tokens WHERE id = ?", id).get(0).values())
                .noneMatch(v -> v != null && v.toString().contains(secret.substring(4)));

        HttpResponse<String> used = server.send("GET", "/api/v1/detectors", RunningServer.bearer(secret), null);
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(server.database().apiTokens().findById(id).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void aTokenHasTheRoleItWasGivenNotItsOwners() {
        String secret = group(SECRET, createToken("{\"name\":\"read only\",\"role\":\"SECURITY_READER\"}").body());
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.bearer(secret), null).statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/events", RunningServer.bearer(secret), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenAboveTheOwnersRole() {
        assertThat(createToken("{\"name\":\"escalate\",\"role\":\"GLOBAL_ADMIN\"}").statusCode()).isEqualTo(403);
        assertThat(server.database().apiTokens().listByOwner(operator)).noneMatch(t -> t.name().equals("escalate"));
    }

    @Test
    void aDemotedOwnerTakesTheTokenDownWithThem() {
        server.createUser("soon-demoted", Role.SECURITY_ADMIN);
        String secret = server.createToken("soon-demoted", Role.SECURITY_ADMIN);
        assertThat(server.send("POST", "/api/v1/events", RunningServer.bearer(secret), "application/x-ndjson", "")
                .statusCode()).isNotIn(401, 403);
        server.database().users().changeRole("soon-demoted", Role.SECURITY_READER);
        assertThat(server.send("POST", "/api/v1/events", RunningServer.bearer(secret), "{}").statusCode()).isEqualTo(403);
        server.database().users().setEnabled("soon-demoted", false);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.bearer(secret), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIsRefused() {
        HttpResponse<String> created = createToken("{\"name\":\"to revoke\"}");
        String secret = group(SECRET, created.body());
        String id = group(ID, created.body());
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.bearer(secret), null).statusCode()).isEqualTo(200);

        assertThat(server.send("DELETE", "/api/v1/tokens/" + id, RunningServer.basic(operator), null).statusCode())
                .isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.bearer(secret), null).statusCode()).isEqualTo(401);
        assertThat(audit("token.revoke")).anyMatch(e -> e.target().equals(id) && e.actor().equals(operator));
        assertThat(audit("token.sign-in")).anyMatch(e -> e.target() != null && e.target().equals(id)
                && e.outcome() == AuditOutcome.FAILURE && e.details().get("reason").equals("revoked"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        ApiTokens tokens = server.context().getBean(ApiTokens.class);
        ApiTokens.Issued issued = tokens.issue("expired", Role.SECURITY_READER, operator, Instant.now().plusMillis(300));
        assertThat(issued.toString()).doesNotContain(issued.secret());
        await(Instant.now().plusMillis(400));
        assertThat(server.send("GET", "/api/v1/detectors", RunningServer.bearer(issued.secret()), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void unknownAndMalformedTokensAreRefused() {
        for (String token : List.of("vgl_" + "A".repeat(43), "not-a-vigil-token", "")) {
            HttpResponse<String> response = server.send("GET", "/api/v1/detectors", RunningServer.bearer(token), null);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
        }
    }

    @Test
    void nobodyRevokesSomeoneElsesTokenButAGlobalAdmin() {
        server.createUser("token-owner", Role.SECURITY_READER);
        server.createUser("token-admin", Role.GLOBAL_ADMIN);
        String secret = server.createToken("token-owner", Role.SECURITY_READER);
        ApiToken token = server.database().apiTokens().findByHash(ApiTokens.hash(secret)).orElseThrow();
        assertThat(server.send("DELETE", "/api/v1/tokens/" + token.id(), RunningServer.basic(operator), null).statusCode())
                .isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/tokens/all", RunningServer.basic("token-admin"), null).body())
                .contains(token.id());
        assertThat(server.send("DELETE", "/api/v1/tokens/" + token.id(), RunningServer.basic("token-admin"), null)
                .statusCode()).isEqualTo(204);
        assertThat(server.database().apiTokens().findById(token.id()).orElseThrow().revoked()).isTrue();
    }

    private static List<AuditEntry> audit(String action) {
        return server.database().auditLog().find(AuditFilter.any().withAction(action), PageRequest.of(0, 100)).items();
    }

    private static void await(Instant until) {
        try {
            Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
