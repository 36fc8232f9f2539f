package io.vigil.server.incidents;

import io.vigil.model.incident.Incident;
import io.vigil.server.alerts.AlertSummaryView;
import io.vigil.server.alerts.EntityView;
import io.vigil.server.api.ApiValues;
import io.vigil.server.pam.PasswordResetView;
import java.time.Instant;
import java.util.List;

/**
 * One incident with its alerts (earliest first), the entities they are about (each once) and the
 * password resets started from its alerts (newest first).
 *
 * @param version send it back (or the ETag) with a PATCH
 */
public record IncidentView(String id, String title, String severity, String status, String classification,
                           String assignee, Instant firstActivity, Instant lastActivity, int alertCount,
                           List<AlertSummaryView> alerts, List<EntityView> entities,
                           Instant createdAt, Instant updatedAt, long version,
                           List<PasswordResetView> passwordResets) {

    static IncidentView of(Incident i, List<AlertSummaryView> alerts, List<EntityView> entities,
                           List<PasswordResetView> passwordResets) {
        return new IncidentView(i.id(), i.title(), ApiValues.name(i.severity()), ApiValues.name(i.status()),
                ApiValues.name(i.classification()), i.assignee(), i.firstActivity(), i.lastActivity(), i.alertCount(),
                alerts, entities, i.createdAt(), i.updatedAt(), i.version(), passwordResets);
    }
}
