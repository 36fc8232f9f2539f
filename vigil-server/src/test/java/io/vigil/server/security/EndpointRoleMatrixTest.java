package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.user.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint the running server maps (read from Spring MVC, so endpoints added later are covered
 * without touching this test) × anonymous and every role, by password and by API token: anonymous gets
 * 401, a role below the endpoint's access annotation 403, a role at or above it anything but 401/403.
 */
class EndpointRoleMatrixTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Set<RequestMethod> READ_ONLY = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
    /** Changes a reader may make: to their own credentials, not to what Vigil does. */
    private static final Set<String> SELF_SERVICE = Set.of("/api/v1/tokens", "/api/v1/tokens/{id}", "/api/v1/users/me/password");
    /** Configuration that only admins may change. */
    private static final Pattern SETTINGS = Pattern.compile("/api/v1/(detectors|settings|integrations|users|tokens/all)(/.*)?");

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static final Map<Role, String> BY_PASSWORD = new EnumMap<>(Role.class);
    static final Map<Role, String> BY_TOKEN = new EnumMap<>(Role.class);

    record Endpoint(RequestMethod method, String pattern, String path, String contentType, HandlerMethod handler,
            Optional<Role> required) {

        String describe() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + ")";
        }
    }

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        for (Role role : Role.values()) {
            String user = server.createUser(role);
            BY_PASSWORD.put(role, RunningServer.basic(user));
            BY_TOKEN.put(role, RunningServer.bearer(server.createToken(user, role)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Endpoint> endpoints() {
        RequestMappingHandlerMapping mapping = server.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .findFirst().map(MediaType::toString).orElse("application/json");
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method, pattern, samplePath(pattern) + sampleQuery(info), contentType,
                            entry.getValue(), EndpointAccess.requiredRole(entry.getValue())));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static String samplePath(String pattern) {
        return PATH_VARIABLE.matcher(pattern).replaceAll("1").replace("/**", "/x").replace("/*", "/x");
    }

    private static String sampleQuery(RequestMappingInfo info) {
        List<String> params = info.getParamsCondition().getExpressions().stream()
                .filter(e -> !e.isNegated())
                .map(e -> e.getName() + "=" + (e.getValue() == null ? "1" : e.getValue()))
                .toList();
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    @Test
    void findsTheApi() {
        assertThat(endpoints()).extracting(Endpoint::pattern)
                .contains("/api/v1/users", "/api/v1/tokens", "/api/v1/events", "/api/v1/detectors");
    }

    @Test
    void everyEndpointCarriesExactlyOneAccessAnnotation() {
        assertThat(endpoints()).filteredOn(e -> e.required().isEmpty()).extracting(Endpoint::describe)
                .as("API handlers without exactly one of @ReaderAccess, @OperatorAccess, @AdminAccess, @GlobalAdminAccess")
                .isEmpty();
    }

    @Test
    void aReaderChangesNothingButTheirOwnCredentials() {
        assertThat(endpoints())
                .filteredOn(e -> !READ_ONLY.contains(e.method()) && !SELF_SERVICE.contains(e.pattern()))
                .filteredOn(e -> e.required().orElse(Role.GLOBAL_ADMIN) == Role.SECURITY_READER)
                .extracting(Endpoint::describe)
                .isEmpty();
    }

    @Test
    void onlyAdminsChangeSettings() {
        assertThat(endpoints())
                .filteredOn(e -> !READ_ONLY.contains(e.method()) && !SELF_SERVICE.contains(e.pattern()))
                .filteredOn(e -> SETTINGS.matcher(e.pattern()).matches())
                .filteredOn(e -> !e.required().orElse(Role.GLOBAL_ADMIN).includes(Role.SECURITY_ADMIN))
                .extracting(Endpoint::describe)
                .isEmpty();
    }

    @Test
    void everyEndpointAnswersEachRoleAsItsAnnotationSays() {
        SoftAssertions softly = new SoftAssertions();
        List<String> serverErrors = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (Endpoint endpoint : endpoints) {
            softly.assertThat(call(endpoint, null).statusCode()).as("anonymous: " + endpoint.describe()).isEqualTo(401);
            // lowest role first, so that whatever an admin's call changes cannot mask a refusal
            for (Role role : List.of(Role.SECURITY_READER, Role.SECURITY_OPERATOR, Role.SECURITY_ADMIN, Role.GLOBAL_ADMIN)) {
                boolean allowed = endpoint.required().map(role::includes).orElse(false);
                for (Map.Entry<String, String> credentials : Map.of("password", BY_PASSWORD.get(role),
                        "token", BY_TOKEN.get(role)).entrySet()) {
                    HttpResponse<String> response = call(endpoint, credentials.getValue());
                    String as = role + " by " + credentials.getKey() + ": " + endpoint.describe() + " -> "
                            + response.statusCode() + " " + abbreviate(response.body());
                    if (allowed) {
                        softly.assertThat(response.statusCode()).as(as).isNotIn(401, 403);
                    } else {
                        softly.assertThat(response.statusCode()).as(as).isEqualTo(403);
                    }
                    if (response.statusCode() >= 500) {
                        serverErrors.add(as);
                    }
                }
            }
        }
        System.out.println("[matrix] " + endpoints.size() + " endpoints x (anonymous + 4 roles x 2 credentials) checked");
        // a minimal body or path variable is a malformed request for many endpoints: 4xx, never a crash
        softly.assertThat(serverErrors).as("server errors").isEmpty();
        softly.assertAll();
    }

    @Test
    void healthIsOpenAndMetricsAreNot() {
        assertThat(server.send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(server.send("GET", "/actuator/prometheus", BY_TOKEN.get(Role.SECURITY_READER), null).statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> call(Endpoint endpoint, String authorization) {
        boolean hasBody = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH).contains(endpoint.method());
        return server.send(endpoint.method().name(), endpoint.path(), authorization, endpoint.contentType(),
                hasBody ? "{}" : null);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 200 ? String.valueOf(body) : body.substring(0, 200) + "…";
    }
}
