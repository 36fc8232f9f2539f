package io.vigil.engine.embedded;

import java.time.Duration;

/**
 * @param workers          threads running detectors; 0 runs them on the submitting thread
 * @param allowedLateness  how far behind the newest event time the watermark trails, so events
 *                         that arrive a little out of order (several DCs, several files) still land
 *                         before the timers of their window fire
 * @param batchSize        events handed to a worker at once
 * @param queueDepth       batches waiting per worker before the submitter blocks (back-pressure)
 * @param boundedInput     the input is a set of recordings read one after another (a scan), not a
 *                         live stream: their times may jump back and forth between files, so timers
 *                         are held until {@link EmbeddedEngine#finish()} rather than fired as a
 *                         watermark passes; detectors still roll their windows by event time
 */
public record EngineOptions(int workers, Duration allowedLateness, int batchSize, int queueDepth,
        boolean boundedInput) {

    public EngineOptions {
        if (workers < 0 || batchSize < 1 || queueDepth < 1 || allowedLateness.isNegative()) {
            throw new IllegalArgumentException("workers >= 0, batchSize >= 1, queueDepth >= 1, lateness >= 0");
        }
    }

    /** A live stream on every core, one minute of allowed lateness. */
    public static EngineOptions defaults() {
        return new EngineOptions(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(1), 512, 8, false);
    }

    public static EngineOptions singleThreaded() {
        return defaults().withWorkers(0);
    }

    /** Recordings read as a batch (see {@code boundedInput}). */
    public static EngineOptions forRecordings() {
        return defaults().withBoundedInput(true);
    }

    public EngineOptions withWorkers(int n) {
        return new EngineOptions(n, allowedLateness, batchSize, queueDepth, boundedInput);
    }

    public EngineOptions withBoundedInput(boolean bounded) {
        return new EngineOptions(workers, allowedLateness, batchSize, queueDepth, bounded);
    }
}
