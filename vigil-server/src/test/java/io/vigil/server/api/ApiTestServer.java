package io.vigil.server.api;

import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.store.VigilDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on H2 in a temporary data directory, on a free port, with one user per role
 * ({@code reader}, {@code operator}, {@code admin}) and an HTTP client that signs in as one of them.
 */
public final class ApiTestServer implements AutoCloseable {

    public static final String READER = "reader";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin-user";
    private static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext server;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApiTestServer(ConfigurableApplicationContext server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
        PasswordEncoder passwords = server.getBean(PasswordEncoder.class);
        database().users().create(READER, passwords.encode(PASSWORD), Role.SECURITY_READER);
        database().users().create(OPERATOR, passwords.encode(PASSWORD), Role.SECURITY_OPERATOR);
        database().users().create(ADMIN, passwords.encode(PASSWORD), Role.SECURITY_ADMIN);
    }

    public static ApiTestServer start(Path dataDir) {
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, dataDir.toString()), Map.of(), null));
        return new ApiTestServer(VigilServer.run(config));
    }

    public VigilDatabase database() {
        return server.getBean(VigilDatabase.class);
    }

    public <T> T bean(Class<T> type) {
        return server.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return server;
    }

    public Response get(String user, String path) {
        return send(request(user, path).GET());
    }

    public Response send(String user, String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(user, path)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response sendJson(String user, String method, String path, String json, String... headers) {
        return send(user, method, path, "application/json", json, headers);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** An answer with its body parsed as JSON on demand. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
