package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.store.PageRequest;
import io.vigil.store.audit.AuditFilter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser side: form sign-in with a session cookie, CSRF on every change, secure headers. */
class ConsoleSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        server.createUser("analyst", Role.SECURITY_OPERATOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record LoginPage(String cookie, String csrf) {
    }

    private static LoginPage loginPage() {
        HttpResponse<String> page = server.send("GET", "/login", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new LoginPage(cookie, m.group(1));
    }

    private static HttpResponse<String> postForm(String path, String cookie, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return server.send(request.build());
    }

    private static String credentials(String user, String password) {
        return "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        LoginPage page = loginPage();
        assertThat(postForm("/login", page.cookie(), credentials("analyst", RunningServer.PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(postForm("/login", null, credentials("analyst", RunningServer.PASSWORD)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void signingInGivesAStrictSessionCookieAndIsAudited() {
        LoginPage page = loginPage();
        HttpResponse<String> signedIn = postForm("/login", page.cookie(),
                credentials("analyst", RunningServer.PASSWORD) + "&_csrf=" + page.csrf());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        // a new session id after sign-in: a session fixed before it is worthless
        assertThat(setCookie.split(";")[0]).isNotEqualTo(page.cookie());

        assertThat(server.database().auditLog().find(AuditFilter.any().withAction("user.sign-in").withActor("analyst")
                .withOutcome(AuditOutcome.SUCCESS), PageRequest.of(0, 10)).items())
                .anyMatch(e -> "password".equals(e.details().get("method")) && e.sourceIp() != null);

        // logging out needs the token too
        String session = setCookie.split(";")[0];
        assertThat(postForm("/logout", session, "").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordOnTheFormSaysNothingMore() {
        LoginPage page = loginPage();
        HttpResponse<String> refused = postForm("/login", page.cookie(),
                credentials("analyst", "not the password") + "&_csrf=" + page.csrf());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void theConsoleNeedsASignIn() {
        HttpResponse<String> home = server.send("GET", "/", null, null);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theApiNeedsNoCsrfToken() {
        HttpResponse<String> created = server.send("POST", "/api/v1/tokens", RunningServer.basic("analyst"),
                "{\"name\":\"no csrf needed\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void everyResponseCarriesTheSecureHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] {
                server.send("GET", "/login", null, null),
                server.send("GET", "/api/v1/detectors", null, null),
                server.send("GET", "/api/v1/detectors", RunningServer.basic("analyst"), null)}) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).containsAnyOf("default-src 'self'", "default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            // plain HTTP here: HSTS only goes out over TLS
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        assertThat(server.send("GET", "/login", null, null).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
    }
}
