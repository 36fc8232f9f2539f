package io.vigil.server.detection;

import io.vigil.model.alert.Alert;
import io.vigil.server.metrics.AlertMetrics;
import io.vigil.store.VigilDatabase;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Stores each alert (an upsert: a detector's update of an alert it raised before keeps what analysts
 * set) and files it into an incident: alerts that share an entity within the grouping window join
 * one incident. Alerts arrive from every engine worker; grouping runs one at a time so two alerts
 * about a new entity never open two incidents.
 */
@Component
class StoreAlertPublisher implements AlertPublisher {

    static final Duration INCIDENT_WINDOW = Duration.ofHours(24);

    private final VigilDatabase database;
    private final AlertMetrics metrics;

    StoreAlertPublisher(VigilDatabase database, AlertMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public synchronized void publish(Alert alert) {
        database.alerts().upsert(alert);
        database.incidents().group(alert.id(), INCIDENT_WINDOW);
        metrics.published(alert.type());
    }
}
