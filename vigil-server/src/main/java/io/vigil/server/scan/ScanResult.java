package io.vigil.server.scan;

import io.vigil.engine.embedded.EngineStats;
import io.vigil.model.alert.Alert;
import java.time.Duration;
import java.util.List;

/**
 * @param filesRead          sources decoded (archive members count one each)
 * @param filesSkipped       files that are not event logs (unrecognised format)
 * @param unreadableSources  files that could not be read at all (I/O failure)
 * @param events             events decoded, whatever their kind
 * @param identityEvents     events the normaliser turned into identity events
 * @param bytes              bytes decoded (after unwrapping archives)
 * @param errors             undecodable records and sources
 */
public record ScanResult(
        List<Alert> alerts,
        long filesRead,
        long filesSkipped,
        long unreadableSources,
        long bytes,
        long events,
        long identityEvents,
        long errors,
        Duration elapsed,
        EngineStats engine) {

    public double eventsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return events / seconds;
    }
}
