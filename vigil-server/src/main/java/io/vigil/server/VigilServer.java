package io.vigil.server;

import io.vigil.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring Boot server from a validated {@link ServerConfig}. */
public final class VigilServer {

    private VigilServer() {
    }

    /** Starts and returns the running server; the caller closes it to stop. */
    public static ConfigurableApplicationContext run(ServerConfig config, String... args) {
        return new SpringApplicationBuilder(VigilServerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .properties(springProperties(config))
                .initializers(context -> context.getBeanFactory().registerSingleton("serverConfig", config))
                .run(args);
    }

    /** The Spring settings a {@link ServerConfig} stands for. */
    static Map<String, Object> springProperties(ServerConfig config) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.address", config.httpHost());
        if (config.tls()) {
            p.put("server.port", config.httpsPort());
            p.put("server.ssl.bundle", "vigil");
            p.put("spring.ssl.bundle.pem.vigil.keystore.certificate", "file:" + config.httpsCertificateFile());
            p.put("spring.ssl.bundle.pem.vigil.keystore.private-key", "file:" + config.httpsCertificateKeyFile());
        } else {
            p.put("server.port", config.httpPort());
        }
        p.put("spring.datasource.url", config.dbUrl());
        if (config.dbUsername() != null) {
            p.put("spring.datasource.username", config.dbUsername());
        }
        if (config.dbPassword() != null) {
            p.put("spring.datasource.password", config.dbPassword());
        }
        if (config.oidc() != null) {
            oidcProperties(config.oidc(), p);
        }
        p.put("server.servlet.session.cookie.http-only", true);
        p.put("server.servlet.session.cookie.secure", config.tls());
        p.put("server.servlet.session.cookie.same-site", "strict");
        p.put("server.error.include-stacktrace", "never");
        p.put("server.error.whitelabel.enabled", false);
        p.put("management.endpoints.web.exposure.include", "health,prometheus");
        p.put("management.endpoint.health.probes.enabled", true);
        p.put("management.endpoint.health.group.readiness.include", "readinessState,ingest");
        p.put("spring.mvc.problemdetails.enabled", true);
        p.put("spring.jmx.enabled", false);
        p.put("spring.main.register-shutdown-hook", true);
        return p;
    }

    /** Console sign-in through an OpenID Connect provider, found by its issuer's discovery document. */
    private static void oidcProperties(ServerConfig.Oidc oidc, Map<String, Object> p) {
        String registration = "spring.security.oauth2.client.registration.oidc.";
        p.put("spring.security.oauth2.client.provider.oidc.issuer-uri", oidc.issuerUrl());
        p.put(registration + "provider", "oidc");
        p.put(registration + "client-name", "single sign-on");
        p.put(registration + "client-id", oidc.clientId());
        if (oidc.clientSecret() != null) {
            p.put(registration + "client-secret", oidc.clientSecret());
        }
        p.put(registration + "authorization-grant-type", "authorization_code");
        p.put(registration + "scope", "openid,profile,email");
    }
}
