package io.vigil.server.alerts;

import io.vigil.model.alert.Evidence;
import java.time.Instant;

/** One event behind an alert: when, which event on which computer, where it was read, and what it says. */
public record EvidenceView(Instant time, int eventId, String computer, long recordId, String origin, String summary) {

    public static EvidenceView of(Evidence e) {
        return new EvidenceView(e.time(), e.eventId(), e.computer(), e.recordId(), e.origin(), e.summary());
    }
}
