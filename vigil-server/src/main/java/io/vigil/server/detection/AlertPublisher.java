package io.vigil.server.detection;

import io.vigil.model.alert.Alert;

/** Where the live engine's alerts go (the store, then incidents and exporters). Must be thread-safe. */
@FunctionalInterface
public interface AlertPublisher {
    void publish(Alert alert);
}
