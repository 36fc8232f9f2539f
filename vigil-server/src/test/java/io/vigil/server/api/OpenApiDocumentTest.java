package io.vigil.server.api;

import static io.vigil.server.api.ApiTestServer.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server describes its API at {@code /api/v1/openapi.json} to signed-in users. */
class OpenApiDocumentTest {

    @TempDir
    static Path dataDir;

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentListsTheApisPathsAndParameters() {
        ApiTestServer.Response answer = server.get(READER, "/api/v1/openapi.json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/alerts", "/api/v1/alerts/{id}",
                "/api/v1/alerts/{id}/comments", "/api/v1/incidents", "/api/v1/incidents/{id}/timeline",
                "/api/v1/identities", "/api/v1/detectors/{id}/settings", "/api/v1/audit");
        assertThat(document.path("paths").path("/api/v1/alerts").path("get").path("parameters").toString())
                .contains("\"offset\"").contains("\"limit\"").contains("\"severity\"");
    }

    @Test
    void theDocumentNeedsSignIn() {
        assertThat(server.get(null, "/api/v1/openapi.json").status()).isEqualTo(401);
    }
}
