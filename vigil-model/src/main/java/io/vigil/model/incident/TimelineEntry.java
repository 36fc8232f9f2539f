package io.vigil.model.incident;

import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's timeline: either an alert being raised or an event that is evidence
 * for one of its alerts.
 *
 * @param evidence the event, for {@link Kind#EVIDENCE}; {@code null} for {@link Kind#ALERT}
 */
public record TimelineEntry(Instant time, Kind kind, String alertId, String alertName, Severity severity, Evidence evidence) {

    public enum Kind { ALERT, EVIDENCE }

    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alertId, "alertId");
    }
}
