package io.vigil.store.alerts;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;

import java.util.Objects;

/** The fields an analyst sets on an alert; {@code assignee} may be {@code null} for unassigned. */
public record AlertTriage(AlertStatus status, Classification classification, String assignee) {

    public AlertTriage {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(classification, "classification");
    }
}
