package io.vigil.store.alerts;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import java.time.Instant;
import java.util.List;

/**
 * Whom an alert names, how bad it is, whether it is still open and until when it lasted: what adding
 * alerts up per entity takes, without the alert's text and evidence.
 */
public record AlertOutline(String id, Severity severity, AlertStatus status, Instant endTime, List<Entity> entities) {

    public AlertOutline {
        entities = List.copyOf(entities);
    }

    public static AlertOutline of(Alert alert) {
        return new AlertOutline(alert.id(), alert.severity(), alert.status(), alert.endTime(), alert.entities());
    }
}
