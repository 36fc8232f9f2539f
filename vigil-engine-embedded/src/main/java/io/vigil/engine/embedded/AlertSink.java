package io.vigil.engine.embedded;

import io.vigil.model.alert.Alert;

/** Receives alerts from worker threads; must be thread-safe. An alert id seen again is an update. */
@FunctionalInterface
public interface AlertSink {
    void accept(Alert alert);
}
