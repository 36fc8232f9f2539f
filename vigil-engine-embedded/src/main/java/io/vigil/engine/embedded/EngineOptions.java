package io.vigil.engine.embedded;

import java.time.Duration;

/**
 * @param workers          threads running detectors; 0 runs them on the submitting thread
 * @param allowedLateness  how far behind the newest event time the watermark trails, so events
 *                         that arrive a little out of order (several DCs, several files) still land
 *                         before the timers of their window fire
 * @param batchSize        events handed to a worker at once
 * @param queueDepth       batches waiting per worker before the submitter blocks (back-pressure)
 */
public record EngineOptions(int workers, Duration allowedLateness, int batchSize, int queueDepth) {

    public EngineOptions {
        if (workers < 0 || batchSize < 1 || queueDepth < 1) {
            throw new IllegalArgumentException("workers >= 0, batchSize >= 1, queueDepth >= 1");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(1), 512, 8);
    }

    public static EngineOptions singleThreaded() {
        return new EngineOptions(0, Duration.ofMinutes(1), 512, 8);
    }

    public EngineOptions withWorkers(int n) {
        return new EngineOptions(n, allowedLateness, batchSize, queueDepth);
    }
}
