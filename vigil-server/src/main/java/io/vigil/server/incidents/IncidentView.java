package io.vigil.server.incidents;

import io.vigil.model.incident.Incident;
import io.vigil.server.alerts.AlertSummaryView;
import io.vigil.server.alerts.EntityView;
import io.vigil.server.api.ApiValues;
import java.time.Instant;
import java.util.List;

/**
 * One incident with its alerts (earliest first) and the entities they are about (each once).
 *
 * @param version send it back (or the ETag) with a PATCH
 */
public record IncidentView(String id, String title, String severity, String status, String classification,
                           String assignee, Instant firstActivity, Instant lastActivity, int alertCount,
                           List<AlertSummaryView> alerts, List<EntityView> entities,
                           Instant createdAt, Instant updatedAt, long version) {

    static IncidentView of(Incident i, List<AlertSummaryView> alerts, List<EntityView> entities) {
        return new IncidentView(i.id(), i.title(), ApiValues.name(i.severity()), ApiValues.name(i.status()),
                ApiValues.name(i.classification()), i.assignee(), i.firstActivity(), i.lastActivity(), i.alertCount(),
                alerts, entities, i.createdAt(), i.updatedAt(), i.version());
    }
}
