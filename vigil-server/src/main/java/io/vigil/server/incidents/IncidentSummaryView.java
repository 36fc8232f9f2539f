package io.vigil.server.incidents;

import io.vigil.model.incident.Incident;
import io.vigil.server.api.ApiValues;
import java.time.Instant;

/** An incident in a list. */
public record IncidentSummaryView(String id, String title, String severity, String status, String classification,
                                  String assignee, Instant firstActivity, Instant lastActivity, int alertCount,
                                  Instant createdAt, Instant updatedAt, long version) {

    public static IncidentSummaryView of(Incident i) {
        return new IncidentSummaryView(i.id(), i.title(), ApiValues.name(i.severity()), ApiValues.name(i.status()),
                ApiValues.name(i.classification()), i.assignee(), i.firstActivity(), i.lastActivity(), i.alertCount(),
                i.createdAt(), i.updatedAt(), i.version());
    }
}
