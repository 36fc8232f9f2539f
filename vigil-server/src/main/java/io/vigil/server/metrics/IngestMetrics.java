package io.vigil.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What arrives, by source kind ({@code http}, {@code syslog-tcp}, {@code syslog-udp}, {@code folder}).
 * Prometheus names: {@code vigil_ingest_events_total}, {@code vigil_ingest_bytes_total},
 * {@code vigil_ingest_batches_total} (journal records written), {@code vigil_ingest_refused_total}
 * (by {@code reason}: malformed, journal-full, too-large, unsupported-type, too-many-connections; one
 * unit is what the source refuses whole: an HTTP request, a syslog message, a file) and
 * {@code vigil_ingest_undecodable_total} (records that could not be decoded). Events per second is
 * {@code rate(vigil_ingest_events_total[1m])}.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String source, long batches, long events, long bytes) {
        counter("vigil.ingest.batches", "journal records written", source).increment(batches);
        counter("vigil.ingest.events", "events journaled", source).increment(events);
        registry.counter("vigil.ingest.bytes", "source", source).increment(bytes);
    }

    public void refused(String source, String reason, long units) {
        Counter.builder("vigil.ingest.refused").description("input refused, by reason")
                .tag("source", source).tag("reason", reason).register(registry).increment(units);
    }

    public void undecodable(String source, long records) {
        counter("vigil.ingest.undecodable", "records that could not be decoded", source).increment(records);
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name).description(description).tag("source", source).register(registry);
    }
}
