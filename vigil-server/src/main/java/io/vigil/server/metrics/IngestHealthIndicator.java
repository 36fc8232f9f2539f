package io.vigil.server.metrics;

import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalConfig;
import io.vigil.server.ingest.EventIntake;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code ingest}, part of the readiness group: DOWN while the journal is full (an
 * append was refused for lack of room within the Retry-After window, or the unconsumed bytes are within
 * one maximal record of the bound) or while the detection loop is not running, so a load balancer
 * sends events elsewhere instead of into 503s. Liveness does not include it: a full journal is not a
 * reason to restart.
 */
@Component("ingest")
class IngestHealthIndicator implements HealthIndicator {

    private final Journal journal;
    private final JournalConfig journalConfig;
    private final EventIntake intake;
    private final DetectionProgress detection;

    IngestHealthIndicator(Journal journal, JournalConfig journalConfig, EventIntake intake, DetectionProgress detection) {
        this.journal = journal;
        this.journalConfig = journalConfig;
        this.intake = intake;
        this.detection = detection;
    }

    @Override
    public Health health() {
        long unconsumed = journal.unconsumedBytes();
        long limit = journalConfig.maxUnconsumedBytes();
        boolean full = intake.recentlyRefusedForRoom()
                || unconsumed > limit - Math.min(limit / 2, journalConfig.maxRecordBytes());
        boolean detecting = detection.isRunning();
        Health.Builder health = full || !detecting ? Health.down() : Health.up();
        return health.withDetail("journalFull", full)
                .withDetail("journalUnconsumedBytes", unconsumed)
                .withDetail("journalMaxUnconsumedBytes", limit)
                .withDetail("detectionRunning", detecting)
                .build();
    }
}
