package io.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.security.RunningServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session on a {@link RunningServer} without a browser: signs in through the
 * console's form (session cookie, CSRF token), reads pages and posts forms the way a page does,
 * optionally as htmx ({@code HX-Request: true}). Redirects are not followed, so tests see them.
 */
public final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final RunningServer server;
    private String cookie;

    private ConsoleBrowser(RunningServer server) {
        this.server = server;
    }

    /** Signs in as a local account that has {@link RunningServer#PASSWORD}. */
    public static ConsoleBrowser signIn(RunningServer server, String user) {
        ConsoleBrowser browser = new ConsoleBrowser(server);
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        browser.cookie = sessionCookie(login);
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", user, "password", RunningServer.PASSWORD),
                csrfOf(login.body()), false);
        assertThat(signedIn.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        browser.cookie = sessionCookie(signedIn);
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET(), false);
    }

    /** A GET as htmx sends it (polling, partial loads). */
    public HttpResponse<String> htmxGet(String path) {
        return send(request(path).GET(), true);
    }

    /** Posts a form with the CSRF token a page of this session carries, like a form on that page. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, csrf(), false);
    }

    public HttpResponse<String> htmxPost(String path, Map<String, String> form) {
        return post(path, form, csrf(), true);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) {
        return post(path, form, null, false);
    }

    /** A CSRF token of this session, read from a page (every console page has one in its sign-out form). */
    public String csrf() {
        return csrfOf(get("/").body());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String csrf, boolean htmx) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), htmx);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean htmx) {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return server.send(request.build());
    }

    static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0])
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
