package io.vigil.server.detection;

import io.vigil.model.alert.Alert;

/** Where the live engine's alerts go (the store, then incidents and exporters). Must be thread-safe. */
@FunctionalInterface
public interface AlertPublisher {
    void publish(Alert alert);

    /**
     * Writes every alert published so far before returning; false when some could not be written (they
     * stay queued). A publisher that writes synchronously has nothing to do.
     */
    default boolean flushNow() {
        return true;
    }
}
