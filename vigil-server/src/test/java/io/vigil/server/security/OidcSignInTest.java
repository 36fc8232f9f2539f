package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.audit.AuditFilter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Console sign-in through an OpenID Connect provider: the role claim decides, an unknown role is turned away. */
class OidcSignInTest {

    @TempDir
    static Path dataDir;

    static OidcProviderStandIn provider;
    static ConfigurableApplicationContext server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        provider = new OidcProviderStandIn();
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(Map.of(
                ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, dataDir.toString(),
                ServerSetting.OIDC_ISSUER_URL, provider.issuer(),
                ServerSetting.OIDC_CLIENT_ID, OidcProviderStandIn.CLIENT_ID,
                ServerSetting.OIDC_CLIENT_SECRET, "stand-in-secret"), Map.of(), null));
        server = VigilServer.run(config);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Walks the browser's part of the authorization code flow; returns Vigil's answer to the callback. */
    private static HttpResponse<String> signIn(Map<String, Object> claims) throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/oidc", null);
        assertThat(start.statusCode()).isEqualTo(302);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize");
        Map<String, String> params = Arrays.stream(authorize.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(params).containsEntry("client_id", OidcProviderStandIn.CLIENT_ID).containsKey("nonce");
        provider.nonce(params.get("nonce"));
        provider.nextSignIn(claims);
        return get(params.get("redirect_uri") + "?code=stand-in-code&state="
                + java.net.URLEncoder.encode(params.get("state"), StandardCharsets.UTF_8), cookie);
    }

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        assertThat(get("/login", null).body()).contains("/oauth2/authorization/oidc", "Sign in with single sign-on", "name=\"password\"");
    }

    @Test
    void aUserWithAVigilRoleSignsIn() throws Exception {
        HttpResponse<String> callback = signIn(Map.of("preferred_username", "alice", "roles", List.of("security-operator")));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        List<AuditEntry> entries = audit("oidc:alice");
        assertThat(entries).anyMatch(e -> e.outcome() == AuditOutcome.SUCCESS && "oidc".equals(e.details().get("method")));
    }

    @Test
    void aUserWithoutAVigilRoleIsTurnedAway() throws Exception {
        HttpResponse<String> callback = signIn(Map.of("preferred_username", "mallory", "roles", List.of("domain-users")));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(audit("oidc:mallory")).anyMatch(e -> e.outcome() == AuditOutcome.DENIED);
    }

    private static List<AuditEntry> audit(String actor) {
        return server.getBean(VigilDatabase.class).auditLog()
                .find(AuditFilter.any().withAction("user.sign-in").withActor(actor), PageRequest.of(0, 10)).items();
    }
}
