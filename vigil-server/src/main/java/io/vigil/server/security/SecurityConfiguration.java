package io.vigil.server.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Two filter chains: the API ({@code /api}, {@code /actuator}) for programs that
 * present HTTP Basic or an API token on every call, stateless and so without CSRF; and the console
 * (everything else) for browsers, with a session cookie, CSRF protection, form and OIDC sign-in.
 * Health probes are open. Each API handler's access annotation is checked before the request is read
 * ({@link EndpointAccessInterceptor}) and again by method security. Secure headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

    private static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

    /** GLOBAL_ADMIN > SECURITY_ADMIN > SECURITY_OPERATOR > SECURITY_READER: each role may do what those below it may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_GLOBAL_ADMIN > ROLE_SECURITY_ADMIN
                ROLE_SECURITY_ADMIN > ROLE_SECURITY_OPERATOR
                ROLE_SECURITY_OPERATOR > ROLE_SECURITY_READER
                """);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new EndpointAccessInterceptor(roleHierarchy()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("vigil");
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // programs present credentials on every call and never a cookie: there is nothing to forge
                .csrf(csrf -> csrf.disable());
        secureHeaders(http, "default-src 'none'; frame-ancestors 'none'");
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
            ObjectProvider<OidcSignIn> oidcSignIn) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the sign-in page and what it is styled with
                        .requestMatchers("/login", "/error", "/favicon.ico", "/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .csrf(Customizer.withDefaults());
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcSignIn.getObject())));
        }
        secureHeaders(http, "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        return http.build();
    }

    private static void secureHeaders(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        // HSTS is written only on requests that came over TLS, so plain-HTTP development stays reachable
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)));
    }
}
