package io.vigil.server.metrics;

/** How far the detection loop has read the journal; what lag and readiness are computed from. */
public interface DetectionProgress {

    /** The journal position of the last record handed to the engine, -1 before any. */
    long processedPosition();

    boolean isRunning();
}
