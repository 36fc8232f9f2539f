package io.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The development server starts on an embedded H2 database and answers on loopback. */
class ServerStartTest {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, dataDir.toString()), Map.of(), null));
        server = VigilServer.run(config);
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenAndUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theApiNeedsCredentials() throws Exception {
        HttpResponse<String> detectors = get("/api/v1/detectors");
        assertThat(detectors.statusCode()).isEqualTo(401);
        assertThat(detectors.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theH2DatabaseLivesInTheDataDirectory() {
        assertThat(dataDir.resolve("db").resolve("vigil.mv.db")).exists();
    }
}
