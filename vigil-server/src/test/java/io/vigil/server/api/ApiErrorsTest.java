package io.vigil.server.api;

import static io.vigil.server.api.ApiTestServer.ADMIN;
import static io.vigil.server.api.ApiTestServer.OPERATOR;
import static io.vigil.server.api.ApiTestServer.READER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed request gets a 4xx problem detail that says what was wrong; never a stack trace or HTML. */
class ApiErrorsTest {

    private static final String ALERT = "/api/v1/alerts/a-1";

    @TempDir
    static Path dataDir;

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        server.database().alerts().upsert(TestAlerts.alert("a-1", "kerberoasting", Severity.HIGH, TestAlerts.T0, "alice"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/alerts?limit=0            | limit",
            "/api/v1/alerts?limit=501          | limit",
            "/api/v1/alerts?offset=-1          | offset",
            "/api/v1/alerts?limit=ten          | limit",
            "/api/v1/alerts?offset=1.5         | offset",
            "/api/v1/incidents?limit=0         | limit",
            "/api/v1/identities?limit=501      | limit",
            "/api/v1/audit?offset=-3           | offset",
            "/api/v1/alerts?status=sleeping    | status",
            "/api/v1/alerts?severity=extreme   | severity",
            "/api/v1/alerts?from=yesterday     | from",
            "/api/v1/incidents?status=resolved | status"})
    void invalidQueryParametersAre400NamingTheParameter(String path, String field) {
        ApiTestServer.Response answer = server.get(ADMIN, path.strip());
        assertProblem(answer, 400);
        assertThat(answer.json().path("field").asString()).isEqualTo(field.strip());
        assertThat(answer.json().path("detail").asString()).contains(field.strip());
    }

    @Test
    void badJsonIs400WithLineAndColumn() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "{\"status\": \"resolved\",\n \"version\": }");
        assertProblem(answer, 400);
        assertThat(answer.json().path("detail").asString()).contains("malformed JSON at line 2");
    }

    @Test
    void trailingGarbageAfterTheJsonIs400() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "{\"status\": \"resolved\"} {}");
        assertProblem(answer, 400);
    }

    @Test
    void anUnknownFieldIs400NamingItAndTheKnownOnes() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "{\"stauts\": \"resolved\", \"version\": 0}");
        assertProblem(answer, 400);
        assertThat(answer.json().path("detail").asString())
                .contains("unknown field 'stauts'").contains("status").contains("classification");
        assertThat(server.database().alerts().findById("a-1").orElseThrow().version()).isZero();
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingIt() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "{\"status\": \"resolved\", \"version\": \"latest\"}");
        assertProblem(answer, 400);
        assertThat(answer.json().path("detail").asString()).contains("'version'");
    }

    @Test
    void aMissingBodyIs400() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "");
        assertProblem(answer, 400);
        assertThat(answer.json().path("detail").asString()).contains("JSON body");
    }

    @Test
    void aWrongContentTypeIs415NamingWhatToSend() {
        ApiTestServer.Response answer = server.send(OPERATOR, "PATCH", ALERT, "text/plain", "status=resolved");
        assertProblem(answer, 415);
        assertThat(answer.json().path("detail").asString()).contains("text/plain").contains("application/json");
    }

    @Test
    void anUnknownIdIs404() {
        assertProblem(server.get(READER, "/api/v1/alerts/no-such-alert"), 404);
        assertProblem(server.get(READER, "/api/v1/incidents/no-such-incident"), 404);
        assertProblem(server.get(READER, "/api/v1/incidents/no-such-incident/timeline"), 404);
        assertProblem(server.get(READER, "/api/v1/detectors/no-such-detector"), 404);
        assertProblem(server.sendJson(OPERATOR, "PATCH", "/api/v1/alerts/no-such-alert",
                "{\"status\": \"resolved\", \"version\": 0}"), 404);
    }

    @Test
    void anUnknownPathIs404AsAProblem() {
        assertProblem(server.get(READER, "/api/v1/no-such-thing"), 404);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"text\": \"" + "x".repeat((int) RequestBodyLimitFilter.MAX_BYTES) + "\"}";
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "POST", ALERT + "/comments", huge);
        assertProblem(answer, 413);
        assertThat(server.database().alerts().comments("a-1")).isEmpty();
    }

    @Test
    void aChangeWithoutAVersionIs428() {
        ApiTestServer.Response answer = server.sendJson(OPERATOR, "PATCH", ALERT, "{\"status\": \"resolved\"}");
        assertProblem(answer, 428);
        assertThat(answer.json().path("detail").asString()).contains("If-Match");
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(server.sendJson(OPERATOR, "DELETE", ALERT, ""), 405);
    }

    private static void assertProblem(ApiTestServer.Response answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.vigil").doesNotContain("<html");
    }
}
