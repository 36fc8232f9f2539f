package io.vigil.server.detection;

import io.vigil.detection.registry.DetectorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The detectors on this server's class path, discovered once for the engine and the API alike. */
@Configuration(proxyBeanMethods = false)
class DetectionConfiguration {

    @Bean
    DetectorRegistry detectorRegistry() {
        return DetectorRegistry.discover();
    }
}
