package io.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's frame: sign-in page, navigation by role, sign-out, error page, assets, and what CSP forbids. */
class ConsoleLayoutTest {

    @TempDir
    static Path dataDir;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        server.createUser(Role.SECURITY_READER);
        server.createUser(Role.SECURITY_ADMIN);
        server.createUser(Role.GLOBAL_ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSignInPageIsVigilsOwnAndStyled() {
        HttpResponse<String> page = server.send("GET", "/login", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Sign in · Vigil</title>", "/assets/console.css",
                "name=\"username\"", "name=\"password\"", "name=\"_csrf\"")
                // single sign-on is offered only when an OIDC provider is configured
                .doesNotContain("/oauth2/authorization/oidc");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'"));
        assertThat(server.send("GET", "/login?error", null, null).body()).contains("Wrong user name or password");
    }

    @Test
    void assetsAreServedByVigilBeforeSignIn() {
        HttpResponse<String> css = server.send("GET", "/assets/console.css", null, null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        HttpResponse<String> htmx = server.send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void theFrameShowsWhoIsSignedInAndOnlyTheSettingsTheirRoleReaches() {
        String reader = ConsoleBrowser.signIn(server, "security-reader").get("/").body();
        assertThat(reader).contains("security-reader", "Security reader", "Overview", "Identities", "Alerts",
                "Incidents", "Integrations", "Detectors", "Sign out", "/webjars/htmx.org/", "/dist/htmx.min.js",
                "\"includeIndicatorStyles\":false")
                .doesNotContain("Audit log").doesNotContain("Users and roles");

        String admin = ConsoleBrowser.signIn(server, "security-admin").get("/").body();
        assertThat(admin).contains("Security admin", "Audit log").doesNotContain("Users and roles");

        String global = ConsoleBrowser.signIn(server, "global-admin").get("/").body();
        assertThat(global).contains("Global admin", "Audit log", "Users and roles");
    }

    @Test
    void signingOutNeedsTheTokenAndEndsTheSession() {
        ConsoleBrowser browser = ConsoleBrowser.signIn(server, "security-reader");
        assertThat(browser.postWithoutCsrf("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void anUnknownPageGetsTheConsolesErrorPage() {
        HttpResponse<String> missing = ConsoleBrowser.signIn(server, "security-reader").get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(missing.body()).contains("Nothing here", "/assets/console.css").doesNotContain("Exception");
    }

    /** CSP default-src 'self' blocks inline scripts and styles; th:utext and [( )] would print unescaped text. */
    @Test
    void templatesHoldNothingTheContentSecurityPolicyBlocksOrThatPrintsUnescaped() throws IOException {
        Path templates = Paths.get("src/main/resources/templates");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(templates)) {
            files = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString())
                    .doesNotContain("th:utext").doesNotContain("[(")
                    .doesNotContainPattern("\\sstyle=").doesNotContain("<style")
                    .doesNotContainPattern("<script(?![^>]*\\bth:src=)")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContain("hx-on").doesNotContain("javascript:");
        }
    }
}
