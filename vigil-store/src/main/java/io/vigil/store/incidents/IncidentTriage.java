package io.vigil.store.incidents;

import io.vigil.model.alert.Classification;
import io.vigil.model.incident.IncidentStatus;

import java.util.Objects;

/** The fields an analyst sets on an incident; {@code assignee} may be {@code null} for unassigned. */
public record IncidentTriage(IncidentStatus status, Classification classification, String assignee) {

    public IncidentTriage {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(classification, "classification");
    }
}
