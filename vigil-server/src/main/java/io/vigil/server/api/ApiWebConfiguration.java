package io.vigil.server.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.DeserializationFeature;

/** What every API endpoint shares: strict JSON reading and a bound on request bodies. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /**
     * A misspelt field must be an error, not silently ignored: {@code {"stauts": "resolved"}} would
     * otherwise answer 200 and change nothing. Ordered after Spring Boot's own customizer, which turns
     * the feature off.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** After Spring Security's filters (the registration's default order), so anonymous callers get 401 first. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
