package io.vigil.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A development server on an H2 data folder, on free ports, with an admin account for the API; for tests. */
public final class RunningServer implements AutoCloseable {

    private static final String USER = "admin-for-tests";
    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        VigilDatabase database = context.getBean(VigilDatabase.class);
        if (database.users().find(USER).isEmpty()) {
            // a server restarted on the same data folder already has it
            database.users().create(USER, context.getBean(PasswordEncoder.class).encode(PASSWORD), Role.GLOBAL_ADMIN);
        }
    }

    /** Starts with {@code settings} on top of an HTTP port of 0 and the data folder; {@code springArgs} as {@code --name=value}. */
    public static RunningServer start(Path dataDir, Map<ServerSetting, String> settings, String... springArgs) {
        Map<ServerSetting, String> all = new HashMap<>(settings);
        all.put(ServerSetting.HTTP_PORT, "0");
        all.put(ServerSetting.DATA_DIR, dataDir.toString());
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(all, Map.of(), null));
        return new RunningServer(VigilServer.run(config, springArgs));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(authorized(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body (or none) for any method, as the test admin. */
    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = authorized(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** A counter's value, 0 when it was never incremented. */
    public double count(String name, String... tags) {
        Counter counter = bean(MeterRegistry.class).find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }
}
