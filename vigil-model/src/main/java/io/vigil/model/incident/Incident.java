package io.vigil.model.incident;

import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * A group of alerts that share an entity within a time window: one attack on one timeline.
 *
 * @param severity      the worst severity among its alerts
 * @param firstActivity the earliest alert start time
 * @param lastActivity  the latest alert end time
 * @param alertCount    how many alerts it holds
 * @param version       bumped by every analyst change, for optimistic locking
 */
public record Incident(
        String id,
        String title,
        Severity severity,
        IncidentStatus status,
        Classification classification,
        String assignee,
        Instant firstActivity,
        Instant lastActivity,
        int alertCount,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        status = status == null ? IncidentStatus.NEW : status;
        classification = classification == null ? Classification.UNDETERMINED : classification;
    }
}
