package io.vigil.store.alerts;

import io.vigil.model.alert.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert as stored: the detector's alert plus what the store and the analysts add.
 *
 * @param version bumped by every analyst change (status, classification, assignee); detector
 *                updates never touch those fields, so they leave it alone
 */
public record StoredAlert(Alert alert, String assignee, long version, Instant createdAt, Instant updatedAt) {

    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
    }

    public String id() {
        return alert.id();
    }
}
