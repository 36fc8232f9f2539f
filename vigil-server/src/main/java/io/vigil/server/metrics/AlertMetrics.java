package io.vigil.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code vigil_alerts_published_total} by {@code detector}: every alert the engine publishes, including
 * updates of an alert it raised before and the re-publication of alerts while the journal is replayed
 * on start (the store deduplicates them by id; this counts the engine's output).
 */
@Component
public class AlertMetrics {

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String detector) {
        Counter.builder("vigil.alerts.published").description("alerts published by the detection engine")
                .tag("detector", detector).register(registry).increment();
    }
}
