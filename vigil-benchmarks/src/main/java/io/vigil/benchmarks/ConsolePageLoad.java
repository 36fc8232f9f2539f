package io.vigil.benchmarks;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.user.Role;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.server.identities.IdentityQuery;
import io.vigil.server.identities.IdentityService;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console pages against a large store: a start-dev server (H2 file database, as a small site runs
 * it) holding a synced domain of 50,000 users and 100,000 alerts in incidents, read by a signed-in
 * browser-like client (session cookie from the sign-in form) over loopback. Each page is requested
 * until warm, then timed; the time is the client's, request sent to last byte received, so it bounds
 * the server's time from above.
 *
 * <pre>
 * java [-Dpages.api=false] -cp … io.vigil.benchmarks.ConsolePageLoad [identities, default 50000] [alerts, default 100000] [timed requests per page, default 30] [data folder]
 * </pre>
 *
 * After the console's pages, {@code GET /api/v1/identities} is timed with 5 requests (it counts every
 * stored alert on each); {@code -Dpages.api=false} leaves it out.
 *
 * Without a data folder the store is seeded in a new temporary one. A data folder is seeded once (it
 * then holds {@value #SEEDED}) and reused as it is by later runs with the same counts, so that runs
 * against the same store are comparable and the quarter of an hour of seeding is not repeated.
 */
public final class ConsolePageLoad {

    private static final String USER = "page-load";
    private static final String PASSWORD = "page-load-password-1";
    private static final String DOMAIN = "corp.example";
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SEEDED = "page-load-seeded.properties";

    public static void main(String[] args) throws Exception {
        int identities = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int alerts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path data = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("vigil-pages");
        Seeded seeded = Seeded.in(data, identities, alerts).orElse(null);
        if (seeded == null) {
            long seeding = System.nanoTime();
            seeded = seed(data, identities, alerts);
            System.out.printf("seeded %,d identities and %,d alerts in %.0f s%n", identities, alerts,
                    (System.nanoTime() - seeding) / 1e9);
        } else {
            System.out.printf("reusing the store of %,d identities and %,d alerts seeded in %s%n", identities, alerts, data);
        }
        String alertId = seeded.alertId();
        String incidentId = seeded.incidentId();

        // a restart loads the inventory from the store, as after any sync
        try (ConfigurableApplicationContext server = start(data)) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
            HttpClient browser = signedIn(base);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("overview", "/");
            pages.put("identities", "/identities");
            pages.put("identities, search", "/identities?search=user0123");
            pages.put("identities, by risk", "/identities?sort=risk");
            pages.put("identities, page 500", "/identities?offset=25000");
            pages.put("identity", "/identities/" + guidOf(123));
            pages.put("alerts", "/alerts");
            pages.put("alerts, high", "/alerts?severity=high");
            pages.put("alerts, page 1000", "/alerts?offset=50000");
            pages.put("alert", "/alerts/" + alertId);
            pages.put("incidents", "/incidents");
            pages.put("incident", "/incidents/" + incidentId);
            pages.put("audit log", "/settings/audit");
            pages.put("detectors", "/settings/detectors");
            System.out.printf("load average before: %s%n", loadAverage());
            System.out.printf("%-22s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms", "bytes");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                time(browser, HttpRequest.newBuilder(URI.create(base + page.getValue())).build(), page.getKey(), 10, timed);
            }
            timeIdentityQueries(server.getBean(IdentityService.class), timed);
            // the API's list counts every stored alert on each request: a few requests say enough
            if (Boolean.parseBoolean(System.getProperty("pages.api", "true"))) {
                timeApi(base);
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    /**
     * The identity list's query alone, in the server's JVM: the part of the identity pages that grows
     * with the inventory, without the page's rendering (which the alert and incident lists share).
     */
    private static void timeIdentityQueries(IdentityService identities, int timed) {
        Map<String, IdentityQuery> queries = new LinkedHashMap<>();
        queries.put("query: identities", query(null, IdentityQuery.Sort.LAST_SEEN));
        queries.put("query: search", query("user0123", IdentityQuery.Sort.LAST_SEEN));
        queries.put("query: by risk", query(null, IdentityQuery.Sort.RISK));
        queries.put("query: top 5", query(null, IdentityQuery.Sort.ALERT_COUNT));
        for (Map.Entry<String, IdentityQuery> q : queries.entrySet()) {
            PageRequest page = q.getKey().endsWith("top 5") ? PageRequest.first(5) : PageRequest.first(50);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 10 + timed; i++) {
                long start = System.nanoTime();
                identities.page(q.getValue(), page);
                if (i >= 10) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            print(q.getKey(), millis, 0);
        }
        List<Double> deep = new ArrayList<>();
        for (int i = 0; i < 10 + timed; i++) {
            long start = System.nanoTime();
            identities.page(query(null, IdentityQuery.Sort.LAST_SEEN), PageRequest.of(25_000, 50));
            if (i >= 10) {
                deep.add((System.nanoTime() - start) / 1e6);
            }
        }
        print("query: page 500", deep, 0);
    }

    private static IdentityQuery query(String search, IdentityQuery.Sort sort) {
        return new IdentityQuery(search, Set.of(), null, Set.of(), null, Set.of(), null, sort);
    }

    private static void timeApi(String base) throws Exception {
        HttpRequest api = HttpRequest.newBuilder(URI.create(base + "/api/v1/identities?sort=risk"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        time(HttpClient.newHttpClient(), api, "API identities, risk", 1, 5);
    }

    /** The machine's load average over 1, 5 and 15 minutes (Linux), to say how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** What a seeded data folder holds, as its {@value #SEEDED} records it. */
    private record Seeded(int identities, int alerts, String alertId, String incidentId) {

        static Optional<Seeded> in(Path data, int identities, int alerts) throws IOException {
            Path file = data.resolve(SEEDED);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            Seeded seeded = new Seeded(Integer.parseInt(p.getProperty("identities")), Integer.parseInt(p.getProperty("alerts")),
                    p.getProperty("alertId"), p.getProperty("incidentId"));
            if (seeded.identities() != identities || seeded.alerts() != alerts) {
                throw new IllegalStateException(data + " holds " + seeded.identities() + " identities and "
                        + seeded.alerts() + " alerts, not " + identities + " and " + alerts + "; name another folder");
            }
            return Optional.of(seeded);
        }

        void writeTo(Path data) throws IOException {
            Properties p = new Properties();
            p.setProperty("identities", Integer.toString(identities));
            p.setProperty("alerts", Integer.toString(alerts));
            p.setProperty("alertId", alertId);
            p.setProperty("incidentId", incidentId);
            try (var out = Files.newOutputStream(data.resolve(SEEDED))) {
                p.store(out, "ConsolePageLoad's seeded store");
            }
        }
    }

    private static Seeded seed(Path data, int identities, int alerts) throws IOException {
        boolean empty;
        try (var files = Files.list(data)) {
            empty = files.findAny().isEmpty();
        }
        if (!empty) {
            throw new IllegalStateException(data + " is neither empty nor a seeded store");
        }
        Seeded seeded;
        try (ConfigurableApplicationContext server = start(data)) {
            VigilDatabase database = server.getBean(VigilDatabase.class);
            database.users().create(USER, server.getBean(PasswordEncoder.class).encode(PASSWORD), Role.GLOBAL_ADMIN);
            database.directoryInventory().replace(directory(identities), Map.of());
            String alertId = seedAlerts(database, alerts, identities);
            seeded = new Seeded(identities, alerts, alertId, database.incidents().findByAlert(alertId).orElseThrow().id());
        }
        seeded.writeTo(data);
        return seeded;
    }

    private static ConfigurableApplicationContext start(Path data) {
        return VigilServer.run(ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, data.toString()), Map.of(), null)));
    }

    /** A domain of users, every tenth a service account with an SPN, with stable GUIDs and SIDs. */
    private static DirectorySnapshot directory(int count) {
        List<DirectoryIdentity> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sam = name(i);
            users.add(new DirectoryIdentity(DirectoryObjectKind.USER, DOMAIN, "CN=" + sam + ",OU=Staff,DC=corp,DC=example",
                    "S-1-5-21-100-200-300-" + (10_000 + i), guidOf(i), sam, sam + "@" + DOMAIN, "User " + i, null,
                    i % 10 == 0 ? List.of("HTTP/app" + i + "." + DOMAIN) : List.of(), 0, null, null,
                    "S-1-5-21-100-200-300-513", List.of(), List.of(), T0, 1000 + i));
        }
        return new DirectorySnapshot(DOMAIN, "dc01." + DOMAIN, 1000 + count, T0, users);
    }

    /**
     * Alerts on the directory's accounts, stored and grouped into incidents as the alert writer does,
     * a thousand to a transaction (on H2 this takes a quarter of an hour for 100,000). Returns the id
     * of one of them.
     */
    private static String seedAlerts(VigilDatabase database, int count, int identities) {
        Severity[] severities = Severity.values();
        String one = null;
        for (int from = 0; from < count; from += 1_000) {
            List<Alert> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1_000); i++) {
                batch.add(alert(i, severities[i % severities.length], identities));
            }
            database.inTransaction(() -> batch.forEach(a -> {
                database.alerts().save(a);
                database.incidents().place(a.id(), Duration.ofHours(2));
            }));
            one = batch.get(0).id();
            if ((from / 1_000) % 10 == 9) {
                System.out.printf("  %,d alerts stored%n", from + 1_000);
            }
        }
        return one;
    }

    private static Alert alert(int i, Severity severity, int identities) {
        String account = name((i * 7) % identities);
        Instant start = T0.plus(Duration.ofMinutes(i));
        String host = "ws-" + (i % 5_000);
        return new Alert("pl-" + i, "kerberoasting", "2410", "KerberoastingSecurityAlert",
                "Suspected Kerberoasting by " + account, severity, account + " asked for service tickets of many accounts",
                List.of("Reset the service accounts' passwords"), start, start.plus(Duration.ofMinutes(5)),
                List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1558.003", "Kerberoasting")),
                "CORP\\" + account,
                List.of(new Entity.AccountEntity(account, "CORP", "S-1-5-21-100-200-300-" + (10_000 + (i * 7) % identities)),
                        new Entity.HostEntity(host, DOMAIN), new Entity.IpEntity("10.1." + (i % 250) + "." + (i % 200 + 1))),
                Map.of("requestedTickets", "12"),
                List.of(new Evidence(start.plusSeconds(10), 4769, "dc01." + DOMAIN, 2L * i, "ticket", "TGS for svc_a"),
                        new Evidence(start.plusSeconds(20), 4769, "dc01." + DOMAIN, 2L * i + 1, "ticket", "TGS for svc_b")),
                2, AlertStatus.NEW, Classification.UNDETERMINED);
    }

    private static String name(int i) {
        return String.format("user%05d", i);
    }

    private static UUID guidOf(int i) {
        return new UUID(0x5eed_0000_0000_0000L, i);
    }

    /** Signs in through the console's form, as a browser does, and keeps the session cookie. */
    private static HttpClient signedIn(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "username=" + USER + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signIn.statusCode() + " " + location);
        }
        return http;
    }

    private static void time(HttpClient browser, HttpRequest request, String name, int warmUp, int timed) throws Exception {
        int bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            HttpResponse<String> warm = browser.send(request, HttpResponse.BodyHandlers.ofString());
            if (warm.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + warm.statusCode());
            }
            bytes = warm.body().length();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < timed; i++) {
            long start = System.nanoTime();
            browser.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        print(name, millis, bytes);
    }

    private static void print(String name, List<Double> millis, int bytes) {
        Collections.sort(millis);
        System.out.printf("%-22s %8.1f %8.1f %8.1f %8d%n", name, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(0.95 * millis.size()) - 1), millis.get(millis.size() - 1), bytes);
    }
}
