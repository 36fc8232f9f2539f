package io.vigil.server.alerts;

import io.vigil.model.alert.Alert;
import io.vigil.server.api.ApiValues;
import io.vigil.store.alerts.StoredAlert;
import java.time.Instant;

/** An alert in a list: enough to sort, filter and pick one; {@code GET /api/v1/alerts/{id}} has the rest. */
public record AlertSummaryView(String id, String type, String name, String severity, String status,
                               String classification, String assignee, Instant startTime, Instant endTime,
                               String compromisedEntity, long evidenceCount, long version) {

    public static AlertSummaryView of(StoredAlert stored) {
        Alert a = stored.alert();
        return new AlertSummaryView(a.id(), a.type(), a.name(), ApiValues.name(a.severity()), ApiValues.name(a.status()),
                ApiValues.name(a.classification()), stored.assignee(), a.startTime(), a.endTime(),
                a.compromisedEntity(), a.evidenceCount(), stored.version());
    }
}
