package io.vigil.engine.embedded;

import java.util.Map;

/**
 * @param events          identity events submitted
 * @param routed          (detector, key) deliveries made
 * @param detectorErrors  exceptions thrown by each detector (the event was skipped for it, not the stream)
 * @param keys            live keyed states across partitions
 */
public record EngineStats(long events, long routed, Map<String, Long> detectorErrors, long keys) {
}
