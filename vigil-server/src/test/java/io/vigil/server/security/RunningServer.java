package io.vigil.server.security;

import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.store.VigilDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A real server on an H2 data folder and a free port, with helpers to call it as someone. */
public final class RunningServer implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery staple";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static RunningServer start(Path dataDir) {
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, dataDir.toString()), Map.of(), null));
        return new RunningServer(VigilServer.run(config));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public VigilDatabase database() {
        return context.getBean(VigilDatabase.class);
    }

    public String url(String path) {
        return base + path;
    }

    /** A local account named after its role ({@code security-reader}), with {@link #PASSWORD}. */
    public String createUser(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        createUser(name, role);
        return name;
    }

    public void createUser(String name, Role role) {
        database().users().create(name, context.getBean(PasswordEncoder.class).encode(PASSWORD), role);
    }

    /** A fresh token's secret for this owner, valid for a day. */
    public String createToken(String owner, Role role) {
        return context.getBean(ApiTokens.class)
                .issue("test " + role, role, owner, Instant.now().plus(1, ChronoUnit.DAYS)).secret();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String basic(String user) {
        return basic(user, PASSWORD);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Sends a request; {@code authorization} may be null (anonymous), {@code json} null for no body. */
    public HttpResponse<String> send(String method, String path, String authorization, String json) {
        return send(method, path, authorization, "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
